package org.xinfang.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * A fifth level by configuration only (issue 16, point 5): a city petition office (成都市信访局) above two districts,
 * 青溪区 with its township 清河镇 and 锦溪区, each a real distribution on loopback. The city runs the district's
 * distribution; what makes it the city is its {@code etc/org.xinfang.node.cfg} and the organisation tree every node
 * is given, the same file everywhere. The city receives both districts' cases, counts them together, assigns a case
 * of one district down through the other district to its township, takes the objection back, answers the public
 * query and keeps the reference data; no copy differs anywhere and nothing is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PW = "City-test-admin-pw-1";
    private static final String STAFF_PW = "City-test-staff-pw-1";
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static final String CITY = "510100";
    private static final String DISTRICT_A = "510199";
    private static final String DISTRICT_B = "510198";
    private static final String TOWNSHIP = "510199101";
    private static final String B_DEPARTMENT = "510198D01";
    private static final String B_TOWNSHIP = "510198101";

    /** The organisation tree, one file for every node of the network (docs/city.md). */
    static final String UNITS = """
            code,name,kind,parent
            510100,成都市信访局,CITY,
            510199,青溪区信访局,DISTRICT,510100
            510199D01,青溪区人力资源和社会保障局,DEPARTMENT,510199
            510199D02,青溪区住房和城乡建设局,DEPARTMENT,510199
            510199101,清河镇,TOWNSHIP,510199
            510199102,白沙街道,TOWNSHIP,510199
            510199101201,柳树村,VILLAGE,510199101
            510199101202,桃园村,VILLAGE,510199101
            510198,锦溪区信访局,DISTRICT,510100
            510198D01,锦溪区人力资源和社会保障局,DEPARTMENT,510198
            510198101,石桥镇,TOWNSHIP,510198
            510198101201,石桥村,VILLAGE,510198101
            """;

    private TierNode city;
    private TierNode districtA;
    private TierNode districtB;
    private TierNode township;

    /** Cases registered in the test, by where: the township (2), district A (1), district B (4). */
    private final List<String> atTownship = new ArrayList<>();
    private final List<String> atA = new ArrayList<>();
    private final List<JsonNode> atB = new ArrayList<>();

    private static String secret() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    /** Makes an unpacked distribution the node of {@code unit}, as an operator edits its etc/ before the first start. */
    private static TierNode configure(TierNode node, String tier, String unit, String name, String kind, String parent)
            throws Exception {
        var cfg = node.home.resolve("etc/org.xinfang.node.cfg");
        set(cfg, "tier", tier);
        set(cfg, "unit.code", unit);
        set(cfg, "unit.name", escaped(name));
        set(cfg, "unit.kind", kind);
        set(cfg, "parent.unit", parent);
        Files.writeString(node.home.resolve("etc/xinfang-units.csv"), UNITS, StandardCharsets.UTF_8);
        return node;
    }

    /** Sets a key of a shipped .cfg (which must have it), also to the value it already has. */
    private static void set(java.nio.file.Path cfg, String key, String value) throws Exception {
        String line = "(?m)^" + java.util.regex.Pattern.quote(key) + "\\s*=\\s*" + java.util.regex.Pattern.quote(value)
                + "\\s*$";
        if (!java.util.regex.Pattern.compile(line).matcher(Files.readString(cfg, StandardCharsets.ISO_8859_1)).find()) {
            TierNode.rewrite(cfg, key, java.util.regex.Matcher.quoteReplacement(value));
        }
    }

    /** A properties value in ISO-8859-1 with \\u escapes, as the distributions ship the unit's name. */
    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 128 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return b.toString();
    }

    @BeforeAll
    void boot() throws Exception {
        String secretA = secret();
        String secretB = secret();
        String secretTownship = secret();
        // three district distributions and a township: booted in two waves, so that no more than three nodes
        // share the machine's cores while they start
        city = configure(TierNode.unpack("district", "city-city"), "city", CITY, "成都市信访局", "CITY", "")
                .user("clerk", STAFF_PW, "clerk").person("clerk", "刘敏", "成都市信访局办信处干部").start(PW);
        districtA = configure(TierNode.unpack("district", "city-district-a"), "district", DISTRICT_A, "青溪区信访局",
                "DISTRICT", CITY).childOf(city, secretA).start(PW);
        city.awaitReady();
        register(city, DISTRICT_A, secretA);
        register(city, DISTRICT_B, secretB);
        districtB = configure(TierNode.unpack("district", "city-district-b"), "district", DISTRICT_B, "锦溪区信访局",
                "DISTRICT", CITY).childOf(city, secretB).start(PW);
        township = configure(TierNode.unpack("township", "city-township"), "township", TOWNSHIP, "清河镇", "TOWNSHIP",
                DISTRICT_A).childOf(districtA, secretTownship)
                .user("head", STAFF_PW, "head", "handler").person("head", "王芳", "清河镇信访办主任").start(PW);
        districtA.awaitReady();
        register(districtA, TOWNSHIP, secretTownship);
        districtB.awaitReady();
        township.awaitReady();
    }

    @AfterAll
    void stop() throws Exception {
        for (TierNode node : new TierNode[] {township, districtB, districtA, city}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private static void register(TierNode parent, String child, String secret) throws Exception {
        HttpResponse<String> r = parent.registerChild(child, secret);
        assertEquals(200, r.statusCode(), r.body());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        TierNode.await(what, PATIENCE, condition);
    }

    private static String petition(String subject, String location, String idNumber) {
        return """
                {"kind": "CLAIM", "channel": "WALK_IN", "subject": "%s", "content": "反映的问题经多次协调仍未解决。",
                 "category": "劳动社保", "location": "%s",
                 "petitioners": [{"name": "张三", "idNumber": "%s", "phone": "13812345678"}]}
                """.formatted(subject, location, idNumber);
    }

    private static JsonNode registered(TierNode node, String subject, String location) throws Exception {
        HttpResponse<String> r = node.postJson("/api/v1/petitions", petition(subject, location, "11010519491231002X"));
        assertEquals(201, r.statusCode(), node.tier + ": " + r.body());
        return json(r);
    }

    private static JsonNode get(TierNode node, String id) throws Exception {
        return json(node.get("/api/v1/petitions/" + id));
    }

    private static boolean holds(TierNode node, String id) throws Exception {
        return node.get("/api/v1/petitions/" + id).statusCode() == 200;
    }

    private static Set<String> codes(JsonNode units) {
        Set<String> codes = new HashSet<>();
        units.forEach(u -> codes.add(u.get("code").asText()));
        return codes;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(x -> list.add(x.asText()));
        return list;
    }

    private static boolean hasEvent(JsonNode p, String type, String node) {
        for (JsonNode e : p.get("timeline")) {
            if (e.get("type").asText().equals(type) && (node == null || e.get("node").asText().equals(node))) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode event(JsonNode p, String type) {
        for (JsonNode e : p.get("timeline")) {
            if (e.get("type").asText().equals(type)) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " in " + p.get("timeline"));
    }

    private HttpResponse<String> assign(TierNode node, String id, String unit) throws Exception {
        return node.postJsonAs("clerk", STAFF_PW, "/api/v1/petitions/" + id + "/assignments",
                "{\"unit\": \"" + unit + "\", \"note\": \"请依法办理\"}");
    }

    @Test
    @Order(1)
    void theCityIsTheTopOfTheNetworkAndEachDistrictKnowsItAbove() throws Exception {
        JsonNode c = json(city.get("/api/v1/node"));
        assertEquals("city", c.get("tier").asText(), "the tier is a label of the configuration");
        assertEquals("成都市信访局", c.get("unitName").asText());
        assertEquals("CITY", c.get("unitKind").asText());
        assertTrue(c.get("parent").isNull(), "nothing above the city: " + c);
        assertEquals(Set.of(DISTRICT_A, DISTRICT_B), codes(c.get("childUnits")), c.toString());
        Set<String> assignable = codes(c.get("assignableUnits"));
        assertEquals(Set.of("510199D01", "510199D02", TOWNSHIP, "510199102", B_DEPARTMENT, B_TOWNSHIP), assignable,
                "the city assigns to the competent organs below its districts, not to the district offices");

        for (TierNode d : List.of(districtA, districtB)) {
            JsonNode n = json(d.get("/api/v1/node"));
            assertEquals(CITY, n.get("parentUnit").asText(), n.toString());
            assertEquals(city.baseUrl(), n.get("parent").asText());
            assertEquals("DISTRICT", n.get("unitKind").asText());
        }
        JsonNode b = json(districtB.get("/api/v1/node"));
        assertEquals("锦溪区信访局", b.get("unitName").asText(), "the tree's name for the unit");
        assertEquals(Set.of(B_DEPARTMENT, B_TOWNSHIP), codes(b.get("assignableUnits")));
        assertEquals(0, json(township.get("/api/v1/node")).get("assignableUnits").size(),
                "a township has no organ below it: its villages record and pass up");

        await("both districts heard at the city", () -> {
            JsonNode children = json(city.get("/api/v1/sync/status")).get("children");
            int seen = 0;
            for (JsonNode child : children) {
                seen += child.get("lastSeen").isNull() ? 0 : 1;
            }
            return seen == 2;
        });
        JsonNode children = json(city.get("/api/v1/sync/status")).get("children");
        List<String> names = new ArrayList<>();
        children.forEach(x -> names.add(x.get("name").asText()));
        assertTrue(names.containsAll(List.of("青溪区信访局", "锦溪区信访局")), children.toString());
    }

    @Test
    @Order(2)
    void casesFromTheTownshipAndBothDistrictsReachTheCityAndOnlyTheirOwnDistrict() throws Exception {
        atTownship.add(registered(township, "清河镇拖欠工资", DISTRICT_A).get("id").asText());
        atTownship.add(registered(township, "清河镇征地补偿", DISTRICT_A).get("id").asText());
        atA.add(registered(districtA, "青溪区来访事项", DISTRICT_A).get("id").asText());
        for (String subject : List.of("锦溪区来访事项", "锦溪区养老保险待遇", "清河镇工地欠薪（到锦溪区反映）", "石桥镇土地纠纷")) {
            atB.add(registered(districtB, subject, DISTRICT_B));
        }
        String fromTownship = atTownship.get(0);
        await("the township's case at the city", () -> holds(city, fromTownship));
        JsonNode origin = get(city, fromTownship).get("origin");
        assertEquals(TOWNSHIP, origin.get("node").asText());
        assertEquals(List.of(TOWNSHIP, DISTRICT_A, CITY), strings(origin.get("path")), "up through its district");
        assertEquals(List.of("清河镇", "青溪区信访局", "成都市信访局"), strings(origin.get("pathNames")));
        String fromB = atB.get(0).get("id").asText();
        await("district B's case at the city", () -> holds(city, fromB));
        assertEquals(List.of(DISTRICT_B, CITY), strings(get(city, fromB).get("origin").get("path")));

        for (String id : atTownship) {
            await(id + " at the city", () -> holds(city, id));
        }
        await(atA.get(0) + " at the city", () -> holds(city, atA.get(0)));
        for (JsonNode p : atB) {
            await(p.get("id").asText() + " at the city", () -> holds(city, p.get("id").asText()));
        }
        assertEquals(404, districtB.get("/api/v1/petitions/" + fromTownship).statusCode(),
                "a district does not hold the other district's cases");
        assertEquals(404, districtA.get("/api/v1/petitions/" + fromB).statusCode());
        assertEquals(404, township.get("/api/v1/petitions/" + fromB).statusCode());
    }

    @Test
    @Order(3)
    void theCityCountsBothDistrictsAndEachDistrictOnlyItsOwn() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String period = "from=" + today.minusDays(1) + "&to=" + today;
        await("the city counts all seven", () -> json(city.get("/api/v1/statistics?" + period)).get("total")
                .asLong() == 7);
        JsonNode all = json(city.get("/api/v1/statistics?" + period));
        JsonNode byUnit = all.get("byUnit");
        assertEquals(2, byUnit.get(TOWNSHIP).asLong(), all.toString());
        assertEquals(1, byUnit.get(DISTRICT_A).asLong(), all.toString());
        assertEquals(4, byUnit.get(DISTRICT_B).asLong(), all.toString());
        assertEquals("锦溪区信访局", all.get("unitNames").get(DISTRICT_B).asText());
        assertEquals("清河镇", all.get("unitNames").get(TOWNSHIP).asText());
        assertEquals(7, all.get("byKind").get("CLAIM").asLong());

        assertEquals(3, json(city.get("/api/v1/statistics?" + period + "&unit=" + DISTRICT_A)).get("total").asLong(),
                "district A's subtree, counted at the city");
        assertEquals(4, json(city.get("/api/v1/statistics?" + period + "&unit=" + DISTRICT_B)).get("total").asLong());
        JsonNode behind = json(city.get("/api/v1/statistics/cases?" + period + "&figure=unit&key=" + DISTRICT_B));
        Set<String> listed = new HashSet<>();
        behind.get("items").forEach(x -> listed.add(x.get("id").asText()));
        Set<String> expected = new HashSet<>();
        atB.forEach(p -> expected.add(p.get("id").asText()));
        assertEquals(expected, listed, "the count opens district B's cases");

        await("district A counts its three", () -> json(districtA.get("/api/v1/statistics?" + period)).get("total")
                .asLong() == 3);
        assertEquals(4, json(districtB.get("/api/v1/statistics?" + period)).get("total").asLong());
        HttpResponse<String> outside = districtA.get("/api/v1/statistics?" + period + "&unit=" + DISTRICT_B);
        assertEquals(400, outside.statusCode(), "the other district is outside district A's subtree: " + outside.body());
        assertEquals("unit", json(outside).get("field").asText());
    }

    @Test
    @Order(4)
    void theCityAssignsADistrictsCaseToAUnitBelowThatDistrict() throws Exception {
        String id = atB.get(1).get("id").asText();
        HttpResponse<String> office = assign(city, id, DISTRICT_B);
        assertEquals(400, office.statusCode(), "a district office is no organ that decides: " + office.body());
        assertEquals("unit", json(office).get("field").asText());

        HttpResponse<String> r = assign(city, id, B_DEPARTMENT);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(B_DEPARTMENT, json(r).get("owner").asText());
        await("the assignment at district B", () -> B_DEPARTMENT.equals(get(districtB, id).get("owner").asText()));
        JsonNode atB = get(districtB, id);
        assertEquals("TRIAGED", atB.get("status").asText());
        assertEquals("锦溪区人力资源和社会保障局", atB.get("ownerName").asText());
        JsonNode assigned = event(atB, "ASSIGNED");
        assertEquals(CITY, assigned.get("unit").asText());
        assertEquals("成都市信访局", assigned.get("unitName").asText());
        assertEquals("刘敏", assigned.get("actorName").asText(), "the person who assigned, by name");
        assertEquals(404, districtA.get("/api/v1/petitions/" + id).statusCode(), "nothing of it goes to district A");
    }

    @Test
    @Order(5)
    void theCityAssignsACaseOfOneDistrictThroughTheOtherDistrictToItsTownship() throws Exception {
        String id = atB.get(2).get("id").asText();
        HttpResponse<String> byB = districtB.postJson("/api/v1/petitions/" + id + "/assignments",
                "{\"unit\": \"" + TOWNSHIP + "\"}");
        assertEquals(400, byB.statusCode(), "district B cannot send it outside its subtree: " + byB.body());
        assertEquals("unit", json(byB).get("field").asText());
        assertEquals(404, districtA.postJson("/api/v1/petitions/" + id + "/assignments", "{\"unit\": \"" + TOWNSHIP
                + "\"}").statusCode(), "district A does not hold it");

        HttpResponse<String> r = assign(city, id, TOWNSHIP);
        assertEquals(200, r.statusCode(), r.body());
        await("the case at the township, received there", () -> holds(township, id)
                && hasEvent(get(township, id), "RECEIVED", TOWNSHIP));
        JsonNode there = get(township, id);
        assertEquals(TOWNSHIP, there.get("owner").asText());
        assertEquals("锦溪区信访局", there.get("registeredByName").asText());
        assertEquals("成都市信访局", event(there, "ASSIGNED").get("unitName").asText());
        assertTrue(holds(districtA, id), "district A, on the way, holds it");
        await("the receipt at the city", () -> hasEvent(get(city, id), "RECEIVED", TOWNSHIP));

        HttpResponse<String> accepted = township.postJsonAs("head", STAFF_PW, "/api/v1/petitions/" + id
                + "/actions/accept", "{}");
        assertEquals(200, accepted.statusCode(), accepted.body());
        for (TierNode node : List.of(districtA, city, districtB)) {
            await("the acceptance at " + node.home.getFileName(), () -> "ACCEPTED".equals(get(node, id).get("status")
                    .asText()));
            JsonNode copy = get(node, id);
            assertEquals(TOWNSHIP, copy.get("owner").asText(), node.home.getFileName().toString());
            assertEquals("王芳", event(copy, "ACCEPTED").get("actorName").asText());
        }
    }

    @Test
    @Order(6)
    void anObjectionGoesBackToTheCityThatAssignedItAndTheCitySendsItOn() throws Exception {
        String id = atB.get(3).get("id").asText();
        assertEquals(200, assign(city, id, TOWNSHIP).statusCode());
        await("the case received at the township", () -> holds(township, id)
                && hasEvent(get(township, id), "RECEIVED", TOWNSHIP));
        HttpResponse<String> objected = township.postJsonAs("head", STAFF_PW, "/api/v1/petitions/" + id
                + "/actions/object", "{\"reason\": \"所涉土地位于锦溪区石桥镇，不属本镇管辖\"}");
        assertEquals(200, objected.statusCode(), objected.body());
        await("the objection at the city", () -> "OBJECTED".equals(get(city, id).get("status").asText()));
        JsonNode atCity = get(city, id);
        assertEquals(CITY, atCity.get("owner").asText(), "it waits with the office that assigned it, not the district between");
        assertTrue(strings(atCity.get("allowedActions")).contains("decline-objection"), atCity.get("allowedActions")
                .toString());
        await("the objection at district B", () -> "OBJECTED".equals(get(districtB, id).get("status").asText()));

        HttpResponse<String> onward = assign(city, id, B_TOWNSHIP);
        assertEquals(200, onward.statusCode(), onward.body());
        for (TierNode node : List.of(districtB, districtA, township)) {
            await("the new assignment at " + node.home.getFileName(), () -> B_TOWNSHIP.equals(get(node, id).get("owner")
                    .asText()));
        }
        assertEquals("石桥镇", get(districtB, id).get("ownerName").asText());
        assertEquals("TRIAGED", get(township, id).get("status").asText(), "the township's copy follows the city's");
    }

    @Test
    @Order(7)
    void thePublicQueryAtTheCityShowsWhatWasDoneBelowTheOtherDistrict() throws Exception {
        JsonNode reg = atB.get(2);
        String query = "/api/v1/public/petitions/" + reg.get("trackingCode").asText() + "?code=";
        for (TierNode node : List.of(city, districtB)) {
            HttpResponse<String> r = node.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + query
                    + reg.get("verificationCode").asText())).build());
            assertEquals(200, r.statusCode(), r.body());
            JsonNode progress = json(r);
            assertEquals("ACCEPTED", progress.get("status").asText(), node.home.getFileName().toString());
            assertEquals("清河镇", progress.get("ownerName").asText());
            assertTrue(progress.get("steps").toString().contains("已由清河镇受理"), progress.get("steps").toString());
            assertFalse(r.body().contains("王芳") || r.body().contains("刘敏") || r.body().contains("张三"),
                    "no staff or petitioner names: " + r.body());
        }
        String wrong = reg.get("verificationCode").asText().equals("000000") ? "111111" : "000000";
        assertEquals(404, city.send(HttpRequest.newBuilder(URI.create(city.baseUrl() + query + wrong)).build())
                .statusCode());
    }

    private static HttpResponse<String> putCategories(TierNode node, String json) throws Exception {
        return node.send(node.request("/api/v1/categories").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    @Test
    @Order(8)
    void referenceDataIsKeptAtTheCityAndReachesEveryNode() throws Exception {
        String list = "{\"version\": 0, \"categories\": [{\"name\": \"劳动社保\", \"aliases\": [\"欠薪\"]},"
                + " {\"name\": \"城乡建设\"}, {\"name\": \"城市管理\"}]}";
        HttpResponse<String> atDistrict = putCategories(districtA, list);
        assertEquals(409, atDistrict.statusCode(), "a district below a city no longer keeps the list: "
                + atDistrict.body());
        assertTrue(atDistrict.body().contains("maintained_above"), atDistrict.body());
        HttpResponse<String> ok = putCategories(city, list);
        assertEquals(200, ok.statusCode(), ok.body());
        for (TierNode node : List.of(districtA, districtB, township)) {
            await("the city's list at " + node.home.getFileName(), () -> json(node.get("/api/v1/categories"))
                    .get("version").asInt() == 1);
        }
        HttpResponse<String> r = township.postJson("/api/v1/petitions", petition("占道经营", DISTRICT_A,
                "440524188001010014").replace("劳动社保", "城市管理"));
        assertEquals(201, r.statusCode(), "the township registers under the city's category: " + r.body());
    }

    @Test
    @Order(9)
    void noCopyDiffersAnywhereAndNothingWasRefused() throws Exception {
        await("no case differs anywhere", () -> {
            for (TierNode node : List.of(township, districtA, districtB)) {
                HttpResponse<String> checked = node.send(node.request("/api/v1/sync/consistency/check")
                        .POST(HttpRequest.BodyPublishers.noBody()).build());
                if (checked.statusCode() != 200) {
                    return false;
                }
            }
            JsonNode all = json(city.get("/api/v1/sync/consistency"));
            return all.get("differing").isEmpty() && all.get("nodes").size() == 3;
        });
        assertEquals(409, city.send(city.request("/api/v1/sync/consistency/check")
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode(), "the city, at the top, compares with no one");
        for (TierNode node : List.of(city, districtA, districtB)) {
            JsonNode status = json(node.get("/api/v1/sync/status"));
            assertEquals(0, status.get("refused").size(), node.home.getFileName() + ": " + status.get("refused"));
        }
        JsonNode verify = json(districtA.get("/api/v1/sync/verify"));
        assertTrue(verify.get("intact").asBoolean(), verify.toString());
        assertTrue(verify.get("witness").get("receipts").asInt() > 0, "the city witnessed district A's history: "
                + verify);
    }
}
