package org.xinfang.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A district, a department, a township and a village, each a real distribution on loopback, linked
 * as in the field: the village reports to the township, the township and the department to the district.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PW = "Sync-test-admin-pw-1";
    private static final String VILLAGE = "510199101201";
    private static final String TOWNSHIP = "510199101";
    private static final String DEPARTMENT = "510199D01";
    /** A unit the test itself plays, to send hand-made batches to the district. */
    private static final String FAKE_CHILD = "510199D02";
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private TierNode district;
    private TierNode department;
    private TierNode township;
    private TierNode village;
    private final String townshipSecret = secret();
    private final String departmentSecret = secret();
    private final String villageSecret = secret();
    private final String fakeSecret = secret();

    private static String secret() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    @BeforeAll
    void boot() throws Exception {
        district = TierNode.unpack("district", "sync-district").start(PW);
        township = TierNode.unpack("township", "sync-township").childOf(district, townshipSecret).start(PW);
        department = TierNode.unpack("department", "sync-department").childOf(district, departmentSecret).start(PW);
        village = TierNode.unpack("village", "sync-village").childOf(township, villageSecret).start(PW);
        district.awaitReady();
        register(district, TOWNSHIP, townshipSecret);
        register(district, DEPARTMENT, departmentSecret);
        register(district, FAKE_CHILD, fakeSecret);
        township.awaitReady();
        register(township, VILLAGE, villageSecret);
        department.awaitReady();
        village.awaitReady();
    }

    @AfterAll
    void stop() throws Exception {
        for (TierNode node : new TierNode[] {village, township, department, district}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private static void register(TierNode parent, String child, String secret) throws Exception {
        HttpResponse<String> r = parent.postJson("/api/v1/sync/children",
                "{\"node\": \"" + child + "\", \"secret\": \"" + secret + "\"}");
        assertEquals(200, r.statusCode(), r.body());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static String petition(String subject) {
        return TierDistributionsIT.petition(subject);
    }

    /** Polls until the condition holds; fails with the last state after {@link #PATIENCE}. */
    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.call()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within " + PATIENCE + ": " + what);
    }

    private static long total(TierNode node, String query) throws Exception {
        return json(node.get("/api/v1/petitions?limit=1&" + query)).get("total").asLong();
    }

    private static long held(TierNode node, String origin) throws Exception {
        JsonNode held = json(node.get("/api/v1/sync/status")).get("held");
        return held.has(origin) ? held.get(origin).asLong() : 0;
    }

    @Test
    @Order(1)
    void aVillagePetitionReachesTheTownshipAndTheDistrictWithItsOrigin() throws Exception {
        HttpResponse<String> created = village.postJson("/api/v1/petitions", petition("村里登记的事项"));
        assertEquals(201, created.statusCode(), created.body());
        String id = json(created).get("id").asText();
        await("petition " + id + " at the district", () -> district.get("/api/v1/petitions/" + id).statusCode() == 200);
        JsonNode atDistrict = json(district.get("/api/v1/petitions/" + id));
        assertEquals(VILLAGE, atDistrict.get("registeredBy").asText());
        assertEquals(VILLAGE, atDistrict.get("origin").get("node").asText());
        assertTrue(atDistrict.get("origin").get("seq").asLong() >= 1);
        assertEquals(List.of(VILLAGE, TOWNSHIP, "510199"),
                JSON.convertValue(atDistrict.get("origin").get("path"), List.class));
        assertEquals(200, township.get("/api/v1/petitions/" + id).statusCode(), "the township holds it too");
    }

    @Test
    @Order(2)
    void anAssignmentAtTheDistrictReachesTheDepartmentAndTheTownshipItNames() throws Exception {
        String toDepartment = json(district.postJson("/api/v1/petitions", petition("养老金核定"))).get("id").asText();
        String toTownship = json(district.postJson("/api/v1/petitions", petition("土地纠纷"))).get("id").asText();
        HttpResponse<String> a = district.postJson("/api/v1/petitions/" + toDepartment + "/assignments",
                "{\"unit\": \"" + DEPARTMENT + "\", \"note\": \"请依法办理\"}");
        assertEquals(200, a.statusCode(), a.body());
        assertEquals(DEPARTMENT, json(a).get("owner").asText());
        HttpResponse<String> b = district.postJson("/api/v1/petitions/" + toTownship + "/assignments",
                "{\"unit\": \"" + TOWNSHIP + "\"}");
        assertEquals(200, b.statusCode(), b.body());

        await("the assignment at the department", () -> department.get("/api/v1/petitions/" + toDepartment)
                .statusCode() == 200);
        JsonNode atDepartment = json(department.get("/api/v1/petitions/" + toDepartment));
        assertEquals(DEPARTMENT, atDepartment.get("owner").asText());
        assertEquals("TRIAGED", atDepartment.get("status").asText());
        assertEquals("ASSIGNED", atDepartment.get("timeline").get(1).get("type").asText());
        await("the assignment at the township", () -> township.get("/api/v1/petitions/" + toTownship)
                .statusCode() == 200);
        assertEquals(TOWNSHIP, json(township.get("/api/v1/petitions/" + toTownship)).get("owner").asText());
        // an assignment cannot go to a unit that is not below the node
        HttpResponse<String> wrong = township.postJson("/api/v1/petitions/" + toTownship + "/assignments",
                "{\"unit\": \"" + DEPARTMENT + "\"}");
        assertEquals(400, wrong.statusCode());
        assertEquals("unit", json(wrong).get("field").asText());
    }

    @Test
    @Order(3)
    void aCaseAssignedByTheDistrictIsDecidedAtTheTownshipAndTheDistrictSeesItWithItsClocks() throws Exception {
        JsonNode reg = json(district.postJson("/api/v1/petitions", petition("拖欠工程款")));
        String id = reg.get("id").asText();
        JsonNode registered = json(district.get("/api/v1/petitions/" + id));
        assertEquals("TRIAGE", registered.get("activeDeadline").get("step").asText());
        assertEquals("calendar", registered.get("activeDeadline").get("dayKind").asText());
        assertEquals(200, district.postJson("/api/v1/petitions/" + id + "/assignments",
                "{\"unit\": \"" + TOWNSHIP + "\"}").statusCode());
        await("the case at the township", () -> township.get("/api/v1/petitions/" + id).statusCode() == 200);

        // a decision before acceptance is refused, naming the state
        HttpResponse<String> early = township.postJson("/api/v1/petitions/" + id + "/actions/decide", "{}");
        assertEquals(409, early.statusCode(), early.body());
        assertEquals("illegal_transition", json(early).get("error").asText());
        assertTrue(json(early).get("message").asText().contains("TRIAGED"));
        assertEquals(404, township.postJson("/api/v1/petitions/" + id + "/actions/approve", "{}").statusCode());

        HttpResponse<String> accepted = township.postJson("/api/v1/petitions/" + id + "/actions/accept", "");
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals("HANDLING", json(accepted).get("activeDeadline").get("step").asText());
        HttpResponse<String> tooLong = township.postJson("/api/v1/petitions/" + id + "/actions/extend",
                "{\"days\": 31, \"reason\": \"需要补充调查\"}");
        assertEquals(400, tooLong.statusCode());
        assertEquals("days", json(tooLong).get("field").asText());
        assertEquals(200, township.postJson("/api/v1/petitions/" + id + "/actions/extend",
                "{\"days\": 30, \"reason\": \"需要补充调查\"}").statusCode());
        assertEquals(409, township.postJson("/api/v1/petitions/" + id + "/actions/extend",
                "{\"days\": 10, \"reason\": \"再次延期\"}").statusCode(), "only one extension");
        String opinion = "{\"request\": \"支付拖欠工程款\", \"facts\": \"经核实拖欠属实\", \"decision\": \"SUPPORT\","
                + " \"basis\": \"《保障农民工工资支付条例》\"";
        HttpResponse<String> unsigned = township.postJson("/api/v1/petitions/" + id + "/actions/decide",
                opinion + "}");
        assertEquals(400, unsigned.statusCode());
        assertEquals("signOff", json(unsigned).get("field").asText());
        HttpResponse<String> decided = township.postJson("/api/v1/petitions/" + id + "/actions/decide",
                opinion + ", \"signOff\": true}");
        assertEquals(200, decided.statusCode(), decided.body());

        await("the decision at the district", () -> "DECIDED".equals(json(district.get("/api/v1/petitions/" + id))
                .get("status").asText()));
        JsonNode atDistrict = json(district.get("/api/v1/petitions/" + id));
        List<String> types = new ArrayList<>();
        atDistrict.get("timeline").forEach(e -> types.add(e.get("type").asText()));
        assertEquals(List.of("REGISTERED", "ASSIGNED", "ACCEPTED", "EXTENDED", "DECIDED"), types);
        assertEquals(TOWNSHIP, atDistrict.get("timeline").get(4).get("node").asText());
        JsonNode handling = null;
        for (JsonNode d : atDistrict.get("deadlines")) {
            if (d.get("step").asText().equals("HANDLING")) {
                handling = d;
            }
        }
        assertEquals("met", handling.get("state").asText());
        assertEquals(30, handling.get("extendedDays").asInt());
        assertTrue(atDistrict.get("activeDeadline").isNull(), "the petitioner's review window is not an organ's duty");

        // the petitioner sees the notices on the public query, without staff names
        HttpResponse<String> progress = district.send(HttpRequest.newBuilder(URI.create(district.baseUrl()
                + "/api/v1/public/petitions/" + reg.get("trackingCode").asText() + "?code="
                + reg.get("verificationCode").asText())).build());
        assertEquals(200, progress.statusCode(), progress.body());
        JsonNode steps = json(progress).get("steps");
        assertEquals("已答复", json(progress).get("statusLabel").asText());
        assertTrue(steps.get(2).get("notice").asText().startsWith("受理告知书"), steps.toString());
        assertTrue(steps.get(3).get("notice").asText().contains("需要补充调查"), "the extension's reason is told");
        assertTrue(steps.get(4).get("notice").asText().startsWith("信访处理意见书"));
        assertTrue(!progress.body().contains("admin"), "no staff names: " + progress.body());
    }

    @Test
    @Order(4)
    void anOverdueVillageCaseIsSupervisedByTheTownshipAndStaysListedUntilAnswered() throws Exception {
        String old = petition("三十日前收到的来信").replace("2026-11-20", java.time.LocalDate.now(
                java.time.ZoneId.of("Asia/Shanghai")).minusDays(30).toString());
        String id = json(village.postJson("/api/v1/petitions", old)).get("id").asText();
        JsonNode atVillage = json(village.get("/api/v1/petitions/" + id));
        assertEquals("missed", atVillage.get("activeDeadline").get("state").asText(), "triage is 15 days");
        await("the case at the township", () -> township.get("/api/v1/petitions/" + id).statusCode() == 200);
        HttpResponse<String> overdue = township.get("/api/v1/deadlines?filter=overdue&unit=" + VILLAGE);
        assertTrue(overdue.body().contains(id), overdue.body());

        HttpResponse<String> scan = township.send(township.request("/api/v1/supervision/scan")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, scan.statusCode(), scan.body());
        assertTrue(json(scan).get("supervised").toString().contains(id));
        assertTrue(json(township.get("/api/v1/supervision")).toString().contains(id));

        await("the notice at the village", () -> json(village.get("/api/v1/petitions/" + id)).get("timeline")
                .toString().contains("SUPERVISED"));
        HttpResponse<String> answer = village.postJson("/api/v1/petitions/" + id + "/actions/answer-supervision",
                "{\"reason\": \"已转镇信访办分流\"}");
        assertEquals(200, answer.statusCode(), answer.body());
        await("the answer at the township", () -> !json(township.get("/api/v1/supervision")).toString().contains(id));
        assertTrue(json(township.get("/api/v1/supervision?open=false")).toString().contains("已转镇信访办分流"));
    }

    @Test
    @Order(10)
    void aSecondPetitionOfTheSamePersonShowsTheOpenOneAsAPossibleRepeat() throws Exception {
        String first = json(district.postJson("/api/v1/petitions", petition("重复反映的事项"))).get("id").asText();
        JsonNode second = json(district.postJson("/api/v1/petitions", petition("重复反映的事项（再次来访）")));
        assertTrue(second.get("possibleRepeats").toString().contains(first), second.get("possibleRepeats").toString());
    }

    private static HttpResponse<String> putCalendar(TierNode node, String csv) throws Exception {
        return node.send(node.request("/api/v1/calendar").header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build());
    }

    @Test
    @Order(11)
    void theHolidayCalendarEditedAtTheDistrictReachesEveryNode() throws Exception {
        String shipped = java.nio.file.Files.readString(district.home.resolve("etc/xinfang-calendar.csv"));
        HttpResponse<String> below = putCalendar(township, shipped);
        assertEquals(409, below.statusCode(), "only the top of the network edits it");
        HttpResponse<String> bad = putCalendar(district, shipped + "2027-02-30,HOLIDAY,无此日\n");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals("calendar", json(bad).get("field").asText());

        HttpResponse<String> ok = putCalendar(district, shipped + "2027-01-05,HOLIDAY,测试用假日\n");
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(json(ok).get("sentTo").toString().contains(TOWNSHIP));
        for (TierNode node : List.of(department, township, village)) {
            await("the new calendar at the " + node.tier, () -> node.get("/api/v1/calendar").body()
                    .contains("2027-01-05"));
        }
        assertTrue(java.nio.file.Files.readString(village.home.resolve("etc/xinfang-calendar.csv"))
                .contains("测试用假日"), "the village's own file was replaced");
    }

    private void registerAtVillage(int count, String subject) throws Exception {
        for (int i = 0; i < count; i++) {
            HttpResponse<String> r = village.postJson("/api/v1/petitions", petition(subject + i));
            assertEquals(201, r.statusCode(), r.body());
        }
    }

    @Test
    @Order(5)
    void whileTheParentIsDownTheVillageKeepsRegisteringAndEverythingArrivesLater() throws Exception {
        township.close();
        long before = total(village, "unit=" + VILLAGE);
        registerAtVillage(500, "断网期间登记");
        assertEquals(before + 500, total(village, "unit=" + VILLAGE), "the village works without its parent");
        assertTrue(json(village.get("/api/v1/sync/status")).get("backlog").asLong() >= 500);
        township.start(PW).awaitReady();
        await("all 500 at the district", () -> total(district, "unit=" + VILLAGE) == before + 500);
        await("the village's backlog drained", () -> json(village.get("/api/v1/sync/status")).get("backlog")
                .asLong() == 0);
    }

    @Test
    @Order(6)
    void aTownshipKilledInTheMiddleOfA2000PetitionSyncLosesAndDuplicatesNothing() throws Exception {
        township.kill();
        long before = total(village, "unit=" + VILLAGE);
        registerAtVillage(2000, "大批量同步");
        long expected = before + 2000;
        township.start(PW).awaitReady();
        // kill it again as soon as the first of the 2,000 reached the district: mid-sync
        await("the first relayed petitions at the district", () -> total(district, "unit=" + VILLAGE) > before);
        township.kill();
        long atKill = total(district, "unit=" + VILLAGE);
        System.out.println("township killed with " + (atKill - before) + " of 2000 at the district");
        township.start(PW).awaitReady();
        await("all 2,000 at the district", () -> total(district, "unit=" + VILLAGE) >= expected);

        assertEquals(expected, total(district, "unit=" + VILLAGE), "no duplicates (killed at " + atKill + ")");
        assertEquals(held(village, VILLAGE), held(district, VILLAGE), "the district holds the village's whole chain");
        JsonNode verify = json(district.get("/api/v1/sync/verify"));
        assertTrue(verify.get("intact").asBoolean(), verify.toString());
        assertTrue(json(township.get("/api/v1/sync/verify")).get("intact").asBoolean());
    }

    // --- a child played by the test: hand-made batches against the district's checks ---------------

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String GENESIS = "0".repeat(64);

    /** Entries 1..n of an origin's chain, each registering a petition. */
    private static List<ObjectNode> chain(String origin, int n) throws Exception {
        List<ObjectNode> entries = new ArrayList<>();
        String prev = GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            String id = origin + "-T" + seq;
            long at = 1_764_000_000_000L + seq;
            ObjectNode p = JSON.createObjectNode();
            p.put("id", id).put("trackingCode", "T" + origin.substring(6) + seq).put("verificationHash", GENESIS)
                    .put("kind", "CLAIM").put("channel", "LETTER").put("subject", "手工批次" + seq).put("content", "内容")
                    .putNull("category").putNull("location").put("receivedAt", "2026-11-20").put("headcount", 1)
                    .put("registeredBy", origin).put("owner", origin).put("status", "REGISTERED").put("registeredAt", at);
            p.putArray("petitioners").addObject().put("name", "张三").putNull("idNumber").putNull("phone")
                    .putNull("address");
            p.putArray("timeline").addObject().put("seq", 1).put("at", at).put("type", "REGISTERED").put("actor", "clerk")
                    .put("unit", origin).put("node", origin).putNull("note");
            String payload = JSON.writeValueAsString(p);
            String hash = sha256(prev + "\n" + origin + "\n" + seq + "\nPETITION_REGISTERED\n" + id + "\n" + at + "\n"
                    + payload);
            ObjectNode e = JSON.createObjectNode();
            e.put("origin", origin).put("seq", seq).put("type", "PETITION_REGISTERED").put("entity", id)
                    .put("atMillis", at).put("payload", payload).put("prevHash", prev).put("hash", hash);
            e.putArray("path").add(origin);
            entries.add(e);
            prev = hash;
        }
        return entries;
    }

    private static byte[] batch(String node, List<ObjectNode> entries) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("node", node);
        ArrayNode list = body.putArray("entries");
        entries.forEach(list::add);
        return JSON.writeValueAsBytes(body);
    }

    private HttpRequest signedPush(String claimedNode, String secret, byte[] body, String nonce) throws Exception {
        long now = System.currentTimeMillis();
        String path = "/api/v1/sync/push";
        String text = "POST\n" + path + "\n" + claimedNode + "\n" + now + "\n" + nonce + "\n"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(district.baseUrl() + path)).header("Content-Type", "application/json")
                .header("X-Xinfang-Node", claimedNode).header("X-Xinfang-Timestamp", String.valueOf(now))
                .header("X-Xinfang-Nonce", nonce).header("X-Xinfang-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private HttpResponse<String> push(List<ObjectNode> entries) throws Exception {
        return district.send(signedPush(FAKE_CHILD, fakeSecret, batch(FAKE_CHILD, entries), UUID.randomUUID().toString()));
    }

    @Test
    @Order(7)
    void aReplayedBatchChangesNothingAndAReplayedCallIsRefused() throws Exception {
        List<ObjectNode> chain = chain(FAKE_CHILD, 3);
        HttpRequest first = signedPush(FAKE_CHILD, fakeSecret, batch(FAKE_CHILD, chain), UUID.randomUUID().toString());
        HttpResponse<String> accepted = district.send(first);
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals(3, json(accepted).get("accepted").asInt());
        long count = total(district, "unit=" + FAKE_CHILD);
        assertEquals(3, count);

        HttpResponse<String> again = push(chain);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(0, json(again).get("accepted").asInt());
        assertEquals(3, json(again).get("duplicates").asInt());
        assertEquals(3, json(again).get("held").get(FAKE_CHILD).asLong());
        assertEquals(count, total(district, "unit=" + FAKE_CHILD), "a re-sent batch changes nothing");

        HttpResponse<String> replay = district.send(first); // same nonce, same signature
        assertEquals(401, replay.statusCode());
        assertEquals("replay", json(replay).get("error").asText());
    }

    @Test
    @Order(8)
    void aGapOrABrokenChainIsRefusedWithTheExpectedSequence() throws Exception {
        List<ObjectNode> chain = chain(FAKE_CHILD, 6);
        HttpResponse<String> gap = push(chain.subList(4, 6)); // 5 and 6 while the district holds 3
        assertEquals(409, gap.statusCode(), gap.body());
        assertEquals("gap", json(gap).get("error").asText());
        assertEquals(4, json(gap).get("expected").asLong());

        ObjectNode forged = chain.get(3).deepCopy();
        forged.put("prevHash", GENESIS);
        HttpResponse<String> broken = push(List.of(forged));
        assertEquals(409, broken.statusCode(), broken.body());
        assertEquals("broken_chain", json(broken).get("error").asText());

        ObjectNode tampered = chain.get(3).deepCopy();
        tampered.put("payload", tampered.get("payload").asText().replace("手工批次", "篡改批次"));
        assertEquals("broken_chain", json(push(List.of(tampered))).get("error").asText());
        assertEquals(3, held(district, FAKE_CHILD), "nothing of a refused batch is stored");

        JsonNode alarms = json(district.get("/api/v1/sync/status")).get("alarms");
        assertTrue(alarms.toString().contains("gap") && alarms.toString().contains("broken_chain"), alarms.toString());
    }

    @Test
    @Order(9)
    void forgedCredentialsAndForeignOriginsAreRefused() throws Exception {
        byte[] body = batch(FAKE_CHILD, chain(FAKE_CHILD, 4).subList(3, 4));
        // signed with our secret but claiming to be the township
        HttpResponse<String> impostor = district.send(signedPush(TOWNSHIP, fakeSecret, body, UUID.randomUUID().toString()));
        assertEquals(401, impostor.statusCode());
        assertEquals("bad_signature", json(impostor).get("error").asText());
        // a wrong secret
        HttpResponse<String> wrongKey = district.send(signedPush(FAKE_CHILD, secret(), body, UUID.randomUUID().toString()));
        assertEquals(401, wrongKey.statusCode());
        // a node the district never registered
        HttpResponse<String> stranger = district.send(signedPush("510199102", fakeSecret, body, UUID.randomUUID().toString()));
        assertEquals(401, stranger.statusCode());
        assertEquals("unknown_node", json(stranger).get("error").asText());
        // no signature at all
        HttpResponse<String> unsigned = district.send(HttpRequest.newBuilder(URI.create(district.baseUrl()
                + "/api/v1/sync/push")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertEquals(401, unsigned.statusCode());
        // entries of a village that is not below the sender
        HttpResponse<String> foreign = push(chain("510199102201", 1));
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertEquals("foreign_origin", json(foreign).get("error").asText());
        assertEquals(3, held(district, FAKE_CHILD));
        // a child can pull only its own messages: the township's queue is not readable with our key
        assertEquals(401, district.send(HttpRequest.newBuilder(URI.create(district.baseUrl()
                + "/api/v1/sync/messages?after=0")).header("X-Xinfang-Node", TOWNSHIP).build()).statusCode());
    }
}
