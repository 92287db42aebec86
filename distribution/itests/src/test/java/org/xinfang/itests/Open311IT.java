package org.xinfang.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Open311 GeoReport v2 on the real district distribution (docs/open311.md): the standard's example requests over
 * HTTP, then a published client (npm {@code open311}) reading discovery, services and requests and posting one.
 * Cases registered by staff with names, ID numbers, phones and addresses never show them; accusations never show;
 * a post is an online petition with the portal's two codes and counts against the portal's rate limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Open311IT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PW = "Open311-test-admin-pw-1";
    private static final String NAME = "孙丽华";
    private static final String ID_NUMBER = "11010519491231002X";
    private static final String PHONE = "13711112222";
    private static final String HOME = "清河镇幸福村5组8号";
    private static final String SUBJECT = "拖欠工资三个月未发";
    /** Online petitions per address in the window: the portal's limit, which Open311 shares. */
    private static final int RATE_LIMIT = 4;

    private TierNode district;
    private String claimTracking;
    private int posted;

    @BeforeAll
    void boot() throws Exception {
        district = TierNode.unpack("district", "o311-district");
        Files.writeString(district.home.resolve("etc/org.xinfang.portal.cfg"), "rate.limit = " + RATE_LIMIT
                + "\nrate.window.minutes = 60\n", StandardCharsets.ISO_8859_1);
        district.start(PW).awaitReady();
        claimTracking = register("CLAIM", SUBJECT);
        register("ACCUSATION", "举报某单位负责人收受红包");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (get("/open311/v2/discovery.json").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Open311 did not come up: " + get("/open311/v2/discovery.json").body());
            }
            Thread.sleep(250);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (district != null) {
            district.close();
        }
    }

    private String register(String kind, String subject) throws Exception {
        String body = """
                {"kind": "%s", "channel": "WALK_IN", "subject": "%s", "content": "本人%s，身份证号%s，要求解决。",
                 "petitioners": [{"name": "%s", "idNumber": "%s", "phone": "%s", "address": "%s"}]}"""
                .formatted(kind, subject, NAME, ID_NUMBER, NAME, ID_NUMBER, PHONE, HOME);
        HttpResponse<String> r = district.postJson("/api/v1/petitions", body);
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("trackingCode").asText();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return district.send(HttpRequest.newBuilder(URI.create(district.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).GET().build());
    }

    private HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return district.send(HttpRequest.newBuilder(URI.create(district.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private static void assertNothingPersonal(String body) {
        for (String secret : new String[] {NAME, ID_NUMBER, PHONE, HOME, SUBJECT, "身份证", "admin", "举报"}) {
            assertFalse(body.contains(secret), secret + " must not be public: " + body);
        }
    }

    private static void assertError(HttpResponse<String> r, int status, String field) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
        JsonNode e = JSON.readTree(r.body());
        assertTrue(e.isArray() && e.size() == 1, "the standard's error list: " + r.body());
        assertEquals(status, e.get(0).get("code").asInt());
        String d = e.get(0).get("description").asText();
        if (field != null) {
            assertTrue(d.startsWith(field + "："), d);
        }
        int reason = field == null ? 0 : field.length() + 1;
        assertEquals(Character.UnicodeScript.HAN, Character.UnicodeScript.of(d.codePointAt(reason)), "Chinese first: " + d);
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no stack trace: " + r.body());
    }

    @Test
    @Order(1)
    void theStandardsExampleRequestsReadDiscoveryServicesAndRequests() throws Exception {
        JsonNode discovery = JSON.readTree(get("/open311/v2/discovery.json").body());
        JsonNode endpoint = discovery.get("endpoints").get(0);
        assertEquals("http://wiki.open311.org/GeoReport_v2", endpoint.get("specification").asText());
        assertEquals(district.baseUrl() + "/open311/v2/", endpoint.get("url").asText());
        assertEquals("production", endpoint.get("type").asText());
        assertEquals("application/json", endpoint.get("formats").get(0).asText());

        HttpResponse<String> servicesAnswer = get("/open311/v2/services.json");
        assertEquals(200, servicesAnswer.statusCode());
        List<String> codes = new ArrayList<>();
        JSON.readTree(servicesAnswer.body()).forEach(s -> codes.add(s.get("service_code").asText() + "="
                + s.get("service_name").asText() + "," + s.get("metadata").asBoolean()));
        assertEquals(List.of("SUGGESTION=建议意见,false", "ACCUSATION=检举控告,false", "CLAIM=申诉求决,false"), codes);

        HttpResponse<String> list = get("/open311/v2/requests.json");
        assertEquals(200, list.statusCode(), list.body());
        assertNothingPersonal(list.body());
        JsonNode requests = JSON.readTree(list.body());
        assertEquals(1, requests.size(), "the claim only, never the accusation: " + list.body());
        JsonNode claim = requests.get(0);
        assertEquals("CLAIM", claim.get("service_code").asText());
        assertEquals("open", claim.get("status").asText());
        assertEquals("已登记", claim.get("status_notes").asText());
        assertTrue(claim.get("description").isNull() && claim.get("lat").isNull(), list.body());
        String id = claim.get("service_request_id").asText();
        assertFalse(id.contains(claimTracking), "the public id is not the tracking code");
        assertEquals(0, get("/open311/v2/requests.json?status=closed").body().replace("[]", "").length());
        assertEquals(1, JSON.readTree(get("/open311/v2/requests.json?service_code=CLAIM&status=open&start_date="
                + URLEncoder.encode("2020-01-01T00:00:00+08:00", StandardCharsets.UTF_8)).body()).size());
        assertEquals("[]", get("/open311/v2/requests.json?service_code=ACCUSATION").body());

        HttpResponse<String> one = get("/open311/v2/requests/" + id + ".json");
        assertEquals(200, one.statusCode(), one.body());
        assertEquals(claim, JSON.readTree(one.body()).get(0));
    }

    @Test
    @Order(2)
    void aPostedRequestIsAnOnlinePetitionWithThePortalsCodesAndBadInputIs400() throws Exception {
        assertError(postForm("/open311/v2/requests.json", Map.of("description", "没有类别", "first_name", "某")), 400,
                "service_code");
        assertError(postForm("/open311/v2/requests.json", Map.of("service_code", "CLAIM", "description", "匿名")), 400,
                "first_name");
        assertError(postForm("/open311/v2/requests.json", Map.of("service_code", "CLAIM", "description", "x",
                "first_name", "某", "lat", "north")), 400, "lat");
        assertError(get("/open311/v2/requests.json?status=pending"), 400, "status");
        assertError(get("/open311/v2/requests.json?start_date=yesterday"), 400, "start_date");
        assertError(get("/open311/v2/requests/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.json"), 404, null);
        assertError(get("/open311/v2/requests/%25%25.json"), 404, null);
        assertError(get("/open311/v2/services.xml"), 400, "format");
        assertError(get("/open311/v2/nothing.json"), 404, null);

        HttpResponse<String> r = postForm("/open311/v2/requests.json", Map.of("service_code", "claim",
                "first_name", "小明", "last_name", "周", "phone", "13900002222", "api_key", "whatever",
                "description", "小区门口路灯损坏一个月无人修理\n夜间出行不便。", "address_string", "清河镇和平路12号"));
        posted++;
        assertEquals(201, r.statusCode(), r.body());
        JsonNode answer = JSON.readTree(r.body()).get(0);
        String tracking = answer.get("tracking_code").asText();
        String code = answer.get("verification_code").asText();
        String notice = answer.get("service_notice").asText();
        assertTrue(notice.startsWith("您的网上信访事项已登记") && notice.contains(tracking) && notice.contains(code), notice);
        // the portal's progress query takes the two codes: the same online petition
        HttpResponse<String> progress = get("/api/v1/public/petitions/" + tracking + "?code=" + code);
        assertEquals(200, progress.statusCode(), progress.body());
        assertEquals("CLAIM", JSON.readTree(progress.body()).get("kind").asText());
        HttpResponse<String> staffView = district.get("/api/v1/petitions?q=" + URLEncoder.encode("路灯", StandardCharsets.UTF_8));
        assertTrue(staffView.body().contains("\"ONLINE\"") && staffView.body().contains("周小明"), staffView.body());
        // and it is listed publicly without the person or the content
        HttpResponse<String> mine = get("/open311/v2/requests/" + answer.get("service_request_id").asText() + ".json");
        assertEquals(200, mine.statusCode(), mine.body());
        assertFalse(mine.body().contains("周小明") || mine.body().contains("路灯") || mine.body().contains("13900002222"),
                mine.body());
    }

    @Test
    @Order(3)
    void aPublishedOpen311ClientReadsAndPosts() throws Exception {
        Assumptions.assumeFalse("skip".equals(System.getProperty("xinfang.browser")),
                "-Dxinfang.browser=skip: the npm client (installed by .ci/run) is not run");
        Path dir = Path.of(System.getProperty("xinfang.open311.client.dir"));
        assertTrue(Files.isDirectory(dir.resolve("node_modules/open311")),
                "run: npm ci --prefix " + dir + " (as .ci/run does)");
        Process p = new ProcessBuilder("node", "client.cjs", district.baseUrl() + "/open311/v2/discovery.json")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), out);
        assertEquals(0, p.exitValue(), out);
        posted++;
        JsonNode seen = JSON.readTree(out.lines().reduce((a, b) -> b).orElseThrow());
        assertEquals(district.baseUrl() + "/open311/v2/", seen.get("endpoint").asText(), "found through discovery");
        assertEquals(3, seen.get("services").size());
        JsonNode posted = seen.get("posted").get(0);
        assertTrue(posted.get("service_notice").asText().contains(posted.get("tracking_code").asText()), out);
        assertEquals(posted.get("service_request_id"), seen.get("one").get(0).get("service_request_id"));
        assertEquals("SUGGESTION", seen.get("one").get(0).get("service_code").asText());
        assertEquals("open", seen.get("one").get(0).get("status").asText());
        List<String> listed = new ArrayList<>();
        seen.get("list").forEach(r -> listed.add(r.get("service_request_id").asText()));
        assertTrue(listed.contains(posted.get("service_request_id").asText()), out);
        assertFalse(out.contains("赵建国") || out.contains("13800001111") || out.contains("公交"),
                "what the client reads back carries no person and no content: " + out);
    }

    @Test
    @Order(4)
    void theOnlinePetitionsOfOneAddressShareThePortalsLimit() throws Exception {
        HttpResponse<String> portal = district.send(HttpRequest.newBuilder(URI.create(district.baseUrl()
                + "/api/v1/portal/petitions")).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"kind": "SUGGESTION", "subject": "建议增加公共厕所", "content": "公园内缺少公共厕所。",
                         "petitioners": [{"name": "钱多多"}]}""")).build());
        assertEquals(201, portal.statusCode(), portal.body());
        posted++;
        Map<String, String> form = Map.of("service_code", "SUGGESTION", "description", "建议延长图书馆开放时间",
                "first_name", "多多", "last_name", "钱");
        while (posted < RATE_LIMIT) {
            assertEquals(201, postForm("/open311/v2/requests.json", form).statusCode());
            posted++;
        }
        HttpResponse<String> refused = postForm("/open311/v2/requests.json", form);
        assertError(refused, 429, null);
        assertTrue(refused.headers().firstValue("Retry-After").isPresent(), refused.headers().toString());
        assertNotEquals(201, district.send(HttpRequest.newBuilder(URI.create(district.baseUrl()
                + "/api/v1/portal/petitions")).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"kind": "SUGGESTION", "subject": "再提一条", "content": "内容",
                         "petitioners": [{"name": "钱多多"}]}""")).build()).statusCode(), "the portal is refused too");
    }
}
