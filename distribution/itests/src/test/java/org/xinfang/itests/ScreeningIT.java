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
import java.time.YearMonth;
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
 * The monthly screening of conflicts (矛盾纠纷排查) on the real distributions: a district and a township below it.
 * The district's form (due day, required fields) reaches the township; the township writes and files its report
 * (bad input named, Chinese first) and registers an item as a case, which names the item; the district lists the
 * township as filed and the other units of its tree as late, sends the report back with comments, the township
 * sees them, corrects the report and files it again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScreeningIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PW = "Screening-test-admin-pw-1";
    private static final String TOWNSHIP = "510199101";
    private static final String CLERK = "qclerk";
    private static final String CLERK_PW = "Screening-test-clerk-pw-1";
    private static final String HEAD = "dhead";
    private static final String HEAD_PW = "Screening-test-head-pw-1";
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /** Two months back: its due day (in the month after) has passed whatever today is. */
    private static final String MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(2).toString();

    private TierNode district;
    private TierNode township;
    private String caseId;

    @BeforeAll
    void boot() throws Exception {
        String townshipSecret = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        district = TierNode.unpack("district", "sc-district").user(HEAD, HEAD_PW, "head").person(HEAD, "赵强", "区信访局局长");
        // the district defines the form: due by the 10th, place and measures required
        Files.writeString(district.home.resolve("etc/org.xinfang.screening.cfg"), "realm = karaf\nzone = Asia/Shanghai\n"
                + "due.day = 10\nrisk.levels = HIGH,MEDIUM,LOW\nrequired.fields = place,measures\n", StandardCharsets.ISO_8859_1);
        district.start(PW);
        township = TierNode.unpack("township", "sc-township").childOf(district, townshipSecret)
                .user(CLERK, CLERK_PW, "clerk").person(CLERK, "李娜", "清河镇信访办登记员").start(PW);
        district.awaitReady();
        assertEquals(200, district.registerChild(TOWNSHIP, townshipSecret).statusCode());
        township.awaitReady();
    }

    @AfterAll
    void stop() throws Exception {
        for (TierNode node : new TierNode[] {township, district}) {
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

    private static HttpResponse<String> put(TierNode node, String login, String password, String path, String json)
            throws Exception {
        return node.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", TierNode.basic(login, password)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private static String report() {
        return "/api/v1/screening/" + TOWNSHIP + "/" + MONTH;
    }

    private static String item(String summary, String place) {
        return """
                {"kind": "HIDDEN_CONFLICT", "summary": "%s", "place": %s, "peopleCount": 23,
                 "peopleDescription": "柳树村三组村民", "risk": "HIGH", "measures": "镇村干部入户走访，联系区住建局答复",
                 "responsibleName": "王芳", "responsibleTitle": "清河镇信访办主任"}""".formatted(summary,
                place == null ? "null" : "\"" + place + "\"");
    }

    @Test
    @Order(1)
    void theDistrictsFormReachesTheTownship() throws Exception {
        await("the district's form at the township", () -> json(township.get("/api/v1/screening/form")).path("received")
                .asBoolean());
        JsonNode form = json(township.get("/api/v1/screening/form"));
        assertEquals(10, form.get("dueDay").asInt());
        assertEquals("青溪区信访局", form.get("definedByName").asText());
        assertEquals(2, form.get("required").size(), form.toString());
    }

    @Test
    @Order(2)
    void theTownshipWritesItsReportBadInputNamedAndRegistersAnItemAsACase() throws Exception {
        HttpResponse<String> bad = put(township, CLERK, CLERK_PW, report(), "{\"version\": 0, \"items\": [{\"kind\":"
                + " \"HOT_ISSUE\", \"risk\": \"LOW\"}]}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals("items[0].summary", json(bad).get("field").asText());
        assertTrue(json(bad).get("message").asText().startsWith("必填项"), "Chinese first: " + bad.body());
        HttpResponse<String> wrongRisk = put(township, CLERK, CLERK_PW, report(), "{\"version\": 0, \"items\": [{\"kind\":"
                + " \"HOT_ISSUE\", \"summary\": \"物业费\", \"risk\": \"EXTREME\"}]}");
        assertEquals("items[0].risk", json(wrongRisk).get("field").asText(), wrongRisk.body());
        assertEquals(403, put(district, HEAD, HEAD_PW, report(), "{\"version\": 0, \"nothingToReport\": true}").statusCode(),
                "the district does not write the township's report");

        HttpResponse<String> saved = put(township, CLERK, CLERK_PW, report(), "{\"version\": 0, \"items\": ["
                + item("柳树村土地征收补偿标准争议", null) + ", " + item("桃园村小区物业费纠纷", "桃园村幸福小区") + "]}");
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals("DRAFT", json(saved).get("state").asText());
        // the district's form requires the place
        HttpResponse<String> incomplete = township.postJsonAs(CLERK, CLERK_PW, report() + "/file", "{\"version\": 1}");
        assertEquals(400, incomplete.statusCode(), incomplete.body());
        assertEquals("items[0].place", json(incomplete).get("field").asText());

        HttpResponse<String> complete = put(township, CLERK, CLERK_PW, report(), "{\"version\": 1, \"items\": ["
                + item("柳树村土地征收补偿标准争议", "清河镇柳树村") + ", " + item("桃园村小区物业费纠纷", "桃园村幸福小区") + "]}");
        assertEquals(2, json(complete).get("version").asInt(), complete.body());

        String registration = TierDistributionsIT.petition("ignored").replaceFirst("\\{", "{\"version\": 2, ")
                .replace("\"subject\": \"ignored\", ", "").replace("\"receivedAt\": \"2026-11-20\", ", "");
        HttpResponse<String> registered = township.postJsonAs(CLERK, CLERK_PW, report() + "/items/2/register", registration);
        assertEquals(201, registered.statusCode(), registered.body());
        caseId = json(registered).get("caseId").asText();
        assertEquals(TOWNSHIP + "-S" + MONTH.replace("-", "") + "-2", json(registered).get("screeningItem").asText());
        assertEquals(caseId, json(registered).get("report").get("items").get(1).get("caseId").asText());
        JsonNode theCase = json(township.get("/api/v1/petitions/" + caseId));
        assertEquals("桃园村小区物业费纠纷", theCase.get("subject").asText(), "the subject from the item");
        assertEquals(json(registered).get("screeningItem").asText(), theCase.get("timeline").get(0).get("attrs")
                .get("screeningItem").asText());

        HttpResponse<String> filed = township.postJsonAs(CLERK, CLERK_PW, report() + "/file", "{\"version\": 3}");
        assertEquals(200, filed.statusCode(), filed.body());
        assertEquals("FILED", json(filed).get("state").asText());
        assertEquals("李娜 · 清河镇信访办登记员", json(filed).get("filedBy").asText());
        assertFalse(filed.body().contains(CLERK), "no login: " + filed.body());
        HttpResponse<String> stale = township.postJsonAs(CLERK, CLERK_PW, report() + "/file", "{\"version\": 3}");
        assertEquals(409, stale.statusCode(), stale.body());
    }

    @Test
    @Order(3)
    void theDistrictListsTheTownshipAsFiledAndTheOthersAsLate() throws Exception {
        await("the township's filed report at the district", () -> {
            for (JsonNode u : json(district.get("/api/v1/screening?month=" + MONTH)).path("units")) {
                if (TOWNSHIP.equals(u.path("unit").asText()) && "FILED".equals(u.path("standing").asText())) {
                    return true;
                }
            }
            return false;
        });
        JsonNode list = json(district.get("/api/v1/screening?month=" + MONTH));
        assertEquals(MONTH, list.get("month").asText());
        JsonNode qinghe = null;
        JsonNode baisha = null;
        JsonNode department = null;
        for (JsonNode u : list.get("units")) {
            switch (u.get("unit").asText()) {
                case TOWNSHIP -> qinghe = u;
                case "510199102" -> baisha = u;
                case "510199D01" -> department = u;
                default -> { }
            }
            assertFalse(u.get("kind").asText().equals("VILLAGE"), "villages file no report");
        }
        assertEquals("清河镇", qinghe.get("unitName").asText());
        assertEquals("已报", qinghe.get("standingLabel").asText());
        assertEquals("李娜 · 清河镇信访办登记员", qinghe.get("filedBy").asText());
        assertEquals("白沙街道", baisha.get("unitName").asText());
        assertEquals("LATE", baisha.get("standing").asText(), "no report after the due day");
        assertEquals("逾期", baisha.get("standingLabel").asText());
        assertEquals("MISSING", baisha.get("state").asText());
        assertEquals("区人力资源和社会保障局", department.get("unitName").asText());
        assertEquals("LATE", department.get("standing").asText());
        assertTrue(list.get("counts").get("LATE").asInt() >= 2, list.toString());

        JsonNode r = json(district.get(report()));
        assertEquals(caseId, r.get("items").get(1).get("caseId").asText(), "the link travelled up with the report");
        assertTrue(r.get("canReturn").asBoolean());
        await("the case registered from the item at the district", () -> district.get("/api/v1/petitions/" + caseId)
                .statusCode() == 200);
        assertEquals(r.get("items").get(1).get("id").asText(), json(district.get("/api/v1/petitions/" + caseId))
                .get("timeline").get(0).get("attrs").get("screeningItem").asText());
    }

    @Test
    @Order(4)
    void theDistrictSendsItBackTheTownshipSeesTheCommentsAndFilesAgain() throws Exception {
        int version = json(district.get(report())).get("version").asInt();
        HttpResponse<String> noComments = district.postJsonAs(HEAD, HEAD_PW, report() + "/return", "{\"version\": " + version
                + "}");
        assertEquals(400, noComments.statusCode());
        assertEquals("comments", json(noComments).get("field").asText());
        assertEquals(403, township.postJsonAs(CLERK, CLERK_PW, report() + "/return", "{\"comments\": \"自己退回\", \"version\": "
                + version + "}").statusCode(), "a clerk of the unit does not send its own report back");
        HttpResponse<String> returned = district.postJsonAs(HEAD, HEAD_PW, report() + "/return", "{\"comments\":"
                + " \"柳树村事项风险等级偏高，请补充稳控措施和责任人联系方式\", \"version\": " + version + "}");
        assertEquals(200, returned.statusCode(), returned.body());
        assertEquals("RETURNED", json(returned).get("state").asText());
        assertEquals("赵强 · 区信访局局长", json(returned).get("returnedBy").asText());

        await("the comments at the township", () -> "RETURNED".equals(json(township.get(report())).path("state").asText()));
        JsonNode below = json(township.get(report()));
        assertEquals("柳树村事项风险等级偏高，请补充稳控措施和责任人联系方式", below.get("comments").asText());
        assertEquals("赵强 · 区信访局局长", below.get("returnedBy").asText());
        assertTrue(below.get("editable").asBoolean());
        JsonNode mine = json(township.getAs(CLERK, CLERK_PW, "/api/v1/screening?month=" + MONTH)).get("mine");
        assertEquals("RETURNED", mine.get("state").asText(), "the township's own page shows the return");

        int v = below.get("version").asInt();
        HttpResponse<String> corrected = put(township, CLERK, CLERK_PW, report(), "{\"version\": " + v + ", \"items\": ["
                + item("柳树村土地征收补偿标准争议（已落实包村干部稳控）", "清河镇柳树村") + ", "
                + item("桃园村小区物业费纠纷", "桃园村幸福小区").replaceFirst("\\}$", ", \"caseId\": \"" + caseId + "\"}") + "]}");
        assertEquals(200, corrected.statusCode(), corrected.body());
        HttpResponse<String> again = township.postJsonAs(CLERK, CLERK_PW, report() + "/file", "{\"version\": "
                + json(corrected).get("version").asInt() + "}");
        assertEquals(200, again.statusCode(), again.body());
        await("filed again at the district", () -> "FILED".equals(json(district.get(report())).path("state").asText()));
        JsonNode above = json(district.get(report()));
        assertEquals(v + 2, above.get("version").asInt());
        assertTrue(above.get("items").get(0).get("summary").asText().contains("已落实包村干部稳控"));
        assertEquals(caseId, above.get("items").get(1).get("caseId").asText(), "the case stays linked");
    }
}
