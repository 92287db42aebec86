package org.xinfang.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The staff application and the public portal in a real headless Chromium, against a real district,
 * township and village: src/test/browser/e2e.mjs plays the village clerk, the district clerk, the
 * township clerk and head and the citizen (register → district inbox → assign → two people accept at
 * once, one is recorded → decide → portal result and rating; wrong codes; English; a phone screen;
 * names and titles instead of logins and codes; a conflict notice; the township's sync page) and saves
 * screenshots to target/screenshots. This test names the staff, starts the nodes, makes a step the
 * district does not take (the village acts on an old copy while the township is frozen), runs the
 * script, and checks through the API what the clicks did.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PW = "Web-test-admin-pw-1";
    private static final String STAFF_PW = "Web-test-staff-pw-1";
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private TierNode district;
    private TierNode township;
    private TierNode village;

    @BeforeAll
    void boot() throws Exception {
        assumeFalse("skip".equals(System.getProperty("xinfang.browser")), "browser tests skipped (-Dxinfang.browser=skip)");
        String townshipSecret = secret();
        String villageSecret = secret();
        district = staff(TierNode.unpack("district", "web-district"))
                .person("clerk", "刘洋", "青溪区信访局登记员").person("head", "陈静", "青溪区信访局局长").start(PW);
        township = staff(TierNode.unpack("township", "web-township")).childOf(district, townshipSecret)
                .person("clerk", "李娜", "清河镇信访办登记员").person("head", "王芳", "清河镇信访办主任").start(PW);
        village = staff(TierNode.unpack("village", "web-village")).childOf(township, villageSecret)
                .person("clerk", "张敏", "柳树村村委会文书").person("head", "赵建国", "柳树村党支部书记").start(PW);
        district.awaitReady();
        township.awaitReady();
        village.awaitReady();
        register(district, "510199101", townshipSecret);
        register(township, "510199101201", villageSecret);
    }

    /**
     * Every node has a clerk (登记员) and a unit head (负责人, who also handles, supervises and leads); the staff
     * list names both (name and title), so that steps and sign-offs record people.
     */
    private static TierNode staff(TierNode node) throws IOException {
        return node.user("clerk", STAFF_PW, "clerk").user("head", STAFF_PW, "head", "handler", "supervisor", "leader");
    }

    private static String secret() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    private static void register(TierNode parent, String child, String secret) throws Exception {
        HttpResponse<String> r = parent.registerChild(child, secret);
        assertEquals(200, r.statusCode(), r.body());
    }

    @AfterAll
    void stop() throws Exception {
        for (TierNode node : new TierNode[] {village, township, district}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void aPetitionGoesFromTheVillageClerkToTheCitizensRatingInTheBrowser() throws Exception {
        Path browserDir = Path.of(System.getProperty("xinfang.browser.dir"));
        Path shots = Path.of(System.getProperty("xinfang.screenshots.dir"));
        Path result = shots.resolve("e2e-result.json");
        Path chromium = Path.of(System.getenv().getOrDefault("XF_CHROMIUM", "/usr/bin/chromium"));
        assertTrue(Files.isExecutable(chromium), chromium + " is missing: run .ci/run, or apt-get install chromium"
                + " (or build with -Dxinfang.browser=skip)");
        assertTrue(Files.isDirectory(browserDir.resolve("node_modules/playwright-core")),
                "playwright-core is missing: npm ci --prefix " + browserDir + " (.ci/run does it)");
        Files.createDirectories(shots);
        Files.deleteIfExists(result);
        String conflictCase = aVillageStepTheDistrictDoesNotTake();

        Path output = shots.resolve("e2e.log");
        ProcessBuilder pb = new ProcessBuilder("node", "e2e.mjs").directory(browserDir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = pb.environment();
        env.put("XF_DISTRICT", district.baseUrl());
        env.put("XF_TOWNSHIP", township.baseUrl());
        env.put("XF_VILLAGE", village.baseUrl());
        env.put("XF_STAFF_PASSWORD", STAFF_PW);
        env.put("XF_SHOTS", shots.toString());
        env.put("XF_RESULT", result.toString());
        env.put("XF_CHROMIUM", chromium.toString());
        env.put("XF_CONFLICT_CASE", conflictCase);
        Process script = pb.start();
        boolean finished = script.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
        }
        String log = Files.readString(output);
        System.out.println(log);
        assertTrue(finished, "the browser script did not finish in 10 minutes:\n" + log);
        assertEquals(0, script.exitValue(), "the browser script failed (screenshots in " + shots + "):\n" + log);

        // what the clicks did, seen through the API
        JsonNode done = JSON.readTree(result.toFile());
        String id = done.get("caseId").asText();
        // the administrator asks for the personal data in full (a recorded read)
        JsonNode atDistrict = JSON.readTree(district.get("/api/v1/petitions/" + id + "?reveal=true").body());
        assertEquals("DECIDED", atDistrict.get("status").asText());
        assertEquals("510199101", atDistrict.get("owner").asText());
        // gender and work unit picked at the village reached the district with the case (the admin reads full numbers)
        JsonNode petitioner = atDistrict.get("petitioners").get(0);
        assertEquals("MALE", petitioner.get("gender").asText());
        assertEquals("柳树村农机站", petitioner.get("workUnit").asText());
        assertEquals(false, petitioner.get("masked").asBoolean());
        assertTrue(hasEvent(atDistrict, "RATED", "level", "SATISFIED"), "the district recorded the citizen's rating");
        // two people accepted at once: one step recorded, by the one the page said
        assertEquals(1, count(atDistrict, "ACCEPTED"), "accepted once");
        String acceptedBy = "head".equals(done.get("acceptedBy").asText()) ? "王芳 · 清河镇信访办主任" : "李娜 · 清河镇信访办登记员";
        assertEquals(acceptedBy, event(atDistrict, "ACCEPTED").get("actorDisplay").asText());
        // the decision is signed off by a named person, and the document names her
        JsonNode decided = event(atDistrict, "DECIDED");
        assertEquals("王芳 · 清河镇信访办主任", decided.get("actorDisplay").asText());
        assertEquals("SUPPORT", decided.get("attrs").get("outcome").asText());
        boolean signed = false;
        for (JsonNode d : atDistrict.get("documents")) {
            signed |= "DECIDED".equals(d.get("type").asText()) && "王芳 · 清河镇信访办主任".equals(d.path("signedBy").asText());
        }
        assertTrue(signed, "the written decision is signed off by 王芳: " + atDistrict.get("documents"));
        // the rating travels down to the unit that handled the case (its yearly assessment counts it)
        JsonNode atTownship = eventually(() -> {
            JsonNode p = JSON.readTree(township.get("/api/v1/petitions/" + id).body());
            return hasEvent(p, "RATED", "level", "SATISFIED") ? p : null;
        });
        assertEquals("DECIDED", atTownship.get("status").asText());
        // the online petition from the portal is registered at the district as ONLINE
        JsonNode online = JSON.readTree(district.get("/api/v1/petitions?q=" + java.net.URLEncoder.encode("便民服务点",
                java.nio.charset.StandardCharsets.UTF_8)).body());
        assertEquals(1, online.get("total").asInt());
        assertEquals("ONLINE", online.get("items").get(0).get("channel").asText());
        assertEquals(done.get("onlineTracking").asText(), online.get("items").get(0).get("trackingCode").asText());
        for (String shot : new String[] {"01-login", "04b-village-conflict", "05-district-inbox", "06b-township-version-conflict",
                "07-township-case-decided", "07b-township-sync", "10-portal-rated", "11-portal-phone-en", "13-district-sync-en"}) {
            assertTrue(Files.size(shots.resolve(shot + ".png")) > 10_000, shot + ".png was saved");
        }
        // the layout checks' screenshots at 1366 and 640 px and the documents printed to PDF
        for (String shot : new String[] {"layout/district-head-cases-1366.png", "layout/district-head-cases-640.png",
                "layout/township-head-screening-640.png", "layout/portal-result-640.png", "layout/doc-DECISION-public.pdf"}) {
            assertTrue(Files.size(shots.resolve(shot)) > 10_000, shot + " was saved");
        }
    }

    /** Whether the case has an event of this type whose typed fact {@code attr} is {@code value}. */
    private static boolean hasEvent(JsonNode petition, String type, String attr, String value) {
        for (JsonNode e : petition.get("timeline")) {
            if (e.get("type").asText().equals(type) && value.equals(e.path("attrs").path(attr).asText())) {
                return true;
            }
        }
        return false;
    }

    private static long count(JsonNode petition, String type) {
        long n = 0;
        for (JsonNode e : petition.get("timeline")) {
            n += e.get("type").asText().equals(type) ? 1 : 0;
        }
        return n;
    }

    private static JsonNode event(JsonNode petition, String type) {
        for (JsonNode e : petition.get("timeline")) {
            if (e.get("type").asText().equals(type)) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " in " + petition.get("timeline"));
    }

    /**
     * The village clerk does not accept a case on her old copy after the district assigned it to the
     * township (the township frozen meanwhile, so the village cannot hear of it): the owner of the stage
     * wins, the village's copy becomes the district's and the village gets a conflict notice, which the
     * browser script then looks for. Answers the case's id.
     */
    private String aVillageStepTheDistrictDoesNotTake() throws Exception {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        HttpResponse<String> registered = village.postJsonAs("clerk", STAFF_PW, "/api/v1/petitions", """
                {"kind": "SUGGESTION", "channel": "LETTER", "subject": "建议村口增设路灯", "content": "村口夜间无照明，建议增设路灯。",
                 "receivedAt": "%s", "headcount": 1, "petitioners": [{"name": "刘桂兰", "phone": "13700001111"}]}
                """.formatted(today));
        assertEquals(201, registered.statusCode(), registered.body());
        String id = JSON.readTree(registered.body()).get("id").asText();
        eventually(() -> district.get("/api/v1/petitions/" + id).statusCode() == 200 ? JSON.createObjectNode() : null);
        township.pause();
        try {
            HttpResponse<String> assigned = district.postJsonAs("clerk", STAFF_PW, "/api/v1/petitions/" + id + "/assignments",
                    "{\"unit\": \"510199101\", \"note\": \"请清河镇办理\"}");
            assertEquals(200, assigned.statusCode(), assigned.body());
            HttpResponse<String> stale = village.postJsonAs("clerk", STAFF_PW, "/api/v1/petitions/" + id + "/actions/not-accept",
                    "{\"reason\": \"不属于信访事项\", \"version\": 1}");
            assertEquals(200, stale.statusCode(), "the village has not heard of the assignment: " + stale.body());
        } finally {
            township.resume();
        }
        JsonNode notice = eventually(() -> {
            for (JsonNode c : JSON.readTree(village.get("/api/v1/petitions/conflicts").body()).get("items")) {
                if (c.get("caseId").asText().equals(id)) {
                    return c;
                }
            }
            return null;
        });
        assertEquals("NOT_ACCEPTED", notice.get("type").asText());
        assertEquals("张敏 · 柳树村村委会文书", notice.get("actorName").asText());
        JsonNode atVillage = eventually(() -> {
            JsonNode p = JSON.readTree(village.get("/api/v1/petitions/" + id).body());
            return "TRIAGED".equals(p.get("status").asText()) ? p : null;
        });
        assertEquals("510199101", atVillage.get("owner").asText(), "the village's copy converged to the district's");
        return id;
    }

    private interface Probe {
        JsonNode get() throws Exception;
    }

    private static JsonNode eventually(Probe probe) throws Exception {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonNode v = probe.get();
            if (v != null) {
                return v;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + PATIENCE);
            }
            Thread.sleep(300);
        }
    }
}
