package org.xinfang.portal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xinfang.lifecycle.IllegalTransitionException;
import org.xinfang.petition.Channel;
import org.xinfang.petition.PetitionDraft;
import org.xinfang.petition.Rating;
import org.xinfang.petition.ValidationException;
import org.xinfang.rest.support.ApiException;
import org.xinfang.rest.support.MutableClock;
import org.xinfang.rest.support.RateLimiter;
import org.xinfang.rest.support.TooManyRequests;

class PortalResourceTest {
    private static final String PETITION = """
            {"kind": "CLAIM", "subject": "拖欠工资", "content": "某公司拖欠工资三个月", "category": "劳动社保",
             "channel": "WALK_IN", "receivedAt": "2020-01-01", "headcount": 40,
             "petitioners": [{"name": "张三", "idNumber": "11010519491231002X", "phone": "138 1234 5678",
                              "address": "柳树村3组"}]}
            """;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T08:00:00Z"));
    private FakePetitions petitions;
    private ContentStore content;
    private PortalResource resource;

    @BeforeEach
    void setUp() {
        petitions = new FakePetitions();
        content = new ContentStore(dir.resolve("portal-content.json"), clock);
        content.load();
        resource = new PortalResource(petitions, content, new RateLimiter(2, Duration.ofHours(1), clock),
                new RateLimiter(3, Duration.ofHours(1), clock));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anOnlinePetitionIsOnlineReceivedTodayAndCountedByItsPetitioners() {
        Map<String, Object> answer = resource.submit(bytes(PETITION), "10.0.0.1");

        PetitionDraft draft = petitions.drafts.get(0);
        assertEquals(Channel.ONLINE, draft.channel(), "whatever the body says");
        assertNull(draft.receivedAt(), "received today, by the node's clock");
        assertEquals(1, draft.headcount());
        assertEquals(List.of(PortalResource.ONLINE_ACTOR), petitions.actors);
        assertEquals(List.of("trackingCode", "verificationCode", "receivedAt", "status", "statusLabel", "ownerName",
                "message"),
                List.copyOf(answer.keySet()));
        assertEquals(FakePetitions.TRACKING, answer.get("trackingCode"));
        assertEquals(FakePetitions.CODE, answer.get("verificationCode"));
        assertEquals("2026-11-20", answer.get("receivedAt"));
        assertEquals("已登记", answer.get("statusLabel"));
        assertEquals("青溪区信访局", answer.get("ownerName"));
        assertTrue(((String) answer.get("message")).contains(" / "), "bilingual");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "\"name\": \"张三\"|\"name\": \" \"|petitioners[0].name",
        "\"11010519491231002X\"|\"110105194912310021\"|petitioners[0].idNumber",
        "\"138 1234 5678\"|\"phone: 138\"|petitioners[0].phone",
        "\"kind\": \"CLAIM\"|\"kind\": \"PRAISE\"|kind",
        "\"subject\": \"拖欠工资\",|\"subject\": \"\",|subject",
        "\"content\": \"某公司拖欠工资三个月\",||content",
    })
    void refusesWhatTheStaffFormRefusesNamingTheField(String from, String to, String field) {
        String json = PETITION.replace(from, to == null ? "" : to);
        ValidationException e = assertThrows(ValidationException.class, () -> resource.submit(bytes(json), "10.0.0.1"));
        assertEquals(field, e.field());
        assertTrue(petitions.drafts.isEmpty());
    }

    @Test
    void atMostFivePeople() {
        String person = "{\"name\": \"李四\"}";
        String json = PETITION.replaceFirst("(?s)\\[\\{.*\\}\\]", "[" + String.join(",", List.of(person, person, person,
                person, person, person)) + "]");
        ValidationException e = assertThrows(ValidationException.class, () -> resource.submit(bytes(json), "10.0.0.1"));
        assertEquals("petitioners", e.field());
    }

    @Test
    void aBodyThatIsNoObjectIsRefusedAsSuch() {
        ApiException e = assertThrows(ApiException.class, () -> resource.submit(bytes("[1]"), "10.0.0.1"));
        assertEquals(400, e.status());
        assertEquals("invalid_type", e.body().error());
        e = assertThrows(ApiException.class, () -> resource.submit(bytes("{\"kind\": "), "10.0.0.1"));
        assertEquals("malformed_json", e.body().error());
    }

    @Test
    void oneAddressCannotFloodTheRegister() {
        resource.submit(bytes(PETITION), "10.0.0.1");
        resource.submit(bytes(PETITION), "10.0.0.1");
        TooManyRequests e = assertThrows(TooManyRequests.class, () -> resource.submit(bytes(PETITION), "10.0.0.1"));
        assertEquals(3600, e.retryAfterSeconds());
        assertTrue(e.getMessage().contains(" / "), "bilingual");
        assertEquals(2, petitions.drafts.size());
        resource.submit(bytes(PETITION), "10.0.0.2");
        clock.advance(Duration.ofHours(1));
        resource.submit(bytes(PETITION), "10.0.0.1");
        assertEquals(4, petitions.drafts.size());
    }

