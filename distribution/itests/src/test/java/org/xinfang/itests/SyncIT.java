package org.xinfang.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** The township's unit head, named in its staff list: decisions and extensions are signed off by a person. */
    private static final String HEAD = "head";
    private static final String HEAD_PW = "Sync-test-head-pw-1";
    /** The township's clerk: sees no personal data in exports. */
    private static final String CLERK = "clerk";
    private static final String CLERK_PW = "Sync-test-clerk-pw-1";
    /** A district leader, named: 包案 and acknowledgements name the person. */
    private static final String LEADER = "leader";
    private static final String LEADER_PW = "Sync-test-leader-pw-1";

    @BeforeAll
    void boot() throws Exception {
        district = TierNode.unpack("district", "sync-district").user(LEADER, LEADER_PW, "leader", "supervisor", "head")
                .user(CLERK, CLERK_PW, "clerk")
                .person(LEADER, "陈静", "青溪区副区长").start(PW);
        township = TierNode.unpack("township", "sync-township").childOf(district, townshipSecret)
                .user(HEAD, HEAD_PW, "head", "handler").person(HEAD, "王芳", "清河镇信访办主任")
                .user(CLERK, CLERK_PW, "clerk").person(CLERK, "李娜", "清河镇信访办登记员").start(PW);
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
        HttpResponse<String> r = parent.registerChild(child, secret);
        assertEquals(200, r.statusCode(), r.body());
    }

    private HttpResponse<String> asHead(String path, String json) throws Exception {
        return township.postJsonAs(HEAD, HEAD_PW, path, json);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static String petition(String subject) {
        return TierDistributionsIT.petition(subject);
    }

    /** Polls until the condition holds; fails with the last state after {@link #PATIENCE}. */
    private static void await(String what, Callable<Boolean> condition) throws Exception {
        TierNode.await(what, PATIENCE, condition);
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
        // 签收: the department's node records the receipt with the copy; its days run from there (R2022 Art. 23)
        JsonNode receipt = atDepartment.get("timeline").get(2);
        assertEquals("RECEIVED", receipt.get("type").asText(), atDepartment.get("timeline").toString());
        assertEquals(DEPARTMENT, receipt.get("unit").asText());
        assertEquals(DEPARTMENT, receipt.get("node").asText());
        await("the receipt at the district", () -> json(district.get("/api/v1/petitions/" + toDepartment))
                .get("timeline").size() == 3);
        JsonNode notice = null;
        for (JsonNode d : json(district.get("/api/v1/petitions/" + toDepartment)).get("deadlines")) {
            if (d.get("step").asText().equals("NOTICE")) {
                notice = d;
            }
        }
        assertEquals(java.time.LocalDate.ofInstant(java.time.Instant.parse(receipt.get("at").asText()),
                java.time.ZoneId.of("Asia/Shanghai")).toString(), notice.get("start").asText(),
                "the notice clock starts at the receipt");
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
        JsonNode handlingClock = json(accepted).get("activeDeadline");
        assertEquals("HANDLING", handlingClock.get("step").asText());
        // the distributions ship the notices of 2024-2026: a clock that runs into a later year is provisional
        java.util.Set<Integer> noticed = java.util.Set.of(2024, 2025, 2026);
        boolean expectProvisional = !noticed.contains(java.time.LocalDate.parse(handlingClock.get("start").asText()).getYear())
                || !noticed.contains(java.time.LocalDate.parse(handlingClock.get("due").asText()).getYear());
        assertEquals(expectProvisional, handlingClock.get("provisional").asBoolean(), handlingClock.toString());
        HttpResponse<String> tooLong = asHead("/api/v1/petitions/" + id + "/actions/extend",
                "{\"days\": 31, \"reason\": \"需要补充调查\"}");
        assertEquals(400, tooLong.statusCode());
        assertEquals("days", json(tooLong).get("field").asText());
        HttpResponse<String> unnamed = township.postJson("/api/v1/petitions/" + id + "/actions/extend",
                "{\"days\": 30, \"reason\": \"需要补充调查\"}");
        assertEquals(400, unnamed.statusCode(), "an account the staff list does not name cannot approve");
        assertEquals("signOff", json(unnamed).get("field").asText(), unnamed.body());
        assertTrue(json(unnamed).get("message").asText().contains("人员名册"), unnamed.body());
        assertEquals(200, asHead("/api/v1/petitions/" + id + "/actions/extend",
                "{\"days\": 30, \"reason\": \"需要补充调查\"}").statusCode());
        assertEquals(409, asHead("/api/v1/petitions/" + id + "/actions/extend",
                "{\"days\": 10, \"reason\": \"再次延期\"}").statusCode(), "only one extension");
        String opinion = "{\"request\": \"支付拖欠工程款\", \"facts\": \"经核实拖欠属实\", \"decision\": \"SUPPORT\","
                + " \"basis\": \"《保障农民工工资支付条例》\"";
        HttpResponse<String> unsigned = asHead("/api/v1/petitions/" + id + "/actions/decide", opinion + "}");
        assertEquals(400, unsigned.statusCode());
        assertEquals("signOff", json(unsigned).get("field").asText());
        HttpResponse<String> decided = asHead("/api/v1/petitions/" + id + "/actions/decide",
                opinion + ", \"signOff\": true}");
        assertEquals(200, decided.statusCode(), decided.body());
        JsonNode decision = json(decided).get("timeline").get(5);
        assertEquals("王芳", decision.get("actorName").asText(), "the sign-off names the person");
        assertEquals("清河镇信访办主任", decision.get("actorTitle").asText());
        assertEquals("SUPPORT", decision.get("attrs").get("outcome").asText(), "the decision's facts are typed");

        await("the decision at the district", () -> "DECIDED".equals(json(district.get("/api/v1/petitions/" + id))
                .get("status").asText()));
        JsonNode atDistrict = json(district.get("/api/v1/petitions/" + id));
        List<String> types = new ArrayList<>();
        atDistrict.get("timeline").forEach(e -> types.add(e.get("type").asText()));
        assertEquals(List.of("REGISTERED", "ASSIGNED", "RECEIVED", "ACCEPTED", "EXTENDED", "DECIDED"), types);
        assertEquals(TOWNSHIP, atDistrict.get("timeline").get(5).get("node").asText());
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
        assertEquals("承办单位已签收", steps.get(2).get("label").asText(), steps.toString());
        assertTrue(steps.get(3).get("notice").asText().contains("已由清河镇受理"), steps.toString());
        assertTrue(steps.get(4).get("notice").asText().contains("需要补充调查"), "the extension's reason is told");
        assertTrue(steps.get(4).get("notice").asText().contains("30日"));
        assertTrue(steps.get(5).get("notice").asText().contains("信访诉求：支付拖欠工程款"), steps.toString());
        assertTrue(steps.get(5).get("notice").asText().contains("处理意见：支持"));
        for (String staff : List.of("admin", "王芳", "head", "主任")) {
            assertTrue(!progress.body().contains(staff), "no staff names: " + progress.body());
        }
    }

    @Test
    @Order(4)
    void anOverdueVillageCaseIsSupervisedAtTheTownshipThatRoutesItAndStaysListedUntilAnswered() throws Exception {
        String old = petition("三十日前收到的来信").replace("2026-11-20", java.time.LocalDate.now(
                java.time.ZoneId.of("Asia/Shanghai")).minusDays(30).toString());
        String id = json(village.postJson("/api/v1/petitions", old)).get("id").asText();
        JsonNode atVillage = json(village.get("/api/v1/petitions/" + id));
        assertEquals("missed", atVillage.get("activeDeadline").get("state").asText(), "triage is 15 days");
        await("the case at the township", () -> township.get("/api/v1/petitions/" + id).statusCode() == 200);
        HttpResponse<String> overdue = township.get("/api/v1/deadlines?filter=overdue&unit=" + VILLAGE);
        assertTrue(overdue.body().contains(id), overdue.body());

        // routing it is the township's duty (the village committee has no step to take): the township's own
        // scan does not supervise itself; the district's addresses the township
        HttpResponse<String> own = township.send(township.request("/api/v1/supervision/scan")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, own.statusCode(), own.body());
        assertFalse(json(own).get("supervised").toString().contains(id), own.body());
        await("the case at the district", () -> district.get("/api/v1/petitions/" + id).statusCode() == 200);
        HttpResponse<String> scan = district.send(district.request("/api/v1/supervision/scan")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, scan.statusCode(), scan.body());
        assertTrue(json(scan).get("supervised").toString().contains(id), scan.body());
        JsonNode listed = null;
        for (JsonNode item : json(district.get("/api/v1/supervision")).get("items")) {
            if (item.get("id").asText().equals(id)) {
                listed = item;
            }
        }
        assertEquals(TOWNSHIP, listed.get("supervisedUnit").asText(), listed.toString());
        assertEquals("清河镇", listed.get("supervisedUnitName").asText());

        await("the notice at the township", () -> json(township.get("/api/v1/petitions/" + id)).get("allowedActions")
                .toString().contains("answer-supervision"));
        await("the notice at the village", () -> json(village.get("/api/v1/petitions/" + id)).get("timeline")
                .toString().contains("SUPERVISED"));
        assertEquals(403, village.postJson("/api/v1/petitions/" + id + "/actions/answer-supervision",
                "{\"reason\": \"村里无权分流\"}").statusCode(), "the village is not the one supervised");
        HttpResponse<String> answer = asHead("/api/v1/petitions/" + id + "/actions/answer-supervision",
                "{\"reason\": \"已转镇信访办分流\"}");
        assertEquals(200, answer.statusCode(), answer.body());
        await("the answer at the district", () -> !json(district.get("/api/v1/supervision")).toString().contains(id));
        assertTrue(json(district.get("/api/v1/supervision?open=false")).toString().contains("已转镇信访办分流"));
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

    private static HttpResponse<String> putCategories(TierNode node, String json) throws Exception {
        return node.send(node.request("/api/v1/categories").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    /**
     * 问题分类 is a managed list kept at the district and synced down as reference data: free text typed before is
     * mapped by an alias; registration anywhere takes a category the list names, under its name.
     */
    @Test
    @Order(19)
    void theListOfCategoriesKeptAtTheDistrictReachesEveryNode() throws Exception {
        JsonNode shipped = json(district.get("/api/v1/categories"));
        assertEquals(0, shipped.get("version").asInt());
        String list = "{\"version\": 0, \"categories\": [{\"name\": \"劳动社保\", \"aliases\": [\"欠薪\"]},"
                + " {\"name\": \"城乡建设\", \"en\": \"Urban and rural construction\"}, {\"name\": \"测试分类\"}]}";
        assertEquals(409, putCategories(township, list).statusCode(), "only the top of the network edits it");
        HttpResponse<String> bad = putCategories(district, list.replace("\"测试分类\"", "\"\""));
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals("categories[2].name", json(bad).get("field").asText());
        HttpResponse<String> ok = putCategories(district, list);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(1, json(ok).get("version").asInt());
        assertEquals(409, putCategories(district, list).statusCode(), "an editor who read version 0 is told");
        for (TierNode node : List.of(department, township, village)) {
            await("the list at the " + node.tier, () -> json(node.get("/api/v1/categories")).get("version").asInt() == 1);
        }
        HttpResponse<String> mapped = village.postJson("/api/v1/petitions", petition("分类别名").replace("劳动社保", "欠薪"));
        assertEquals(201, mapped.statusCode(), mapped.body());
        String id = json(mapped).get("id").asText();
        assertEquals("劳动社保", json(village.get("/api/v1/petitions/" + id)).get("category").asText());
        HttpResponse<String> unknown = village.postJson("/api/v1/petitions", petition("未知分类").replace("劳动社保", "无此分类"));
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertEquals("category", json(unknown).get("field").asText());
        assertEquals(201, village.postJson("/api/v1/petitions", petition("新分类").replace("劳动社保", "测试分类"))
                .statusCode());
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

    // --- a case record the whole network can trust (issue 10) ------------------------------------

    /** The next entry of the test's own child chain, after the entry whose hash is {@code prev}. */
    private static ObjectNode next(String origin, long seq, String prev, String type, String entity, String payload)
            throws Exception {
        long at = System.currentTimeMillis();
        String hash = sha256(prev + "\n" + origin + "\n" + seq + "\n" + type + "\n" + entity + "\n" + at + "\n" + payload);
        ObjectNode e = JSON.createObjectNode();
        e.put("origin", origin).put("seq", seq).put("type", type).put("entity", entity).put("atMillis", at)
                .put("payload", payload).put("prevHash", prev).put("hash", hash);
        e.putArray("path").add(origin);
        return e;
    }

    private static long alarmsAbout(JsonNode status, String text) {
        long n = 0;
        for (JsonNode a : status.get("alarms")) {
            n += a.get("message").asText().contains(text) ? 1 : 0;
        }
        return n;
    }

    /**
     * A registered child with a valid secret pushes correctly signed, correctly chained entries that
     * (1) re-own and close a township's case and (2) invent a case "registered by the district" with a
     * tracking code of its choosing. The district keeps them (the chain verifies) but applies neither:
     * the victim is unchanged, the invented case does not exist, and alarms say what was refused.
     */
    @Test
    @Order(12)
    void aChildsSignedEntriesAboutAnotherUnitsCaseOrAnInventedCaseAreRefused() throws Exception {
        String victim = json(township.postJson("/api/v1/petitions", petition("镇里的案件"))).get("id").asText();
        await("the township case at the district", () -> district.get("/api/v1/petitions/" + victim).statusCode() == 200);
        // in full (a recorded read): the forged snapshot below must be a readable case, as an attacker's would be
        JsonNode before = json(district.get("/api/v1/petitions/" + victim + "?reveal=true"));

        String prev = chain(FAKE_CHILD, 3).get(2).get("hash").asText();
        long now = System.currentTimeMillis();
        ObjectNode step = JSON.createObjectNode().put("case", victim).put("basedOn", 1);
        step.putObject("event").put("at", now).put("type", "ASSIGNED").put("actor", "clerk").put("actorName", "张三")
                .putNull("actorTitle").put("unit", FAKE_CHILD).put("node", FAKE_CHILD).putNull("note")
                .putObject("attrs").put("unit", FAKE_CHILD);
        ObjectNode reown = next(FAKE_CHILD, 4, prev, "CASE_EVENT", victim, JSON.writeValueAsString(step));
        // the old wire format: the whole case after the change, closed and owned by the sender
        ObjectNode snapshot = (ObjectNode) JSON.readTree(before.toString());
        snapshot.put("status", "TERMINATED").put("owner", FAKE_CHILD).put("verificationHash", GENESIS);
        ArrayNode timeline = JSON.createArrayNode();
        timeline.addObject().put("seq", 1).put("at", now).put("type", "REGISTERED").put("actor", "clerk")
                .put("unit", TOWNSHIP).put("node", TOWNSHIP).putNull("note");
        timeline.addObject().put("seq", 2).put("at", now).put("type", "TERMINATED").put("actor", "clerk")
                .put("unit", FAKE_CHILD).put("node", FAKE_CHILD).putNull("note");
        snapshot.set("timeline", timeline);
        ObjectNode close = next(FAKE_CHILD, 5, reown.get("hash").asText(), "CASE_UPDATED", victim,
                JSON.writeValueAsString(snapshot));
        // a case "registered by the district", with a tracking code the sender chose
        String invented = "510199-9999999";
        ObjectNode fake = chain("510199", 1).get(0);
        ObjectNode p = (ObjectNode) JSON.readTree(fake.get("payload").asText());
        p.put("id", invented).put("trackingCode", "FAKEQX9999");
        ObjectNode register = next(FAKE_CHILD, 6, close.get("hash").asText(), "PETITION_REGISTERED", invented,
                JSON.writeValueAsString(p));

        HttpResponse<String> pushed = push(List.of(reown, close, register));
        assertEquals(200, pushed.statusCode(), pushed.body());
        assertEquals(0, json(pushed).get("accepted").asInt());
        assertEquals(3, json(pushed).get("refused").asInt());
        assertEquals(6, json(pushed).get("held").get(FAKE_CHILD).asLong(), "kept: the chain goes on");

        JsonNode after = json(district.get("/api/v1/petitions/" + victim));
        assertEquals(before.get("status").asText(), after.get("status").asText());
        assertEquals(TOWNSHIP, after.get("owner").asText());
        assertEquals(before.get("timeline"), after.get("timeline"), "the victim case is unchanged at the district");
        assertEquals(1, json(township.get("/api/v1/petitions/" + victim)).get("version").asInt(),
                "and at the township");
        assertEquals(404, district.get("/api/v1/petitions/" + invented).statusCode());
        assertEquals(404, district.send(HttpRequest.newBuilder(URI.create(district.baseUrl()
                + "/api/v1/public/petitions/FAKEQX9999?code=123456")).build()).statusCode(),
                "the public query does not answer for the invented case");
        JsonNode status = json(district.get("/api/v1/sync/status"));
        assertTrue(alarmsAbout(status, victim) >= 2, status.get("alarms").toString());
        assertTrue(alarmsAbout(status, invented) >= 1, status.get("alarms").toString());
        assertTrue(status.get("refused").toString().contains("foreign_case"), status.get("refused").toString());
        JsonNode verify = json(district.get("/api/v1/sync/verify"));
        assertTrue(verify.get("intact").asBoolean(), verify.toString());

        // a read of personal data "recorded at the township", pushed by another child: it would put words in the
        // township's mouth (or hide a read among invented ones); a node records the reads of its own staff only
        ObjectNode read = JSON.createObjectNode().put("id", TOWNSHIP + "#r-forged").put("case", victim)
                .put("actor", "head").put("actorName", "镇长").putNull("actorTitle").put("unit", TOWNSHIP)
                .put("node", TOWNSHIP).put("at", now);
        read.putArray("fields").add("idNumber");
        ObjectNode forgedRead = next(FAKE_CHILD, 7, register.get("hash").asText(), "PERSONAL_DATA_READ", victim,
                JSON.writeValueAsString(read));
        HttpResponse<String> readPushed = push(List.of(forgedRead));
        assertEquals(200, readPushed.statusCode(), readPushed.body());
        assertEquals(1, json(readPushed).get("refused").asInt(), readPushed.body());
        assertFalse(district.get("/api/v1/petitions/" + victim + "/reads").body().contains("r-forged"),
                "the forged read is not listed at the district");
        assertTrue(json(district.get("/api/v1/sync/status")).get("refused").toString().contains("not_own_read"));
    }

    private static String idsOf(JsonNode p) {
        List<String> ids = new ArrayList<>();
        p.get("timeline").forEach(e -> ids.add(e.get("id").asText()));
        return String.join(",", ids);
    }

    /**
     * The district assigns a village case to the department while the township (the village's way up)
     * is down; the village clerk, on the old copy, does not accept it. When the township is back the
     * step is refused above (the owner of the stage wins), the village's clerk is told, and all four
     * copies end as the district's, event for event; the consistency check finds nothing differing.
     */
    @Test
    @Order(13)
    void aStepOnAStaleVillageCopyIsRefusedAndEveryCopyConvergesToTheDistricts() throws Exception {
        String id = json(village.postJson("/api/v1/petitions", petition("村里登记后被区里改派的事项"))).get("id").asText();
        await("the case at the district", () -> district.get("/api/v1/petitions/" + id).statusCode() == 200);
        township.close();
        HttpResponse<String> assigned = district.postJson("/api/v1/petitions/" + id + "/assignments",
                "{\"unit\": \"" + DEPARTMENT + "\", \"version\": 1}");
        assertEquals(200, assigned.statusCode(), assigned.body());
        HttpResponse<String> stale = village.postJson("/api/v1/petitions/" + id + "/actions/not-accept",
                "{\"reason\": \"村里认为不属于信访事项\"}");
        assertEquals(200, stale.statusCode(), "the village acts on the copy it has: " + stale.body());
        township.start(PW).awaitReady();

        JsonNode upper = json(district.get("/api/v1/petitions/" + id));
        await("the village's copy is the district's", () -> idsOf(json(village.get("/api/v1/petitions/" + id)))
                .equals(idsOf(upper)));
        for (TierNode node : List.of(township, department, village)) {
            await("the " + node.tier + "'s copy", () -> node.get("/api/v1/petitions/" + id).statusCode() == 200
                    && idsOf(json(node.get("/api/v1/petitions/" + id))).equals(idsOf(upper)));
            JsonNode copy = json(node.get("/api/v1/petitions/" + id));
            assertEquals("TRIAGED", copy.get("status").asText(), node.tier);
            assertEquals(DEPARTMENT, copy.get("owner").asText(), node.tier);
        }
        assertEquals(upper.get("timeline"), json(district.get("/api/v1/petitions/" + id)).get("timeline"),
                "the district's copy did not move");
        JsonNode conflicts = json(village.get("/api/v1/petitions/" + id)).get("conflicts");
        assertEquals(1, conflicts.size(), conflicts.toString());
        assertEquals("NOT_ACCEPTED", conflicts.get(0).get("type").asText());
        assertTrue(conflicts.get(0).get("reason").asText().contains("已有新的办理环节"), conflicts.toString());
        assertEquals(0, alarmsAbout(json(district.get("/api/v1/sync/status")), id), "a stale copy is no attack");

        // anti-entropy: every node compares its copies with its parent's; the district sees none differ
        await("no case differs anywhere", () -> {
            for (TierNode node : List.of(village, township, department)) {
                HttpResponse<String> checked = node.send(node.request("/api/v1/sync/consistency/check")
                        .POST(HttpRequest.BodyPublishers.noBody()).build());
                if (checked.statusCode() != 200) {
                    return false;
                }
            }
            JsonNode all = json(district.get("/api/v1/sync/consistency"));
            return all.get("differing").isEmpty() && all.get("nodes").size() == 3;
        });
        JsonNode all = json(district.get("/api/v1/sync/consistency"));
        for (JsonNode n : all.get("nodes")) {
            assertTrue(n.get("cases").asInt() > 0, n.toString());
        }
        assertEquals(409, district.send(district.request("/api/v1/sync/consistency/check")
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode(), "the top compares with no one");
    }

    /**
     * R2022 Art. 23, 29, 30, 35: the township accepts what it received itself (the village, no organ, does
     * not); an accusation goes to the discipline channel only; a suggestion ends in a reply; the delivery of
     * a decision, recorded at the township, opens the petitioner's review window at the district, and a
     * review request counts from the day it was filed.
     */
    @Test
    @Order(17)
    void eachUnitAndEachKindOfMatterFollowsItsOwnProcedure() throws Exception {
        String direct = json(township.postJson("/api/v1/petitions", petition("镇里直接收到的事项"))).get("id").asText();
        JsonNode received = json(township.get("/api/v1/petitions/" + direct));
        assertEquals("NOTICE", received.get("activeDeadline").get("step").asText(), "no triage clock at an organ");
        assertTrue(received.get("allowedActions").toString().contains("\"accept\""), received.toString());
        HttpResponse<String> accepted = township.postJson("/api/v1/petitions/" + direct + "/actions/accept", "{}");
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals("HANDLING", json(accepted).get("activeDeadline").get("step").asText());
        await("the direct acceptance at the district", () -> "ACCEPTED".equals(json(district.get("/api/v1/petitions/"
                + direct)).get("status").asText()));

        String atVillage = json(village.postJson("/api/v1/petitions", petition("村里收到的事项"))).get("id").asText();
        JsonNode villageCase = json(village.get("/api/v1/petitions/" + atVillage));
        assertFalse(villageCase.get("allowedActions").toString().contains("\"accept\""), villageCase.toString());
        assertEquals(403, village.postJson("/api/v1/petitions/" + atVillage + "/actions/accept", "{}").statusCode());

        String accusation = json(district.postJson("/api/v1/petitions", petition("举报某干部违纪")
                .replace("\"kind\": \"CLAIM\"", "\"kind\": \"ACCUSATION\""))).get("id").asText();
        HttpResponse<String> assign = district.postJson("/api/v1/petitions/" + accusation + "/assignments",
                "{\"unit\": \"" + TOWNSHIP + "\"}");
        assertEquals(409, assign.statusCode(), assign.body());
        assertTrue(json(assign).get("message").asText().contains("第三十条"), assign.body());
        HttpResponse<String> legal = district.postJson("/api/v1/petitions/" + accusation + "/actions/redirect",
                "{\"channel\": \"LEGAL\", \"reason\": \"举报\"}");
        assertEquals(400, legal.statusCode(), legal.body());
        assertEquals("channel", json(legal).get("field").asText());
        assertEquals(200, district.postJson("/api/v1/petitions/" + accusation + "/actions/redirect",
                "{\"channel\": \"DISCIPLINE\", \"reason\": \"反映公职人员违纪问题\"}").statusCode());

        String suggestion = json(township.postJson("/api/v1/petitions", petition("关于增设公交站点的建议")
                .replace("\"kind\": \"CLAIM\"", "\"kind\": \"SUGGESTION\""))).get("id").asText();
        assertEquals(200, township.postJson("/api/v1/petitions/" + suggestion + "/actions/accept", "{}").statusCode());
        JsonNode studying = json(township.get("/api/v1/petitions/" + suggestion));
        assertTrue(studying.get("activeDeadline").isNull(), "Art. 34's 60 days belong to claims: " + studying);
        assertFalse(studying.get("allowedActions").toString().contains("\"decide\""));
        HttpResponse<String> replied = asHead("/api/v1/petitions/" + suggestion + "/actions/reply",
                "{\"result\": \"PARTLY_ADOPTED\", \"answer\": \"已纳入明年公交线网优化计划\"}");
        assertEquals(200, replied.statusCode(), replied.body());
        assertEquals("REPLIED", json(replied).get("status").asText());

        // a decision delivered by post two days after it was signed, a review filed on the day it arrived
        String id = assignedToTownship("送达后申请复查的事项");
        assertEquals(200, township.postJson("/api/v1/petitions/" + id + "/actions/accept", "{}").statusCode());
        assertEquals(200, asHead("/api/v1/petitions/" + id + "/actions/decide", "{\"request\": \"支付工资\","
                + " \"facts\": \"属实\", \"decision\": \"SUPPORT\", \"basis\": \"依据\", \"signOff\": true}")
                .statusCode());
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        HttpResponse<String> tomorrow = township.postJson("/api/v1/petitions/" + id + "/actions/deliver",
                "{\"document\": \"DECIDED\", \"deliveredOn\": \"" + java.time.LocalDate.parse(today).plusDays(1)
                        + "\", \"way\": \"POST\"}");
        assertEquals(400, tomorrow.statusCode(), tomorrow.body());
        assertEquals("deliveredOn", json(tomorrow).get("field").asText());
        HttpResponse<String> delivered = township.postJson("/api/v1/petitions/" + id + "/actions/deliver",
                "{\"document\": \"DECIDED\", \"deliveredOn\": \"" + today + "\", \"way\": \"POST\"}");
        assertEquals(200, delivered.statusCode(), delivered.body());
        await("the delivery at the district", () -> json(district.get("/api/v1/petitions/" + id)).get("deadlines")
                .toString().contains("REVIEW_REQUEST"));
        JsonNode atDistrict = json(district.get("/api/v1/petitions/" + id));
        for (JsonNode d : atDistrict.get("documents")) {
            if (d.get("type").asText().equals("DECIDED")) {
                assertEquals(today, d.get("deliveredOn").asText(), d.toString());
                assertEquals("POST", d.get("deliveryWay").asText());
            }
        }
        HttpResponse<String> requested = district.postJson("/api/v1/petitions/" + id + "/actions/request-review",
                "{\"reason\": \"对处理意见不服\", \"filedOn\": \"" + today + "\"}");
        assertEquals(200, requested.statusCode(), requested.body());
        JsonNode review = null;
        for (JsonNode d : json(requested).get("deadlines")) {
            if (d.get("step").asText().equals("REVIEW")) {
                review = d;
            }
        }
        assertEquals(today, review.get("start").asText());
        HttpResponse<String> withDecision = district.postJson("/api/v1/petitions/" + id + "/actions/review",
                "{\"request\": \"支付工资\", \"facts\": \"属实\", \"decision\": \"SUPPORT\", \"basis\": \"依据\","
                        + " \"signOff\": true}");
        assertEquals(400, withDecision.statusCode(), withDecision.body());
        assertEquals("result", json(withDecision).get("field").asText());
    }

    /**
     * The district's own tools across tiers (issue 12): a district leader's 包案 on a township case is seen
     * at the township; a hearing recorded at the township is seen at the district; a village's urgent mass
     * visit reaches the district with the time each level learnt of it and stays an alert there until a named
     * person acknowledges it; a listed supervision by hand is answered below and accepted above.
     */
    @Test
    @Order(18)
    void theDistrictsToolsWorkAcrossTheTiers() throws Exception {
        String id = assignedToTownship("欠薪包案与听证的事项");
        assertEquals(200, township.postJson("/api/v1/petitions/" + id + "/actions/accept", "{}").statusCode());
        await("the acceptance at the district", () -> "ACCEPTED".equals(json(district.get("/api/v1/petitions/" + id))
                .get("status").asText()));
        String target = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(20).toString();
        HttpResponse<String> taken = district.postJsonAs(LEADER, LEADER_PW, "/api/v1/petitions/" + id + "/actions/take-case",
                "{\"measures\": \"每周调度一次\", \"targetDate\": \"" + target + "\", \"responsibleUnit\": \"" + TOWNSHIP + "\"}");
        assertEquals(200, taken.statusCode(), taken.body());
        await("the 包案 at the township", () -> !json(township.get("/api/v1/petitions/" + id)).get("leaderCase").isNull());
        JsonNode lead = json(township.get("/api/v1/petitions/" + id)).get("leaderCase");
        assertEquals(target, lead.get("targetDate").asText());
        assertEquals("清河镇", lead.get("responsibleUnitName").asText());
        assertEquals("陈静", lead.get("leader").get("name").asText());
        assertEquals(List.of(id), ids(district.getAs(LEADER, LEADER_PW, "/api/v1/leader-cases?filter=open&mine=true")));

        HttpResponse<String> scheduled = township.postJson("/api/v1/petitions/" + id + "/actions/schedule-hearing",
                "{\"hearingOn\": \"" + target + "\", \"place\": \"清河镇会议室\", \"chair\": \"王芳\", \"panel\": \"人大代表李某、律师赵某\","
                        + " \"openness\": \"PUBLIC\"}");
        assertEquals(200, scheduled.statusCode(), scheduled.body());
        assertEquals(200, township.postJson("/api/v1/petitions/" + id + "/actions/record-hearing",
                "{\"attendance\": \"双方到场\", \"record\": \"双方陈述意见\", \"opinion\": \"建议支持合理诉求\"}").statusCode());
        await("the hearing at the district", () -> json(district.get("/api/v1/petitions/" + id)).get("hearings").size() == 1
                && json(district.get("/api/v1/petitions/" + id)).get("hearings").get(0).get("held").asBoolean());
        assertEquals("建议支持合理诉求", json(district.get("/api/v1/petitions/" + id)).get("hearings").get(0).get("opinion").asText());

        HttpResponse<String> supervised = district.postJson("/api/v1/supervision",
                "{\"case\": \"" + id + "\", \"instructions\": \"请书面报告欠薪处置进展\", \"answerBy\": \"" + target
                        + "\", \"listed\": true}");
        assertEquals(200, supervised.statusCode(), supervised.body());
        assertEquals(400, district.postJson("/api/v1/supervision", "{\"case\": \"" + id + "\", \"answerBy\": \"" + target
                + "\"}").statusCode(), "instructions are required");
        assertTrue(district.get("/api/v1/supervision?listed=true").body().contains(id), "on the board");
        await("the supervision at the township", () -> json(township.get("/api/v1/petitions/" + id)).get("allowedActions")
                .toString().contains("answer-supervision"));
        assertEquals(200, asHead("/api/v1/petitions/" + id + "/actions/answer-supervision",
                "{\"answer\": \"已约谈企业负责人，承诺月底前付清\"}").statusCode());
        await("the answer at the district", () -> json(district.get("/api/v1/petitions/" + id)).get("allowedActions")
                .toString().contains("accept-answer"));
        assertEquals(200, district.postJson("/api/v1/petitions/" + id + "/actions/accept-answer", "{}").statusCode());
        assertFalse(district.get("/api/v1/supervision?listed=true").body().contains(id), "closed, off the board");

        // an urgent mass visit registered at the village, flagged with its registration
        String visit = TierDistributionsIT.petition("三十余名村民聚集村委会").replace("\"headcount\": 12", "\"headcount\": 32")
                .replaceFirst("\\{", "{\"major\": {\"reason\": \"三十余人聚集，情绪激动\"}, ");
        HttpResponse<String> flagged = village.postJson("/api/v1/petitions", visit);
        assertEquals(201, flagged.statusCode(), flagged.body());
        String major = json(flagged).get("id").asText();
        assertEquals("三十余人聚集，情绪激动", json(flagged).get("major").get("reason").asText());
        await("the alert at the district", () -> ids(district.get("/api/v1/alerts")).contains(major));
        JsonNode atDistrict = json(district.get("/api/v1/petitions/" + major)).get("major");
        List<String> levels = new ArrayList<>();
        atDistrict.get("reports").forEach(r -> levels.add(r.get("unit").asText() + ":" + !r.get("arrivedAt").isNull()));
        assertEquals(List.of(TOWNSHIP + ":true", "510199:true"), levels, "each level records when it learnt of it");
        assertTrue(json(township.get("/api/v1/alerts")).toString().contains(major), "the township is alerted too");
        assertEquals(400, district.postJson("/api/v1/petitions/" + major + "/actions/acknowledge-major", "{}").statusCode(),
                "an account the staff list does not name cannot acknowledge");
        assertEquals(200, district.postJsonAs(LEADER, LEADER_PW, "/api/v1/petitions/" + major + "/actions/acknowledge-major",
                "{}").statusCode());
        assertFalse(ids(district.get("/api/v1/alerts")).contains(major));
        JsonNode ack = json(district.get("/api/v1/petitions/" + major)).get("major").get("reports").get(1);
        assertFalse(ack.get("acknowledgedBy").isNull(), ack.toString());
        assertTrue(json(township.get("/api/v1/alerts")).toString().contains(major), "the township has not acknowledged");
    }

    /** The district's statistics of all it holds equal a recount through the case list, status by status. */
    @Test
    @Order(30)
    void theStatisticsEqualARecountOfTheCases() throws Exception {
        java.time.LocalDate now = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String period = "from=" + now.minusYears(5) + "&to=" + now;
        assertEquals(400, district.get("/api/v1/statistics?from=" + now.minusYears(5).minusDays(1) + "&to=" + now)
                .statusCode(), "at most five years at once");
        HttpResponse<String> answer = district.get("/api/v1/statistics?" + period);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode stats = json(answer);
        assertEquals(json(district.get("/api/v1/petitions?limit=1&" + period)).get("total").asInt(),
                stats.get("total").asInt());
        assertTrue(stats.get("total").asInt() > 10, stats.toString());
        int sum = 0;
        for (java.util.Iterator<String> it = stats.get("byStatus").fieldNames(); it.hasNext();) {
            String status = it.next();
            int n = stats.get("byStatus").get(status).asInt();
            assertEquals(json(district.get("/api/v1/petitions?limit=1&status=" + status + "&" + period)).get("total")
                    .asInt(), n, status);
            sum += n;
        }
        assertEquals(stats.get("total").asInt(), sum);
        assertEquals("清河镇", stats.get("unitNames").get(TOWNSHIP).asText());
        // every figure opens the cases behind it, counted by the same rule
        for (String dimension : List.of("byCategory", "byKind", "byChannel", "byUnit")) {
            String figure = Character.toLowerCase(dimension.charAt(2)) + dimension.substring(3);
            for (java.util.Iterator<String> it = stats.get(dimension).fieldNames(); it.hasNext();) {
                String key = it.next();
                JsonNode behind = json(district.get("/api/v1/statistics/cases?" + period + "&figure=" + figure + "&key="
                        + java.net.URLEncoder.encode(key, StandardCharsets.UTF_8) + "&limit=1"));
                assertEquals(stats.get(dimension).get(key).asInt(), behind.get("total").asInt(), figure + " " + key);
            }
        }
        assertTrue(stats.get("byCategory").has("劳动社保"), stats.get("byCategory").toString());
        assertEquals(400, district.get("/api/v1/statistics/cases?" + period + "&figure=colour").statusCode());
        HttpResponse<byte[]> figures = district.send(district.request("/api/v1/statistics/export.csv?" + period).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, figures.statusCode());
        assertEquals((byte) 0xEF, figures.body()[0], "UTF-8 BOM");
        String sheet = new String(figures.body(), StandardCharsets.UTF_8);
        assertTrue(sheet.contains("总计,总件数," + stats.get("total").asInt() + "\r\n"), sheet);
        assertTrue(sheet.contains("责任单位,清河镇,"), "units by name");
        HttpResponse<String> bad = district.get("/api/v1/statistics?from=2026-13-01");
        assertEquals(400, bad.statusCode());
        assertEquals("from", json(bad).get("field").asText());
        assertEquals(401, district.send(HttpRequest.newBuilder(URI.create(district.baseUrl() + "/api/v1/statistics"))
                .build()).statusCode(), "statistics are for staff");

        // the list as a file Excel and WPS open: a BOM, Chinese intact, one line per case; names whole for a head,
        // the surname only for a clerk
        HttpResponse<byte[]> file = township.send(HttpRequest.newBuilder(URI.create(township.baseUrl()
                + "/api/v1/petitions/export.csv")).header("Authorization", TierNode.basic(HEAD, HEAD_PW)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        byte[] bytes = file.body();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "UTF-8 BOM");
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertTrue(lines[0].startsWith("编号,查询码,类别,渠道,事项"), lines[0]);
        assertEquals(json(township.get("/api/v1/petitions?limit=1")).get("total").asInt(), lines.length - 1);
        assertTrue(text.contains("张三"), "a head sees the names");
        HttpResponse<String> masked = township.send(HttpRequest.newBuilder(URI.create(township.baseUrl()
                + "/api/v1/petitions/export.csv")).header("Authorization", TierNode.basic(CLERK, CLERK_PW)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, masked.statusCode());
        assertFalse(masked.body().contains("张三"), "a clerk's export masks the names");
        assertTrue(masked.body().contains("张*"), masked.body().substring(0, Math.min(400, masked.body().length())));
    }

    /**
     * 目标考核: the district's yearly scores of the units below, each point lost traceable to the cases behind it;
     * a closed year stays as closed when cases of that year are registered afterwards.
     */
    @Test
    @Order(31)
    void theAssessmentIsTraceableToItsCasesAndAClosedYearDoesNotChange() throws Exception {
        // a letter the township received 40 days ago and accepts only now: its acceptance notice was late
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        HttpResponse<String> old = township.postJson("/api/v1/petitions", petition("迟到的受理")
                .replace("2026-11-20", today.minusDays(40).toString()));
        assertEquals(201, old.statusCode(), old.body());
        String lateNotice = json(old).get("id").asText();
        assertEquals(200, township.postJson("/api/v1/petitions/" + lateNotice + "/actions/accept", "{}").statusCode());
        await("the late acceptance at the district", () -> {
            HttpResponse<String> atDistrict = district.get("/api/v1/petitions/" + lateNotice);
            return atDistrict.statusCode() == 200 && "ACCEPTED".equals(json(atDistrict).path("status").asText());
        });
        HttpResponse<String> answer = district.getAs(LEADER, LEADER_PW, "/api/v1/assessments?year="
                + today.minusDays(40).getYear());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode a = json(answer);
        assertFalse(a.get("closed").asBoolean());
        assertTrue(a.toString().contains("NOTICE:missed"), a.toString());
        List<String> names = new ArrayList<>();
        int traced = 0;
        for (JsonNode unit : a.get("units")) {
            names.add(unit.get("unitName").asText());
            for (JsonNode i : unit.get("indicators")) {
                JsonNode c = i.get("casesLost");
                if (c == null || i.get("lost").asInt() == 0) {
                    continue;
                }
                JsonNode behind = json(district.get("/api/v1/statistics/cases?from=" + c.get("from").asText() + "&to="
                        + c.get("to").asText() + "&owner=" + c.get("owner").asText() + "&figure=" + c.get("figure").asText()
                        + (c.get("key").isNull() ? "" : "&key=" + java.net.URLEncoder.encode(c.get("key").asText(),
                                StandardCharsets.UTF_8)) + "&limit=1"));
                assertEquals(i.get("lost").asInt(), behind.get("total").asInt(), unit.get("unitName").asText() + " "
                        + i.get("indicator").asText());
                traced++;
            }
        }
        assertTrue(names.contains("清河镇"), names.toString());
        assertTrue(traced >= 1, "some points were lost and traced: " + a);
        assertEquals(403, district.getAs(CLERK, CLERK_PW, "/api/v1/assessments").statusCode(), "for heads and leaders");
        HttpResponse<String> badRules = district.send(district.request("/api/v1/assessments/rules")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"version\": 0, \"weights\": {\"REPEAT\": 200}}", StandardCharsets.UTF_8)).build());
        assertEquals(400, badRules.statusCode(), badRules.body());
        assertEquals("weights.REPEAT", json(badRules).get("field").asText());

        int last = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() - 1;
        assertEquals(400, district.postJsonAs(LEADER, LEADER_PW, "/api/v1/assessments/" + (last + 1) + "/close", "")
                .statusCode(), "a year that is not over cannot be closed");
        HttpResponse<String> closed = district.postJsonAs(LEADER, LEADER_PW, "/api/v1/assessments/" + last + "/close", "");
        assertEquals(200, closed.statusCode(), closed.body());
        JsonNode before = json(closed);
        assertEquals("陈静", before.get("closedBy").get("name").asText());
        // a case of that year registered afterwards, at the township: the closed year stays as it was
        HttpResponse<String> late = township.postJson("/api/v1/petitions", petition("补录上年案件")
                .replace("2026-11-20", last + "-12-20"));
        assertEquals(201, late.statusCode(), late.body());
        String lateId = json(late).get("id").asText();
        await("the late case at the district", () -> district.get("/api/v1/petitions/" + lateId).statusCode() == 200);
        JsonNode after = json(district.getAs(LEADER, LEADER_PW, "/api/v1/assessments?year=" + last));
        assertEquals(before.get("digest").asText(), after.get("digest").asText());
        assertEquals(before.get("units").toString(), after.get("units").toString());
        assertEquals(409, district.postJsonAs(LEADER, LEADER_PW, "/api/v1/assessments/" + last + "/close", "")
                .statusCode(), "closed once");
    }

    private static List<String> ids(HttpResponse<String> list) throws Exception {
        assertEquals(200, list.statusCode(), list.body());
        List<String> ids = new ArrayList<>();
        json(list).get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    private String assignedToTownship(String subject) throws Exception {
        String id = json(district.postJson("/api/v1/petitions", petition(subject))).get("id").asText();
        assertEquals(200, district.postJson("/api/v1/petitions/" + id + "/assignments",
                "{\"unit\": \"" + TOWNSHIP + "\"}").statusCode());
        await("the case at the township", () -> township.get("/api/v1/petitions/" + id).statusCode() == 200);
        return id;
    }

    /** Sends the same step {@code n} times at once; answers the status codes. */
    private List<Integer> atOnce(int n, String login, String password, String path, String body) throws Exception {
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            List<java.util.concurrent.Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return township.postJsonAs(login, password, path, body).statusCode();
                }));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (var c : calls) {
                codes.add(c.get(2, java.util.concurrent.TimeUnit.MINUTES));
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Of simultaneous steps that the state allows once, exactly one succeeds; the others get 409, never 500. */
    @Test
    @Order(14)
    void ofSimultaneousStepsThatTheStateAllowsOnceExactlyOneSucceeds() throws Exception {
        for (int i = 0; i < 10; i++) {
            String id = assignedToTownship("同时受理的事项" + i);
            List<Integer> accepts = atOnce(2, "admin", PW, "/api/v1/petitions/" + id + "/actions/accept", "{}");
            assertEquals(1, accepts.stream().filter(c -> c == 200).count(), accepts.toString());
            assertEquals(1, accepts.stream().filter(c -> c == 409).count(), accepts.toString());
            List<Integer> extensions = atOnce(4, HEAD, HEAD_PW, "/api/v1/petitions/" + id + "/actions/extend",
                    "{\"days\": 15, \"reason\": \"需要补充调查\"}");
            assertEquals(1, extensions.stream().filter(c -> c == 200).count(), extensions.toString());
            assertEquals(3, extensions.stream().filter(c -> c == 409).count(), extensions.toString());
            JsonNode p = json(township.get("/api/v1/petitions/" + id));
            assertEquals(5, p.get("version").asInt(), "registered, assigned, received, accepted, extended: once each");
        }
    }

    /**
     * A decision whose request, facts and basis are each within their own limits is accepted; the
     * petitioner's rating is the one chosen, whatever the comment says, at the district and at the
     * township that handled the case.
     */
    @Test
    @Order(15)
    void aLongDecisionIsAcceptedAndTheRatingIsTheOneChosen() throws Exception {
        JsonNode reg = json(district.postJson("/api/v1/petitions", petition("长篇处理意见的事项")));
        String id = reg.get("id").asText();
        assertEquals(200, district.postJson("/api/v1/petitions/" + id + "/assignments",
                "{\"unit\": \"" + TOWNSHIP + "\"}").statusCode());
        await("the case at the township", () -> township.get("/api/v1/petitions/" + id).statusCode() == 200);
        assertEquals(200, township.postJson("/api/v1/petitions/" + id + "/actions/accept", "{}").statusCode());
        String decision = "{\"request\": \"" + "诉".repeat(1000) + "\", \"facts\": \"" + "实".repeat(4000)
                + "\", \"decision\": \"EXPLAIN\", \"basis\": \"" + "依".repeat(1000) + "\", \"signOff\": true}";
        HttpResponse<String> decided = asHead("/api/v1/petitions/" + id + "/actions/decide", decision);
        assertEquals(200, decided.statusCode(), decided.body().substring(0, Math.min(300, decided.body().length())));
        await("the decision at the district", () -> "DECIDED".equals(json(district.get("/api/v1/petitions/" + id))
                .get("status").asText()));

        String tracking = reg.get("trackingCode").asText();
        String code = reg.get("verificationCode").asText();
        HttpResponse<String> rated = district.send(HttpRequest.newBuilder(URI.create(district.baseUrl()
                + "/api/v1/portal/ratings")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"trackingCode\": \"" + tracking + "\", \"code\": \""
                        + code + "\", \"rating\": \"DISSATISFIED\", \"comment\": \"并不是 (SATISFIED)，也不是基本满意\"}",
                        StandardCharsets.UTF_8)).build());
        assertEquals(200, rated.statusCode(), rated.body());
        JsonNode progress = json(district.send(HttpRequest.newBuilder(URI.create(district.baseUrl()
                + "/api/v1/public/petitions/" + tracking + "?code=" + code)).build()));
        assertEquals("DISSATISFIED", progress.get("rating").asText(), progress.toString());
        await("the rating at the township", () -> json(township.get("/api/v1/petitions/" + id)).get("timeline")
                .toString().contains("RATED"));
        JsonNode atTownship = json(township.get("/api/v1/petitions/" + id));
        JsonNode last = atTownship.get("timeline").get(atTownship.get("timeline").size() - 1);
        assertEquals("DISSATISFIED", last.get("attrs").get("level").asText());
        assertEquals("并不是 (SATISFIED)，也不是基本满意", last.get("attrs").get("comment").asText());
    }

    /**
     * R2022 Art. 23(3) across the network: the township objects within its window; the case waits with the
     * district under the district's clock; the district declines and the case is the township's again.
     */
    @Test
    @Order(16)
    void anObjectionWaitsWithTheDistrictWhichDeclinesIt() throws Exception {
        String id = assignedToTownship("镇里认为不属于本镇职责的事项");
        HttpResponse<String> objected = township.postJson("/api/v1/petitions/" + id + "/actions/object",
                "{\"reason\": \"属于区住建局职责\"}");
        assertEquals(200, objected.statusCode(), objected.body());
        await("the objection at the district", () -> "OBJECTED".equals(json(district.get("/api/v1/petitions/" + id))
                .get("status").asText()));
        JsonNode atDistrict = json(district.get("/api/v1/petitions/" + id));
        assertEquals("510199", atDistrict.get("owner").asText(), "it waits with the district");
        assertEquals("REROUTE", atDistrict.get("activeDeadline").get("step").asText());
        assertTrue(atDistrict.get("allowedActions").toString().contains("decline-objection"));
        HttpResponse<String> declined = district.postJson("/api/v1/petitions/" + id + "/actions/decline-objection",
                "{\"reason\": \"经核实属于镇政府职责\"}");
        assertEquals(200, declined.statusCode(), declined.body());
        await("the township has it again", () -> {
            JsonNode p = json(township.get("/api/v1/petitions/" + id));
            return "TRIAGED".equals(p.get("status").asText()) && TOWNSHIP.equals(p.get("owner").asText());
        });
        JsonNode again = json(township.get("/api/v1/petitions/" + id));
        assertEquals("NOTICE", again.get("activeDeadline").get("step").asText());
        assertTrue(again.get("allowedActions").toString().contains("\"accept\""), again.get("allowedActions").toString());
        assertFalse(again.get("allowedActions").toString().contains("\"object\""), "it objected to this assignment once");
    }

    /**
     * The village's history is witnessed by the township's signed receipts. Someone with access to its
     * disk rewrites an early entry (every hash recomputed, so the chain itself still links) and edits a
     * later one by hand: verify says the journal no longer matches the receipts and from where, and
     * where the chain breaks. The district lists how far it witnessed the village's chain.
     */
    @Test
    @Order(20)
    void aJournalEditedAfterAWitnessedPushIsCaughtByVerify() throws Exception {
        JsonNode before = json(village.get("/api/v1/sync/verify"));
        assertTrue(before.get("intact").asBoolean(), before.toString());
        assertTrue(before.get("witness").get("receipts").asInt() > 0, "the township witnessed the village's pushes");
        // the village's last push may still be on its way (its receipt comes back with the next one): once the
        // network is quiet, the district has witnessed all it holds of the village and nothing waits below
        await("the village's chain witnessed up to what the district holds", () -> {
            JsonNode witnessed = json(district.get("/api/v1/sync/witnessed"));
            for (JsonNode c : witnessed.get("chains")) {
                if (c.get("node").asText().equals(VILLAGE)) {
                    return held(district, VILLAGE) == c.get("witnessedSeq").asLong() && c.get("behind").asLong() == 0;
                }
            }
            return false;
        });

        village.close();
        String url = "jdbc:derby:" + village.home.resolve("data/derby/xinfang");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            List<Object[]> own = new ArrayList<>();
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT origin_seq, entry_type, entity_id, at_millis,"
                    + " payload_utf8, prev_hash FROM xf_journal WHERE origin = ? ORDER BY origin_seq")) {
                ps.setString(1, VILLAGE);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        own.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                new String(rs.getBytes(5), StandardCharsets.UTF_8), rs.getString(6)});
                    }
                }
            }
            String prev = (String) own.get(0)[5];
            try (java.sql.PreparedStatement up = c.prepareStatement("UPDATE xf_journal SET payload_utf8 = ?,"
                    + " prev_hash = ?, entry_hash = ? WHERE origin = ? AND origin_seq = ?")) {
                for (Object[] e : own) {
                    long seq = (Long) e[0];
                    String payload = (String) e[4];
                    if (seq == 2) {
                        // what the entry says is changed: the subject of a registration, or any step's text
                        String changed = payload.replaceFirst("\"subject\":\"[^\"]*\"", "\"subject\":\"改写过的事项\"");
                        payload = changed.equals(payload) ? payload.replace("}", " }") : changed;
                    }
                    String entity = e[2] == null ? "" : (String) e[2];
                    String hash = sha256(prev + "\n" + VILLAGE + "\n" + seq + "\n" + e[1] + "\n" + entity + "\n" + e[3]
                            + "\n" + payload);
                    if (seq == 5) {
                        payload = payload + " "; // and a later one by hand, its hash left as it was
                    }
                    up.setBytes(1, payload.getBytes(StandardCharsets.UTF_8));
                    up.setString(2, prev);
                    up.setString(3, hash);
                    up.setString(4, VILLAGE);
                    up.setLong(5, seq);
                    up.executeUpdate();
                    prev = hash;
                }
            }
            c.commit();
        }
        try {
            java.sql.DriverManager.getConnection(url + ";shutdown=true");
        } catch (java.sql.SQLException expected) {
            // Derby reports a clean shutdown as an exception
        }
        village.start(PW).awaitReady();

        JsonNode after = json(village.get("/api/v1/sync/verify"));
        assertFalse(after.get("intact").asBoolean(), after.toString());
        JsonNode witness = after.get("witness");
        assertFalse(witness.get("intact").asBoolean());
        JsonNode first = witness.get("problems").get(0);
        assertTrue(first.get("seq").asLong() >= 2, first.toString());
        assertTrue(first.get("lastMatchingSeq").asLong() < 2, "the rewrite lies after the last receipt that matches: "
                + first);
        assertTrue(first.get("problem").asText().contains("被改写"), first.toString());
        for (JsonNode o : after.get("origins")) {
            if (o.get("origin").asText().equals(VILLAGE)) {
                assertEquals(5, o.get("firstBroken").asLong(), "the hand edit breaks the chain at 5: " + o);
            }
        }
    }

    /**
     * The district ran on the database its features chose: with -Dxinfang.it.district.jdbc.url on PostgreSQL, with no
     * Derby bundle in it and the cases in the server's tables; otherwise on the embedded Derby it ships with, the
     * PostgreSQL driver it carries in system/ not installed.
     */
    @Test
    @Order(21)
    void theDistrictKeepsTheCasesInTheDatabaseItsFeaturesChose() throws Exception {
        HttpResponse<String> created = village.postJson("/api/v1/petitions", petition("数据库核对"));
        assertEquals(201, created.statusCode(), created.body());
        String id = json(created).get("id").asText();
        await("petition " + id + " at the district", () -> district.get("/api/v1/petitions/" + id).statusCode() == 200);

        java.util.Set<String> bundles = district.bundleLocations();
        boolean derby = bundles.stream().anyMatch(b -> b.startsWith("mvn:org.apache.derby/"));
        boolean postgresql = bundles.stream().anyMatch(b -> b.startsWith("mvn:org.postgresql/postgresql/"));
        TierNode.PostgreSql database = district.postgreSql();
        if (database == null) {
            assertTrue(derby && !postgresql, "a district boots on Derby by default: " + bundles);
            assertTrue(java.nio.file.Files.isDirectory(district.home.resolve("data/derby/xinfang")));
            return;
        }
        assertTrue(postgresql, "the PostgreSQL driver is installed: " + bundles);
        assertFalse(derby, "no Derby in a district on PostgreSQL: " + bundles);
        assertFalse(java.nio.file.Files.exists(district.home.resolve("data/derby")), "no Derby database was made");
        try (java.sql.Connection c = database.connect();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT registered_by, subject FROM xf_petition WHERE id = ?")) {
            ps.setString(1, id);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), id + " is in the district's PostgreSQL tables");
                assertEquals(VILLAGE, rs.getString(1));
                assertEquals("数据库核对", rs.getString(2));
            }
        }
    }
}
