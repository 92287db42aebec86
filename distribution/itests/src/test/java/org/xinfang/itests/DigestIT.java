package org.xinfang.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The monthly digest (信访摘报) on the real district distribution: cases are registered in last month, in the
 * month before it and in the same month a year before; the digest of last month is generated, written and
 * signed off (in a real headless Chromium by src/test/browser/digest.mjs, which also checks the charts are drawn
 * from ECharts served by the node and saves target/screenshots/digest.png; through the API with
 * -Dxinfang.browser=skip). Then a new case for last month is registered: the signed digest stays byte for byte
 * what it was, with the same hash, while the draft of this month, counted again, counts the new case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DigestIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PW = "Digest-test-admin-pw-1";
    private static final String STAFF_PW = "Digest-test-staff-pw-1";
    private static final String HIGHLIGHTS = "本月全区登记信访事项3件，征地拆迁类问题集中在清河镇。";
    private static final String LEADER = "陈静 · 青溪区信访局局长";

    private TierNode district;
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private final YearMonth thisMonth = YearMonth.from(today);
    private final YearMonth lastMonth = thisMonth.minusMonths(1);

    @BeforeAll
    void boot() throws Exception {
        district = TierNode.unpack("district", "digest-district")
                .user("clerk", STAFF_PW, "clerk").user("head", STAFF_PW, "head", "handler", "supervisor", "leader")
                .person("clerk", "刘洋", "青溪区信访局登记员").person("head", "陈静", "青溪区信访局局长").start(PW);
        district.awaitReady();
    }

    @AfterAll
    void stop() throws Exception {
        if (district != null) {
            district.close();
        }
    }

    /** Registers a case received on {@code day}; assigned to the township when {@code township}. */
    private String register(String subject, String kind, String channel, String category, LocalDate day,
            boolean township) throws Exception {
        HttpResponse<String> r = district.postJsonAs("clerk", STAFF_PW, "/api/v1/petitions", """
                {"kind": "%s", "channel": "%s", "subject": "%s", "content": "%s，请求处理。", "category": "%s",
                 "receivedAt": "%s", "headcount": 1, "petitioners": [{"name": "刘桂兰", "phone": "13700001111"}]}
                """.formatted(kind, channel, subject, subject, category, day));
        assertEquals(201, r.statusCode(), r.body());
        String id = JSON.readTree(r.body()).get("id").asText();
        if (township) {
            HttpResponse<String> a = district.postJsonAs("clerk", STAFF_PW, "/api/v1/petitions/" + id + "/assignments",
                    "{\"unit\": \"510199101\", \"note\": \"请清河镇办理\"}");
            assertEquals(200, a.statusCode(), a.body());
        }
        return id;
    }

    private HttpResponse<byte[]> digest(String login, YearMonth month) throws Exception {
        return district.send(district.request("/api/v1/digests/" + month)
                .setHeader("Authorization", TierNode.basic(login, STAFF_PW)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> call(String method, String login, String path, String json) throws Exception {
        return district.send(district.request(path).setHeader("Authorization", TierNode.basic(login, STAFF_PW))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static void assertRefused(HttpResponse<String> r, int status, String error, String field) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(error, body.get("error").asText(), r.body());
        if (field != null) {
            assertEquals(field, body.get("field").asText(), r.body());
        }
    }

    @Test
    void aSignedDigestIsShownExactlyAsSignedWhateverArrivesLater() throws Exception {
        register("征地补偿款未足额发放", "CLAIM", "WALK_IN", "征地拆迁", lastMonth.atDay(3), true);
        register("拆迁安置房迟迟未交付", "CLAIM", "LETTER", "征地拆迁", lastMonth.atDay(10), true);
        register("建议增设公交线路", "SUGGESTION", "ONLINE", "城乡建设", lastMonth.atDay(20), false);
        register("拖欠工资", "CLAIM", "PHONE", "劳动社保", lastMonth.minusMonths(1).atDay(5), false);
        register("征地补偿标准有异议", "CLAIM", "WALK_IN", "征地拆迁", lastMonth.minusYears(1).atDay(12), true);

        // what the API refuses
        HttpResponse<String> anonymous = district.send(HttpRequest.newBuilder(
                java.net.URI.create(district.baseUrl() + "/api/v1/digests")).GET().build());
        assertEquals(401, anonymous.statusCode());
        assertRefused(call("POST", "clerk", "/api/v1/digests", "{\"month\": \"2026-13\"}"), 400, "invalid_field", "month");
        assertRefused(call("POST", "clerk", "/api/v1/digests", "{\"month\": \"" + thisMonth.plusMonths(1) + "\"}"), 400,
                "invalid_field", "month");
        assertRefused(call("POST", "clerk", "/api/v1/digests", "{}"), 400, "missing_field", "month");
        assertRefused(call("GET", "clerk", "/api/v1/digests/" + lastMonth, ""), 404, "not_found", null);

        if ("skip".equals(System.getProperty("xinfang.browser"))) {
            System.out.println("browser tests skipped (-Dxinfang.browser=skip): the digest is generated, written and signed"
                    + " through the API instead");
            throughTheApi();
        } else {
            inTheBrowser();
        }

        // the signed digest, as the node serves it
        HttpResponse<byte[]> signed = digest("clerk", lastMonth);
        assertEquals(200, signed.statusCode());
        byte[] asSigned = signed.body();
        String hash = signed.headers().firstValue("X-Content-SHA256").orElseThrow();
        assertEquals(sha256(asSigned), hash, "the header is the SHA-256 of the bytes served");
        JsonNode d = JSON.readTree(asSigned);
        assertEquals("SIGNED", d.get("status").asText());
        assertEquals(LEADER, d.get("signedBy").get("display").asText());
        assertEquals(HIGHLIGHTS, d.get("highlights").asText());
        assertEquals("青溪区信访摘报", d.get("title").asText());
        JsonNode totals = d.get("figures").get("totals");
        assertEquals(3, totals.get("total").asInt(), "the real statistics counted last month's cases: " + totals);
        assertEquals(1, totals.get("previousMonth").asInt());
        assertEquals(1, totals.get("sameMonthLastYear").asInt());
        JsonNode unit = d.get("figures").get("byUnit").get(0);
        assertEquals("清河镇", unit.get("name").asText());
        assertEquals(2, unit.get("count").asInt());
        assertEquals(3, d.get("figures").get("trend").get("counts").get(11).asInt());
        assertEquals(1, d.get("figures").get("trend").get("lastYear").get(11).asInt());
        JsonNode listed = JSON.readTree(district.getAs("clerk", STAFF_PW, "/api/v1/digests").body()).get("items").get(0);
        assertEquals(hash, listed.get("sha256").asText());
        assertEquals(LEADER, listed.get("signedBy").asText());

        // fixed: no edit, no recount, no second sign-off; and only a leader signs
        assertRefused(call("PUT", "clerk", "/api/v1/digests/" + lastMonth, "{\"highlights\": \"改\", \"version\": "
                + d.get("version").asInt() + "}"), 409, "illegal_transition", "status");
        assertRefused(call("POST", "clerk", "/api/v1/digests/" + lastMonth + "/regenerate", "{}"), 409,
                "illegal_transition", "status");
        assertRefused(call("POST", "head", "/api/v1/digests/" + lastMonth + "/sign-off", "{\"version\": "
                + d.get("version").asInt() + "}"), 409, "illegal_transition", "status");
        assertRefused(call("POST", "clerk", "/api/v1/digests", "{\"month\": \"" + lastMonth + "\"}"), 409, "exists", "month");

        // this month's draft, generated now
        HttpResponse<String> draft = call("POST", "clerk", "/api/v1/digests", "{\"month\": \"" + thisMonth + "\"}");
        assertEquals(201, draft.statusCode(), draft.body());
        JsonNode before = JSON.readTree(draft.body());
        assertEquals(3, before.get("figures").get("totals").get("previousMonth").asInt());
        assertRefused(call("POST", "clerk", "/api/v1/digests/" + thisMonth + "/sign-off", "{\"version\": 1}"), 403,
                "forbidden", null);
        assertRefused(call("PUT", "clerk", "/api/v1/digests/" + thisMonth, "{\"highlights\": \"" + "长".repeat(3001)
                + "\", \"version\": 1}"), 400, "invalid_field", "highlights");
        assertRefused(call("PUT", "clerk", "/api/v1/digests/" + thisMonth, "{\"highlights\": \"x\", \"version\": \"1\"}"),
                400, "invalid_field", "version");

        // a case received last month arrives after the sign-off
        register("村道硬化迟迟未完工", "CLAIM", "WALK_IN", "城乡建设", lastMonth.atDay(25), true);
        HttpResponse<byte[]> later = digest("head", lastMonth);
        assertArrayEquals(asSigned, later.body(), "the signed digest is byte for byte what was signed");
        assertEquals(hash, later.headers().firstValue("X-Content-SHA256").orElseThrow());
        // while this month's draft, counted again, counts it
        HttpResponse<String> recounted = call("POST", "clerk", "/api/v1/digests/" + thisMonth + "/regenerate",
                "{\"version\": 1}");
        assertEquals(200, recounted.statusCode(), recounted.body());
        JsonNode after = JSON.readTree(recounted.body());
        assertEquals(4, after.get("figures").get("totals").get("previousMonth").asInt());
        assertEquals(4, after.get("figures").get("trend").get("counts").get(10).asInt());
        assertEquals(2, after.get("version").asInt());
        assertRefused(call("POST", "clerk", "/api/v1/digests/" + thisMonth + "/regenerate", "{\"version\": 1}"), 409,
                "version_conflict", "version");

        // ECharts comes from the node itself, under the node's content policy
        HttpResponse<String> echarts = district.send(HttpRequest.newBuilder(
                java.net.URI.create(district.baseUrl() + "/pages/digest/echarts.js")).GET().build());
        assertEquals(200, echarts.statusCode());
        assertTrue(echarts.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(echarts.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertTrue(echarts.body().length() > 500_000 && echarts.body().contains("echarts"), "the whole ECharts build");
    }

    /** The clerk generates and writes the digest of last month, the head signs it off, through the API. */
    private void throughTheApi() throws Exception {
        HttpResponse<String> generated = call("POST", "clerk", "/api/v1/digests", "{\"month\": \"" + lastMonth + "\"}");
        assertEquals(201, generated.statusCode(), generated.body());
        HttpResponse<String> edited = call("PUT", "clerk", "/api/v1/digests/" + lastMonth,
                JSON.writeValueAsString(Map.of("highlights", HIGHLIGHTS, "version", 1)));
        assertEquals(200, edited.statusCode(), edited.body());
        HttpResponse<String> signed = call("POST", "head", "/api/v1/digests/" + lastMonth + "/sign-off", "{\"version\": 2}");
        assertEquals(200, signed.statusCode(), signed.body());
    }

    /** The same in Chromium, through the page 信访摘报 (src/test/browser/digest.mjs). */
    private void inTheBrowser() throws Exception {
        Path browserDir = Path.of(System.getProperty("xinfang.browser.dir"));
        Path shots = Path.of(System.getProperty("xinfang.screenshots.dir"));
        Path chromium = Path.of(System.getenv().getOrDefault("XF_CHROMIUM", "/usr/bin/chromium"));
        assertTrue(Files.isExecutable(chromium), chromium + " is missing: run .ci/run, or apt-get install chromium"
                + " (or build with -Dxinfang.browser=skip)");
        assertTrue(Files.isDirectory(browserDir.resolve("node_modules/playwright-core")),
                "playwright-core is missing: npm ci --prefix " + browserDir + " (.ci/run does it)");
        Files.createDirectories(shots);
        Files.deleteIfExists(shots.resolve("digest.png"));
        Path output = shots.resolve("digest.log");
        ProcessBuilder pb = new ProcessBuilder("node", "digest.mjs").directory(browserDir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = pb.environment();
        env.put("XF_DISTRICT", district.baseUrl());
        env.put("XF_STAFF_PASSWORD", STAFF_PW);
        env.put("XF_SHOTS", shots.toString());
        env.put("XF_CHROMIUM", chromium.toString());
        env.put("XF_MONTH", lastMonth.toString());
        env.put("XF_HIGHLIGHTS", HIGHLIGHTS);
        Process script = pb.start();
        boolean finished = script.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
        }
        String log = Files.readString(output);
        System.out.println(log);
        assertTrue(finished, "the browser script did not finish in 5 minutes:\n" + log);
        assertEquals(0, script.exitValue(), "the browser script failed (screenshots in " + shots + "):\n" + log);
        for (String shot : new String[] {"digest-draft", "digest", "digest-print"}) {
            assertTrue(Files.size(shots.resolve(shot + ".png")) > 10_000, shot + ".png was saved");
        }
        assertTrue(Files.size(shots.resolve("digest.pdf")) > 10_000, "digest.pdf was printed");
    }
}
