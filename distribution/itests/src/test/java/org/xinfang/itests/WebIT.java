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
 * township head and the citizen (register → district inbox → assign → accept and decide → portal
 * result and rating; wrong codes; English; a phone screen) and saves screenshots to
 * target/screenshots. This test starts the nodes, runs the script, and checks through the API what
 * the clicks did.
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
        district = staff(TierNode.unpack("district", "web-district")).start(PW);
        township = staff(TierNode.unpack("township", "web-township")).childOf(district, townshipSecret).start(PW);
        village = staff(TierNode.unpack("village", "web-village")).childOf(township, villageSecret).start(PW);
        district.awaitReady();
        township.awaitReady();
        village.awaitReady();
        register(district, "510199101", townshipSecret);
        register(township, "510199101201", villageSecret);
    }

    /** Every node has a clerk (登记员) and a unit head (负责人, who also handles and supervises). */
    private static TierNode staff(TierNode node) throws IOException {
        return node.user("clerk", STAFF_PW, "clerk").user("head", STAFF_PW, "head", "handler", "supervisor");
    }

    private static String secret() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    private static void register(TierNode parent, String child, String secret) throws Exception {
        HttpResponse<String> r = parent.postJson("/api/v1/sync/children",
                "{\"node\": \"" + child + "\", \"secret\": \"" + secret + "\"}");
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
        JsonNode atDistrict = JSON.readTree(district.get("/api/v1/petitions/" + id).body());
        assertEquals("DECIDED", atDistrict.get("status").asText());
        assertEquals("510199101", atDistrict.get("owner").asText());
        assertTrue(hasEvent(atDistrict, "RATED", "SATISFIED"), "the district recorded the citizen's rating");
        // the rating travels down to the unit that handled the case (its yearly assessment counts it)
        JsonNode atTownship = eventually(() -> {
            JsonNode p = JSON.readTree(township.get("/api/v1/petitions/" + id).body());
            return hasEvent(p, "RATED", "SATISFIED") ? p : null;
        });
        assertEquals("DECIDED", atTownship.get("status").asText());
        // the online petition from the portal is registered at the district as ONLINE
        JsonNode online = JSON.readTree(district.get("/api/v1/petitions?q=" + java.net.URLEncoder.encode("便民服务点",
                java.nio.charset.StandardCharsets.UTF_8)).body());
        assertEquals(1, online.get("total").asInt());
        assertEquals("ONLINE", online.get("items").get(0).get("channel").asText());
        assertEquals(done.get("onlineTracking").asText(), online.get("items").get(0).get("trackingCode").asText());
        for (String shot : new String[] {"01-login", "05-district-inbox", "07-township-case-decided", "10-portal-rated",
                "11-portal-phone-en"}) {
            assertTrue(Files.size(shots.resolve(shot + ".png")) > 10_000, shot + ".png was saved");
        }
    }

    private static boolean hasEvent(JsonNode petition, String type, String noteContains) {
        for (JsonNode e : petition.get("timeline")) {
            if (e.get("type").asText().equals(type) && e.get("note").asText().contains(noteContains)) {
                return true;
            }
        }
        return false;
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
