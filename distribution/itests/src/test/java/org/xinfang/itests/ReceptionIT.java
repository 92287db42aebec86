package org.xinfang.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Leader reception days (领导接访日) on the real distributions: a district, a township below it and a village
 * below that. The township's rota reaches the district and is published there without login, with the
 * leader's name and title and no login; a walk-in registered in a session shows it, and the session lists
 * it, here and at the district; the village has no rota.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReceptionIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PW = "Reception-test-admin-pw-1";
    private static final String TOWNSHIP = "510199101";
    private static final String VILLAGE = "510199101201";
    private static final String HEAD = "head";
    private static final String HEAD_PW = "Reception-test-head-pw-1";
    /** The leader's login: it must never appear on the portal. */
    private static final String LEADER = "heping";
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private TierNode district;
    private TierNode township;
    private TierNode village;
    private String sessionId;
    private String walkInId;

    @BeforeAll
    void boot() throws Exception {
        String townshipSecret = secret();
        String villageSecret = secret();
        district = TierNode.unpack("district", "rd-district").start(PW);
        township = TierNode.unpack("township", "rd-township").childOf(district, townshipSecret)
                .user(HEAD, HEAD_PW, "head", "leader").person(HEAD, "王芳", "清河镇信访办主任")
                .person(LEADER, "何平", "清河镇党委书记").start(PW);
        village = TierNode.unpack("village", "rd-village").childOf(township, villageSecret).start(PW);
        district.awaitReady();
        assertEquals(200, district.registerChild(TOWNSHIP, townshipSecret).statusCode());
        township.awaitReady();
        assertEquals(200, township.registerChild(VILLAGE, villageSecret).statusCode());
        village.awaitReady();
    }

    @AfterAll
    void stop() throws Exception {
        for (TierNode node : new TierNode[] {village, township, district}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private static String secret() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> anonymous(TierNode node, String path) throws Exception {
        return node.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).timeout(Duration.ofSeconds(30)).GET()
                .build());
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        TierNode.await(what, PATIENCE, condition);
    }

    private String session(String date, String leader, String start, String end) {
        return """
                {"date": "%s", "start": "%s", "end": "%s", "place": "清河镇便民服务中心二楼接访室",
                 "topics": "征地拆迁、劳动社保", "leader": "%s"}""".formatted(date, start, end, leader);
    }

    @Test
    @Order(1)
    void aHeadOfTheTownshipPutsASessionOnTheRotaAndBadInputIsNamed() throws Exception {
        HttpResponse<String> bad = township.postJsonAs(HEAD, HEAD_PW, "/api/v1/reception-days",
                session(today(), "nobody", "09:00", "11:30"));
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals("leader", json(bad).get("field").asText(), "a leader the staff list does not name");
        assertTrue(json(bad).get("message").asText().startsWith("接访领导"), "Chinese first: " + bad.body());
        HttpResponse<String> backwards = township.postJsonAs(HEAD, HEAD_PW, "/api/v1/reception-days",
                session(today(), LEADER, "11:30", "09:00"));
        assertEquals("end", json(backwards).get("field").asText(), backwards.body());
        HttpResponse<String> broken = township.postJsonAs(HEAD, HEAD_PW, "/api/v1/reception-days", "{\"date\": ");
        assertEquals(400, broken.statusCode());
        assertEquals("malformed_json", json(broken).get("error").asText());
        HttpResponse<String> wrongType = township.postJsonAs(HEAD, HEAD_PW, "/api/v1/reception-days", "{\"place\": 7}");
        assertEquals("place", json(wrongType).get("field").asText(), wrongType.body());
        assertEquals(401, anonymous(township, "/api/v1/reception-days").statusCode(), "staff list needs a login");

        HttpResponse<String> created = township.postJsonAs(HEAD, HEAD_PW, "/api/v1/reception-days",
                session(today(), LEADER, "00:00", "23:59"));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode d = json(created);
        sessionId = d.get("id").asText();
        assertTrue(sessionId.startsWith(TOWNSHIP + "-R"), sessionId);
        assertEquals("何平", d.get("leaderName").asText());
        assertEquals("清河镇党委书记", d.get("leaderTitle").asText());
        assertEquals("清河镇", d.get("unitName").asText());
        assertFalse(created.body().contains(LEADER), "no login: " + created.body());

        JsonNode list = json(township.get("/api/v1/reception-days"));
        assertEquals(sessionId, list.get("items").get(0).get("id").asText());
    }

    @Test
    @Order(2)
    void aWalkInRegisteredInTheSessionShowsItAndTheSessionListsIt() throws Exception {
        String body = TierDistributionsIT.petition("接访日来访：征地补偿款未到位")
                .replace("\"receivedAt\": \"2026-11-20\"", "\"receivedAt\": \"" + today() + "\"")
                .replaceFirst("\\{", "{\"receptionDay\": \"" + sessionId + "\", ");
        HttpResponse<String> r = township.postJson("/api/v1/petitions", body);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode registered = json(r).get("timeline").get(0);
        walkInId = json(r).get("id").asText();
        assertEquals(sessionId, registered.get("attrs").get("receptionDay").asText());
        assertEquals("何平 · 清河镇党委书记", registered.get("attrs").get("receptionLeader").asText());
        JsonNode s = json(township.get("/api/v1/reception-days/" + sessionId));
        assertEquals(walkInId, s.get("cases").get(0).asText());

        // a letter cannot name a session, nor can a walk-in of another day
        HttpResponse<String> letter = township.postJson("/api/v1/petitions", body.replace("WALK_IN", "LETTER"));
        assertEquals(400, letter.statusCode());
        assertEquals("receptionDay", json(letter).get("field").asText());
        HttpResponse<String> otherDay = township.postJson("/api/v1/petitions", body.replace("\"receivedAt\": \"" + today(),
                "\"receivedAt\": \"2026-01-05"));
        assertEquals("receptionDay", json(otherDay).get("field").asText(), otherDay.body());
    }

    @Test
    @Order(3)
    void theDistrictPublishesTheTownshipsRotaWithoutLoginAndNamesNoLogin() throws Exception {
        await("the township's session on the district's portal", () -> {
            HttpResponse<String> r = anonymous(district, "/api/v1/portal/reception-days");
            return r.statusCode() == 200 && r.body().contains("清河镇党委书记");
        });
        HttpResponse<String> r = anonymous(district, "/api/v1/portal/reception-days");
        JsonNode item = null;
        for (JsonNode i : json(r).get("items")) {
            if ("清河镇".equals(i.get("unitName").asText())) {
                item = i;
            }
        }
        assertTrue(item != null, r.body());
        assertEquals("何平", item.get("leaderName").asText());
        assertEquals("清河镇党委书记", item.get("leaderTitle").asText());
        assertEquals(today(), item.get("date").asText());
        assertEquals("00:00", item.get("start").asText());
        assertEquals("清河镇便民服务中心二楼接访室", item.get("place").asText());
        assertEquals(TOWNSHIP, item.get("unit").asText());
        assertFalse(r.body().contains(LEADER), "no login on the portal: " + r.body());
        assertFalse(r.body().contains(walkInId), "no cases on the portal");

        // staff at the district see the session with its walk-in, which travelled up too
        await("the walk-in listed with the session at the district", () -> {
            HttpResponse<String> s = district.get("/api/v1/reception-days/" + sessionId);
            return s.statusCode() == 200 && s.body().contains(walkInId);
        });
        JsonNode atDistrict = json(district.get("/api/v1/petitions/" + walkInId));
        assertEquals(sessionId, atDistrict.get("timeline").get(0).get("attrs").get("receptionDay").asText());
        // and may not change it: the township keeps its own rota
        HttpResponse<String> cancel = district.postJson("/api/v1/reception-days/" + sessionId + "/cancel",
                "{\"reason\": \"区里取消\"}");
        assertEquals(403, cancel.statusCode(), cancel.body());
    }

    @Test
    @Order(4)
    void aCancelledSessionLeavesThePortalAboveToo() throws Exception {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        HttpResponse<String> created = township.postJsonAs(HEAD, HEAD_PW, "/api/v1/reception-days",
                session(tomorrow, LEADER, "14:30", "17:00"));
        String id = json(created).get("id").asText();
        // one leader, one session at a time: hours that overlap are refused, hours that follow are not
        HttpResponse<String> overlapping = township.postJsonAs(HEAD, HEAD_PW, "/api/v1/reception-days",
                session(tomorrow, LEADER, "16:00", "18:00"));
        assertEquals(409, overlapping.statusCode(), overlapping.body());
        assertEquals("overlap", json(overlapping).get("error").asText());
        assertEquals("start", json(overlapping).get("field").asText());
        assertTrue(json(overlapping).get("message").asText().contains("已有接访安排"), overlapping.body());
        assertFalse(json(overlapping).get("message").asText().contains(LEADER), "by name, not login: " + overlapping.body());
        // two clerks booking the same hours at once: one of them gets them
        String later = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString();
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<HttpResponse<String>>> both = two.invokeAll(java.util.List.of(
                    () -> township.postJsonAs(HEAD, HEAD_PW, "/api/v1/reception-days", session(later, LEADER, "09:00", "10:00")),
                    () -> township.postJsonAs(HEAD, HEAD_PW, "/api/v1/reception-days", session(later, LEADER, "09:30", "11:00"))));
            java.util.List<Integer> codes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<HttpResponse<String>> f : both) {
                codes.add(f.get().statusCode());
            }
            java.util.Collections.sort(codes);
            assertEquals(java.util.List.of(201, 409), codes, "exactly one of two bookings at once");
        } finally {
            two.shutdown();
        }
        HttpResponse<String> cancelled = township.postJsonAs(HEAD, HEAD_PW, "/api/v1/reception-days/" + id + "/cancel",
                "{\"reason\": \"书记参加防汛调度会\"}");
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        HttpResponse<String> instead = township.postJsonAs(HEAD, HEAD_PW, "/api/v1/reception-days",
                session(tomorrow, LEADER, "16:00", "18:00"));
        assertEquals(201, instead.statusCode(), "a cancelled session holds no hours: " + instead.body());
        assertEquals("CANCELLED", json(cancelled).get("status").asText());
        await("the cancellation at the district", () -> json(district.get("/api/v1/reception-days/" + id)).path("status")
                .asText().equals("CANCELLED"));
        assertFalse(anonymous(district, "/api/v1/portal/reception-days").body().contains("14:30"),
                "a cancelled session is not published");
    }

    @Test
    @Order(5)
    void theVillageKeepsNoRota() throws Exception {
        HttpResponse<String> withLogin = village.get("/api/v1/portal/reception-days");
        assertEquals(404, withLogin.statusCode(), withLogin.body());
        assertNotEquals(200, anonymous(village, "/api/v1/portal/reception-days").statusCode());
        assertEquals(404, village.get("/api/v1/reception-days").statusCode());
        String body = TierDistributionsIT.petition("村里来访").replaceFirst("\\{", "{\"receptionDay\": \"" + sessionId + "\", ");
        HttpResponse<String> r = village.postJson("/api/v1/petitions", body);
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("receptionDay", json(r).get("field").asText());
    }
}
