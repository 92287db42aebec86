package org.xinfang.portal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xinfang.petition.ValidationException;
import org.xinfang.rest.support.MutableClock;

class ContentStoreTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T08:30:00.123Z"));

    private ContentStore store() {
        return new ContentStore(dir.resolve("xinfang").resolve("portal-content.json"), clock);
    }

    /** The shipped content as JSON, to be changed by a test. */
    private static ObjectNode defaultsJson() {
        return MAPPER.valueToTree(ContentStore.defaults().toJson());
    }

    @Test
    void publishesTheShippedContentUntilTheOfficeSavesItsOwn() {
        ContentStore store = store();
        store.load();
        PortalContent c = store.current();
        assertEquals("青溪区信访局", c.office().name().zh());
        assertEquals(PortalContent.SECTIONS, List.copyOf(c.sections().keySet()));
        c.sections().values().forEach(s -> {
            assertFalse(s.title().en() == null, "every shipped section has English: " + s.title().zh());
            assertFalse(s.body().en() == null, "every shipped section has English: " + s.title().zh());
        });
        assertTrue(c.sections().get("procedure").body().zh().contains("第三十四条"), "the procedure cites R2022");
        assertTrue(c.sections().get("leaderReception").body().zh().contains("接待日"));
        assertNull(c.updatedAt());
        assertNull(c.updatedBy());
        assertFalse(Files.exists(store.file()), "loading writes nothing");
    }

    @Test
    void savesAtomicallyAndReadsItBack() throws IOException {
        ContentStore store = store();
        store.load();
        ObjectNode json = defaultsJson();
        ((ObjectNode) json.get("office").get("name")).put("zh", "柳河区信访局");
        ((ObjectNode) json.get("office")).put("phone", "0000-7654321");
        PortalContent saved = store.save(PortalContent.fromJson(json), "head1");

        assertEquals("head1", saved.updatedBy());
        assertEquals(Instant.parse("2026-11-20T08:30:00Z"), saved.updatedAt());
        assertEquals("柳河区信访局", store.current().office().name().zh());
        try (Stream<Path> files = Files.list(store.file().getParent())) {
            assertEquals(List.of(store.file().getFileName()), files.map(Path::getFileName).toList(),
                    "no temporary file is left behind");
        }

        ContentStore again = store();
        again.load();
        assertEquals(saved, again.current(), "a restarted node publishes what was saved");

        clock.advance(java.time.Duration.ofHours(1));
        ((ObjectNode) json.get("office")).put("email", "office@liuhe.example");
        store.save(PortalContent.fromJson(json), "leader1");
        ContentStore third = store();
        third.load();
        assertEquals("office@liuhe.example", third.current().office().email());
        assertEquals("leader1", third.current().updatedBy());
    }

    @Test
    void anUnusableFileLeavesTheShippedContentPublished() throws IOException {
        ContentStore store = store();
        Files.createDirectories(store.file().getParent());
        Files.writeString(store.file(), "{\"office\": ", StandardCharsets.UTF_8);
        store.load();
        assertEquals("青溪区信访局", store.current().office().name().zh());

        Files.writeString(store.file(), "{\"office\": {}}", StandardCharsets.UTF_8);
        store.load();
        assertEquals("青溪区信访局", store.current().office().name().zh());
    }

    @Test
    void englishIsOptional() {
        ObjectNode json = defaultsJson();
        ((ObjectNode) json.get("sections").get("rules").get("body")).putNull("en");
        ((ObjectNode) json.get("sections").get("rules").get("title")).remove("en");
        PortalContent c = PortalContent.fromJson(json);
        assertNull(c.sections().get("rules").body().en());
        assertNull(c.sections().get("rules").title().en());
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                fault("office.name.zh", j -> office(j).with("name").put("zh", " ")),
                fault("office.name", j -> office(j).remove("name")),
                fault("office.address.zh", j -> office(j).with("address").put("zh", "路".repeat(201))),
                fault("office.phone", j -> office(j).remove("phone")),
                fault("office.phone", j -> office(j).put("phone", "call us")),
                fault("office.email", j -> office(j).put("email", "xinfang-at-qingxi")),
                fault("office.postcode", j -> office(j).put("postcode", "12345")),
                fault("office", j -> j.remove("office")),
                fault("sections", j -> j.put("sections", "none")),
                fault("sections.rules", j -> sections(j).remove("rules")),
                fault("sections.leaderReception", j -> sections(j).putNull("leaderReception")),
                fault("sections.news", j -> sections(j).set("news", sections(j).get("rules").deepCopy())),
                fault("sections.procedure.body.zh", j -> section(j, "procedure").with("body").put("zh", "")),
                fault("sections.procedure.body", j -> section(j, "procedure").remove("body")),
                fault("sections.reception.title.zh",
                        j -> section(j, "reception").with("title").put("zh", "题".repeat(PortalContent.MAX_TITLE + 1))),
                fault("sections.channels.body.en",
                        j -> section(j, "channels").with("body").put("en", "x".repeat(PortalContent.MAX_BODY + 1))),
                fault("sections.query.title", j -> section(j, "query").put("title", "查询")),
                fault("sections.query.title.zh", j -> section(j, "query").with("title").put("zh", 5)));
    }

    private static Arguments fault(String field, Consumer<ObjectNode> change) {
        return Arguments.of(field, change);
    }

    private static ObjectNode office(ObjectNode j) {
        return (ObjectNode) j.get("office");
    }

    private static ObjectNode sections(ObjectNode j) {
        return (ObjectNode) j.get("sections");
    }

    private static ObjectNode section(ObjectNode j, String id) {
        return (ObjectNode) sections(j).get(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void namesTheFieldAtFault(String field, Consumer<ObjectNode> change) {
        ObjectNode json = defaultsJson();
        change.accept(json);
        ValidationException e = assertThrows(ValidationException.class, () -> PortalContent.fromJson(json));
        assertEquals(field, e.field(), e.getMessage());
    }
}
