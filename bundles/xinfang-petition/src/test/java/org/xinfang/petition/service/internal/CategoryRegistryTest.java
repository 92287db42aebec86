package org.xinfang.petition.service.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.node.internal.ConfiguredNode;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Person;
import org.xinfang.petition.PetitionDraft;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.ValidationException;
import org.xinfang.reference.ReferenceStore;
import org.xinfang.store.jdbc.internal.JdbcPetitionStore;
import org.xinfang.store.jdbc.internal.JdbcReferenceStore;

/**
 * The managed list of problem categories at a top node (no parent) and at a node below, on real Derby: a
 * case is registered under the name of the category its text names; the top edits the list by version and
 * names the faulty field; a node below cannot edit it.
 */
class CategoryRegistryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final Person CLERK = new Person("clerk", "李娜", "区信访局登记员");

    @TempDir
    Path dir;
    CategoryRegistry top;
    RegistrationService registration;

    private JdbcPetitionStore store(String name) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve(name).toString());
        ds.setCreateDatabase("create");
        JdbcPetitionStore store = new JdbcPetitionStore(ds);
        store.start();
        references = new JdbcReferenceStore(ds);
        return store;
    }

    ReferenceStore references;

    @BeforeEach
    void start() throws Exception {
        JdbcPetitionStore store = store("district");
        ConfiguredNode district = new ConfiguredNode("", "district", "510199", "青溪区", "DISTRICT", "", "",
                dir.resolve("none.csv").toString());
        top = new CategoryRegistry(references, district);
        registration = new RegistrationService(store, district, CLOCK, null, top);
    }

    private PetitionDraft draft(String category) {
        return new PetitionDraft(Kind.CLAIM, Channel.LETTER, "承包地被占", "耕地被邻组占用", category, null,
                LocalDate.of(2026, 11, 24), null, List.of(new Petitioner("王建国", null, null, null)));
    }

    @Test
    void theShippedListServesUntilTheTopChangesIt() {
        assertEquals(0, top.list().version());
        assertTrue(top.list().categories().size() >= 10);
        assertEquals("农村农业", registration.register(draft("农村土地"), CLERK).petition().category());
        assertNull(registration.register(draft(null), CLERK).petition().category());
        var e = assertThrows(ValidationException.class, () -> registration.register(draft("土地纠纷"), CLERK));
        assertEquals("category", e.field());
    }

    @Test
    void theTopMapsFreeTextAndRetiresCategoriesByVersion() {
        var changed = top.replace("{\"version\":0,\"categories\":[{\"name\":\"农村农业\",\"aliases\":[\"土地纠纷\"]},"
                + "{\"name\":\"劳动社保\",\"active\":false}]}");
        assertEquals(1, changed.version());
        assertEquals("农村农业", registration.register(draft("土地纠纷"), CLERK).petition().category());
        assertEquals("retired_category",
                assertThrows(ValidationException.class, () -> registration.register(draft("劳动社保"), CLERK)).code());
        assertThrows(ReferenceStore.StaleException.class,
                () -> top.replace("{\"version\":0,\"categories\":[{\"name\":\"其他\"}]}"));
        assertEquals(1, top.list().version());
    }

    @Test
    void aFaultyListIsRefusedOnTheFieldThatIsWrong() {
        assertEquals("categories[1].name", assertThrows(ValidationException.class, () -> top.replace(
                "{\"version\":0,\"categories\":[{\"name\":\"其他\"},{\"name\":\" \"}]}")).field());
        assertEquals("categories[0].aliases", assertThrows(ValidationException.class, () -> top.replace(
                "{\"version\":0,\"categories\":[{\"name\":\"其他\",\"aliases\":\"x\"}]}")).field());
        assertEquals("version", assertThrows(ValidationException.class, () -> top.replace(
                "{\"categories\":[{\"name\":\"其他\"}]}")).field());
        assertEquals("body", assertThrows(ValidationException.class, () -> top.replace("[1,")).field());
        assertEquals(0, top.list().version());
    }

    @Test
    void aNodeWithAParentCannotEditTheList() throws Exception {
        store("village");
        ConfiguredNode village = new ConfiguredNode("", "village", "510199101201", "柳树村",
                "VILLAGE", "510199101", "http://127.0.0.1:1/", dir.resolve("none.csv").toString());
        CategoryRegistry below = new CategoryRegistry(references, village);
        assertThrows(IllegalStateException.class,
                () -> below.replace("{\"version\":0,\"categories\":[{\"name\":\"其他\"}]}"));
    }
}
