package org.xinfang.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * 检举控告 material and recorded reads on the real distributions (R2022 Art. 30, 46(5); docs/security.md): a
 * village's clerk registers an accusation against the village committee; it is sealed at that village whatever the
 * role, and at the district from a clerk and a head, while the district's discipline officer reads it after asking —
 * a read recorded and listed per case and per person. The district routes it to the discipline channel; the
 * township between, below the router, then cannot read it even with the role. Personal data of every case comes
 * masked until asked, and a read at the village reaches the district with the journal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccusationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PW = "Accusation-test-admin-pw-1";
    private static final String TOWNSHIP = "510199101";
    private static final String VILLAGE = "510199101201";
    private static final String ID_OK = "510199196503120413";
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String CLERK = "clerk";
    private static final String HEAD = "head";
    private static final String JIWEI = "jiwei";
    private static final String USER_PW = "Accusation-test-staff-pw-1";

    private TierNode district;
    private TierNode township;
    private TierNode village;
    private String accusation;

    @BeforeAll
    void boot() throws Exception {
        String townshipSecret = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        String villageSecret = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        district = TierNode.unpack("district", "acc-district").user(CLERK, USER_PW, "clerk")
                .user(HEAD, USER_PW, "head", "handler").person(HEAD, "周强", "青溪区信访局局长")
                .user(JIWEI, USER_PW, "discipline").person(JIWEI, "孙纪", "区纪委监委信访室主任").start(PW);
        township = TierNode.unpack("township", "acc-township").childOf(district, townshipSecret)
                .user(JIWEI, USER_PW, "discipline").person(JIWEI, "钱律", "清河镇纪委书记").start(PW);
        village = TierNode.unpack("village", "acc-village").childOf(township, villageSecret)
                .user(CLERK, USER_PW, "clerk").person(CLERK, "赵文", "柳树村文书")
                .user(HEAD, USER_PW, "head", "handler").person(HEAD, "王五", "柳树村村委会主任").start(PW);
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

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        TierNode.await(what, PATIENCE, condition);
    }

    private static String body(String kind, String subject, String content, String extra) {
        return "{\"kind\": \"" + kind + "\", \"channel\": \"LETTER\", \"subject\": \"" + subject + "\", \"content\": \""
                + content + "\", \"petitioners\": [{\"name\": \"张三\", \"idNumber\": \"" + ID_OK
                + "\", \"phone\": \"13881234567\", \"address\": \"青溪区清河镇柳树村3组12号\"}]" + extra + "}";
    }

    private static void assertSealed(JsonNode p, String who) {
        assertTrue(p.path("sealed").asBoolean(), who + " reads it sealed: " + p);
        assertEquals("检举控告事项", p.path("subject").asText(), who);
        assertTrue(p.path("content").isNull(), who + " reads no content");
        assertEquals(0, p.path("petitioners").size(), who + " reads no accuser");
        assertEquals(1, p.path("petitionerCount").asInt(), who + " sees how many accuse");
        assertFalse(p.toString().contains("低保") || p.toString().contains("张三") || p.toString().contains(ID_OK)
                || p.toString().contains("王五"), who + " reads nothing of the material: " + p);
        assertFalse(p.path("personalData").path("mayReveal").asBoolean(), who);
        assertTrue(p.path("sealedReason").asText().contains("第三十条"), who + " is told why");
    }

    @Test
    @Order(1)
    void registrationNamesTheAccusedUnitOnlyForAnAccusationAndOnlyAUnitOfTheTree() throws Exception {
        HttpResponse<String> claim = village.postJsonAs(CLERK, USER_PW, "/api/v1/petitions", body("CLAIM", "土地", "征地补偿",
                ", \"accusedUnit\": \"" + VILLAGE + "\""));
        assertEquals(400, claim.statusCode(), claim.body());
        assertEquals("accusedUnit", json(claim).path("field").asText());
        HttpResponse<String> unknown = village.postJsonAs(CLERK, USER_PW, "/api/v1/petitions", body("ACCUSATION", "举报",
                "举报", ", \"accusedUnit\": \"999999999\""));
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertEquals("accusedUnit", json(unknown).path("field").asText());

        HttpResponse<String> r = village.postJsonAs(CLERK, USER_PW, "/api/v1/petitions", body("ACCUSATION",
                "举报村主任截留低保金", "柳树村村委会主任王五截留低保金三万元", ", \"accusedUnit\": \"" + VILLAGE
                        + "\", \"accusedPerson\": \"王五\""));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode registered = json(r);
        accusation = registered.path("id").asText();
        assertTrue(registered.path("verificationCode").asText().matches("[0-9]{8}"), "the accuser gets the code");
        assertSealed(registered, "the village clerk, once registered");
    }

    @Test
    @Order(2)
    void theAccusedVillageCannotReadItWhateverTheRole() throws Exception {
        assertSealed(json(village.getAs(HEAD, USER_PW, "/api/v1/petitions/" + accusation)), "the village head");
        assertSealed(json(village.get("/api/v1/petitions/" + accusation)), "the village admin");
        HttpResponse<String> reveal = village.getAs(HEAD, USER_PW, "/api/v1/petitions/" + accusation + "?reveal=true");
        assertEquals(403, reveal.statusCode(), reveal.body());
        assertEquals(403, village.getAs(HEAD, USER_PW, "/api/v1/petitions/" + accusation + "/attachments").statusCode());
        assertEquals(403, village.getAs(HEAD, USER_PW, "/api/v1/petitions/" + accusation + "/documents/1").statusCode(),
                "not its receipt either (it names the accuser)");
        String list = village.getAs(HEAD, USER_PW, "/api/v1/petitions?q=" + URLEncoder.encode("低保金",
                StandardCharsets.UTF_8)).body();
        assertFalse(list.contains(accusation), "a search does not find it by its words: " + list);
        JsonNode byId = json(village.getAs(HEAD, USER_PW, "/api/v1/petitions?q=" + accusation)).path("items").get(0);
        assertEquals("检举控告事项", byId.path("subject").asText(), "lists never show its subject");
        assertTrue(byId.path("firstPetitioner").isNull(), "nor its accuser");
        JsonNode allowed = json(village.getAs(HEAD, USER_PW, "/api/v1/petitions/" + accusation)).path("allowedActions");
        assertTrue(allowed.toString().contains("\"redirect\""), "it may hand it to the discipline channel: " + allowed);
        assertFalse(allowed.toString().contains("not-accept") || allowed.toString().contains("\"link\""),
                "it is not offered to decline or merge a complaint against itself: " + allowed);
        HttpResponse<String> buried = village.postJsonAs(HEAD, USER_PW, "/api/v1/petitions/" + accusation
                + "/actions/not-accept", "{\"reason\": \"不属于信访事项\"}");
        assertEquals(403, buried.statusCode(), buried.body());
        assertTrue(buried.body().contains("被检举控告的单位"), buried.body());
    }

    @Test
    @Order(3)
    void atTheDistrictOnlyTheDisciplineRoleReadsItAfterAskingAndTheReadIsListed() throws Exception {
        await("the accusation reaches the district", () -> district.get("/api/v1/petitions/" + accusation)
                .statusCode() == 200);
        assertSealed(json(district.getAs(CLERK, USER_PW, "/api/v1/petitions/" + accusation)), "the district clerk");
        assertSealed(json(district.getAs(HEAD, USER_PW, "/api/v1/petitions/" + accusation)), "the district head");
        assertEquals(403, district.getAs(CLERK, USER_PW, "/api/v1/petitions/" + accusation + "?reveal=true").statusCode());

        JsonNode asked = json(district.getAs(JIWEI, USER_PW, "/api/v1/petitions/" + accusation));
        assertFalse(asked.path("sealed").asBoolean(), asked.toString());
        assertTrue(asked.path("sealedUntilAsked").asBoolean(), "held back until asked: " + asked);
        assertTrue(asked.path("content").isNull(), "not read yet");
        assertTrue(asked.path("personalData").path("mayReveal").asBoolean());
        HttpResponse<String> reveal = district.getAs(JIWEI, USER_PW, "/api/v1/petitions/" + accusation + "?reveal=true");
        assertEquals(200, reveal.statusCode(), reveal.body());
        JsonNode read = json(reveal);
        assertEquals("柳树村村委会主任王五截留低保金三万元", read.path("content").asText());
        assertEquals(ID_OK, read.path("petitioners").get(0).path("idNumber").asText());
        assertEquals("青溪区清河镇柳树村3组12号", read.path("petitioners").get(0).path("address").asText());
        assertEquals("柳树村", read.path("accusedUnitName").asText());
        assertNotNull(read.path("personalData").path("readId").textValue(), "the read is recorded");

        JsonNode reads = json(district.getAs(JIWEI, USER_PW, "/api/v1/petitions/" + accusation + "/reads"));
        JsonNode first = reads.path("items").get(0);
        assertEquals("孙纪 · 区纪委监委信访室主任", first.path("reader").asText(), reads.toString());
        assertEquals("青溪区信访局", first.path("unitName").asText(), reads.toString());
        assertTrue(first.path("fields").toString().contains("content") && first.path("fields").toString().contains(
                "idNumber"), reads.toString());
        assertTrue(first.path("fieldLabels").toString().contains("检举控告内容"), reads.toString());
        JsonNode byPerson = json(district.get("/api/v1/reads?login=" + JIWEI));
        assertEquals(accusation, byPerson.path("items").get(0).path("caseId").asText(), byPerson.toString());
        assertEquals(403, district.getAs(CLERK, USER_PW, "/api/v1/petitions/" + accusation + "/reads").statusCode(),
                "a clerk does not list reads");
        HttpResponse<String> noLogin = district.get("/api/v1/reads");
        assertEquals(400, noLogin.statusCode(), noLogin.body());
        assertEquals("login", json(noLogin).path("field").asText());
    }

    @Test
    @Order(4)
    void onceTheDistrictRoutedItTheTownshipBelowCannotReadItEvenWithTheRole() throws Exception {
        JsonNode before = json(township.getAs(JIWEI, USER_PW, "/api/v1/petitions/" + accusation));
        assertTrue(before.path("personalData").path("mayReveal").asBoolean(),
                "before it is routed, the township's discipline officer may ask: " + before);
        HttpResponse<String> routed = district.postJsonAs(HEAD, USER_PW, "/api/v1/petitions/" + accusation
                + "/actions/redirect", "{\"channel\": \"DISCIPLINE\", \"reason\": \"反映村干部违纪问题，转区纪委监委\"}");
        assertEquals(200, routed.statusCode(), "the district routes it; it does not wait on the accused village: "
                + routed.body());
        await("the routing reaches the township", () -> "REDIRECTED".equals(json(township.get("/api/v1/petitions/"
                + accusation)).path("status").asText()));
        assertSealed(json(township.getAs(JIWEI, USER_PW, "/api/v1/petitions/" + accusation)),
                "the township's discipline officer, below the router");
        assertEquals(403, township.getAs(JIWEI, USER_PW, "/api/v1/petitions/" + accusation + "?reveal=true")
                .statusCode());
        assertEquals(200, district.getAs(JIWEI, USER_PW, "/api/v1/petitions/" + accusation + "?reveal=true")
                .statusCode(), "the district, which routed it, still reads it");
    }

    @Test
    @Order(5)
    void personalDataComesMaskedUntilAskedAndAReadBelowReachesTheDistrict() throws Exception {
        HttpResponse<String> r = village.postJsonAs(CLERK, USER_PW, "/api/v1/petitions", body("CLAIM", "宅基地纠纷",
                "与邻居宅基地界址争议", ""));
        assertEquals(201, r.statusCode(), r.body());
        String claim = json(r).path("id").asText();
        JsonNode masked = json(village.getAs(HEAD, USER_PW, "/api/v1/petitions/" + claim));
        JsonNode person = masked.path("petitioners").get(0);
        assertEquals("5101**********0413", person.path("idNumber").asText(), "masked until asked: " + person);
        assertEquals("138****4567", person.path("phone").asText());
        assertEquals("青溪区清河镇****", person.path("address").asText());
        assertEquals("张三", person.path("name").asText(), "the name is not masked");
        assertTrue(masked.path("personalData").path("mayReveal").asBoolean());
        assertEquals(403, village.getAs(CLERK, USER_PW, "/api/v1/petitions/" + claim + "?reveal=true").statusCode(),
                "a clerk does not read personal data in full");
        JsonNode shown = json(village.getAs(HEAD, USER_PW, "/api/v1/petitions/" + claim + "?reveal=true"));
        assertEquals(ID_OK, shown.path("petitioners").get(0).path("idNumber").asText());
        assertEquals(400, village.getAs(HEAD, USER_PW, "/api/v1/petitions/" + claim + "?reveal=yes").statusCode());
        await("the village's read reaches the district", () -> {
            JsonNode reads = json(district.get("/api/v1/petitions/" + claim + "/reads"));
            return reads.path("items").size() == 1
                    && "王五 · 柳树村村委会主任".equals(reads.path("items").get(0).path("reader").asText())
                    && VILLAGE.equals(reads.path("items").get(0).path("node").asText());
        });
    }

    @Test
    @Order(6)
    void anOnlineAccusationNamesWhomItAccusesAsADeskDoes() throws Exception {
        String online = "{\"kind\": \"%s\", \"subject\": \"举报镇干部\", \"content\": \"清河镇某干部收受好处费\","
                + " \"petitioners\": [{\"name\": \"李四\", \"phone\": \"13981234567\"}], \"accusedUnit\": \"%s\","
                + " \"accusedPerson\": \"刘某\"}";
        HttpResponse<String> claim = portal(String.format(online, "CLAIM", TOWNSHIP));
        assertEquals(400, claim.statusCode(), "only an accusation names an accused unit: " + claim.body());
        assertEquals("accusedUnit", json(claim).path("field").asText());
        HttpResponse<String> unknown = portal(String.format(online, "ACCUSATION", "nope"));
        assertEquals(400, unknown.statusCode(), "a unit of the tree only: " + unknown.body());
        assertEquals("accusedUnit", json(unknown).path("field").asText());

        HttpResponse<String> r = portal(String.format(online, "ACCUSATION", TOWNSHIP));
        assertEquals(201, r.statusCode(), r.body());
        String tracking = json(r).path("trackingCode").asText();
        JsonNode found = json(district.get("/api/v1/petitions?q=" + tracking)).path("items");
        assertEquals(1, found.size(), found.toString());
        String id = found.get(0).path("id").asText();
        assertSealed(json(district.getAs(CLERK, USER_PW, "/api/v1/petitions/" + id)), "the district clerk, online");
        JsonNode read = json(district.getAs(JIWEI, USER_PW, "/api/v1/petitions/" + id + "?reveal=true"));
        assertEquals(TOWNSHIP, read.path("accusedUnit").asText(), "kept as the body named it: " + read);
        assertEquals("清河镇", read.path("accusedUnitName").asText(), read.toString());
        assertEquals("刘某", read.path("accusedPerson").asText(), read.toString());
        assertEquals("ONLINE", read.path("channel").asText());
    }

    /** The public portal's form posts without a login. */
    private HttpResponse<String> portal(String json) throws Exception {
        return district.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(district.baseUrl()
                + "/api/v1/portal/petitions")).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }
}