    @Test
    void refusedInputAndFailedRegistrationsDoNotCount() {
        for (int i = 0; i < 5; i++) {
            assertThrows(ValidationException.class,
                    () -> resource.submit(bytes(PETITION.replace("拖欠工资\",", "\",")), "10.0.0.1"));
        }
        petitions.failRegistration = new IllegalStateException("store down");
        for (int i = 0; i < 5; i++) {
            assertThrows(IllegalStateException.class, () -> resource.submit(bytes(PETITION), "10.0.0.1"));
        }
        petitions.failRegistration = null;
        resource.submit(bytes(PETITION), "10.0.0.1");
        resource.submit(bytes(PETITION), "10.0.0.1");
    }

    private static String rating(String tracking, String code, String rating) {
        return "{\"trackingCode\": " + quote(tracking) + ", \"code\": " + quote(code) + ", \"rating\": " + quote(rating)
                + ", \"comment\": \"办得好\"}";
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL|123456|SATISFIED|trackingCode",
        "ABCDE23456| |SATISFIED|code",
        "ABCDE23456|123456|NULL|rating",
        "ABCDE23456|123456|VERY_HAPPY|rating",
    })
    void aRatingNamesItsMissingField(String tracking, String code, String value, String field) {
        petitions.decided = true;
        ValidationException e = assertThrows(ValidationException.class,
                () -> resource.rate(bytes(rating(tracking, code, value)), "10.0.0.9"));
        assertEquals(field, e.field());
        assertNull(petitions.rating);
    }

    @Test
    void wrongCodesGetThePoliteNotFound() {
        petitions.decided = true;
        ApiException e = assertThrows(ApiException.class,
                () -> resource.rate(bytes(rating(FakePetitions.TRACKING, "654321", "SATISFIED")), "10.0.0.9"));
        assertEquals(404, e.status());
        assertEquals(PortalResource.NO_MATCH, e.body().message());
        assertNull(e.body().field(), "says nothing about which code was wrong");
    }

    @Test
    void ratesOnceADecisionIsIssued() {
        assertThrows(IllegalTransitionException.class,
                () -> resource.rate(bytes(rating(FakePetitions.TRACKING, FakePetitions.CODE, "SATISFIED")), "10.0.0.9"));
        petitions.decided = true;
        Map<String, Object> answer = resource.rate(bytes(rating(" " + FakePetitions.TRACKING, FakePetitions.CODE + " ",
                "basically_satisfied")), "10.0.0.9");
        assertEquals(Rating.BASICALLY_SATISFIED, petitions.rating);
        assertEquals("办得好", petitions.comment);
        assertEquals(List.of("trackingCode", "kind", "kindLabel", "subject", "receivedAt", "status", "statusLabel",
                "ownerName", "steps", "rating", "ratingLabel", "canRate", "documents"), List.copyOf(answer.keySet()));
        assertEquals("BASICALLY_SATISFIED", answer.get("rating"));
        assertEquals("基本满意", answer.get("ratingLabel"));
        assertEquals(false, answer.get("canRate"));
        @SuppressWarnings("unchecked")
        Map<String, Object> decision = ((List<Map<String, Object>>) answer.get("steps")).get(1);
        assertEquals(List.of("date", "type", "label", "notice"), List.copyOf(decision.keySet()));
        assertThrows(IllegalTransitionException.class,
                () -> resource.rate(bytes(rating(FakePetitions.TRACKING, FakePetitions.CODE, "SATISFIED")), "10.0.0.9"),
                "rated already");
    }

    @Test
    void servesAndSavesThePublishedPage() throws Exception {
        Map<String, Object> page = resource.content();
        assertEquals(List.of("office", "sections", "updatedAt", "updatedBy"), List.copyOf(page.keySet()));

        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(page)
                .replace("0000-61234567", "0000-60000000");
        Map<String, Object> saved = resource.saveContent(bytes(json), "head1");
        assertEquals("head1", saved.get("updatedBy"));
        assertEquals("2026-11-20T08:00:00Z", saved.get("updatedAt"));
        assertEquals("0000-60000000", content.current().office().phone());
        assertTrue(Files.readString(content.file()).contains("0000-60000000"));
        assertEquals(saved, resource.content());

        ValidationException e = assertThrows(ValidationException.class,
                () -> resource.saveContent(bytes(json.replace("\"xinfang@qingxi.example\"", "\"\"")), "head1"));
        assertEquals("office.email", e.field());
        ApiException bad = assertThrows(ApiException.class, () -> resource.saveContent(bytes("\"text\""), "head1"));
        assertEquals(400, bad.status());
        assertEquals("0000-60000000", content.current().office().phone(), "a refused save changes nothing");
    }

    @Test
    void wrongCodesWhenRatingAreLimitedPerCaseNotPerAddress() {
        petitions.decided = true;
        for (int i = 0; i < 3; i++) {
            String from = "10.0.0." + (7 + i);
            ApiException e = assertThrows(ApiException.class,
                    () -> resource.rate(bytes(rating(FakePetitions.TRACKING, "654321", "SATISFIED")), from));
            assertEquals(404, e.status());
        }
        // the fourth guess at that case is refused before the codes are looked at, even the right pair, and
        // from an address that has not guessed before: more addresses do not buy more tries
        TooManyRequests guessed = assertThrows(TooManyRequests.class, () -> resource.rate(
                bytes(rating(" " + FakePetitions.TRACKING.toLowerCase() + " ", FakePetitions.CODE, "SATISFIED")),
                "10.0.0.99"));
        assertTrue(guessed.retryAfterSeconds() > 0);
    }
}
