package org.xinfang.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Boots the real village and district distributions, each from its tar.gz into an empty directory
 * with no network, and uses their API as a client would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TierDistributionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR_PASSWORD = "Village-operator-pw-1";
    private static final String LOCK_TEST_PW = "Lock-test-pw-1";

    private TierNode village;
    private TierNode district;

    @BeforeAll
    void boot() throws Exception {
        // an account for the login lock test, added as an operator does before the first start
        village = TierNode.unpack("village", "village").user("locktest", LOCK_TEST_PW, "clerk")
                .start(OPERATOR_PASSWORD);
        // the district gets no password: it must generate one
        district = TierNode.unpack("district", "district").start(null);
        village.awaitReady();
        district.awaitReady();
    }

    @AfterAll
    void stop() throws Exception {
        if (village != null) {
            village.close();
        }
        if (district != null) {
            district.close();
        }
    }

    static String petition(String subject) {
        return """
                {"kind": "CLAIM", "channel": "WALK_IN", "subject": "%s", "content": "某公司拖欠工资三个月，多次讨要未果。",
                 "category": "劳动社保", "location": "510199", "receivedAt": "2026-11-20", "headcount": 12,
                 "petitioners": [{"name": "张三", "idNumber": "11010519491231002X", "phone": "13812345678",
                                  "address": "柳树村3组"},
                                 {"name": "李四", "idNumber": "440524188001010014", "phone": "13900001111"}]}
                """.formatted(subject);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private List<TierNode> nodes() {
        return List.of(village, district);
    }

    /**
     * Each configuration default is written once (the root pom's default.* properties): the etc/ file a feature
     * writes and the bundle's own Blueprint default must say the same, and no bundle may carry an unfilled name.
     * org.xinfang.node is the distribution's file, written per tier, not a feature's default.
     */
    @Test
    void theDefaultsInEtcAreTheBundlesOwn() throws Exception {
        var placeholder = java.util.regex.Pattern.compile(
                "<cm:property-placeholder persistent-id=\"([^\"]+)\"(.*?)</cm:property-placeholder>",
                java.util.regex.Pattern.DOTALL);
        var property = java.util.regex.Pattern.compile("<cm:property name=\"([^\"]+)\" value=\"([^\"]*)\"/>");
        List<java.nio.file.Path> jars;
        try (Stream<java.nio.file.Path> files = Files.walk(district.home.resolve("system/org/xinfang"))) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).toList();
        }
        int compared = 0;
        for (var jar : jars) {
            try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                for (var entry : java.util.Collections.list(zip.entries())) {
                    if (!entry.getName().startsWith("OSGI-INF/blueprint/")) {
                        continue;
                    }
                    String xml = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                    assertFalse(xml.contains("@default."), jar.getFileName() + " " + entry.getName() + " has an unfilled default");
                    var m = placeholder.matcher(xml);
                    while (m.find()) {
                        String pid = m.group(1);
                        var cfg = district.home.resolve("etc/" + pid + ".cfg");
                        if (pid.equals("org.xinfang.node") || !Files.exists(cfg)) {
                            continue;
                        }
                        var etc = new java.util.Properties();
                        try (var in = Files.newBufferedReader(cfg, StandardCharsets.ISO_8859_1)) {
                            etc.load(in);
                        }
                        var p = property.matcher(m.group(2));
                        while (p.find()) {
                            if (etc.containsKey(p.group(1))) {
                                assertEquals(p.group(2), etc.getProperty(p.group(1)),
                                        pid + " " + p.group(1) + ": etc/ and " + jar.getFileName() + " disagree");
                                compared++;
                            }
                        }
                    }
                }
            }
        }
        // realm and zone of eight files, the login locks, the sync schedule, the portal's limits...: not vacuous
        assertTrue(compared >= 40, "only " + compared + " defaults compared");
    }

    @Test
    void eachNodeSaysWhichTierAndUnitItIs() throws Exception {
        JsonNode v = json(village.get("/api/v1/node"));
        assertEquals("village", v.get("tier").asText());
        assertEquals("510199101201", v.get("unit").asText());
        assertEquals("柳树村", v.get("unitName").asText());
        assertEquals("http://127.0.0.1:8283", v.get("parent").asText());
        assertFalse(v.get("version").asText().isBlank());
        JsonNode d = json(district.get("/api/v1/node"));
        assertEquals("district", d.get("tier").asText());
        assertTrue(d.get("parent").isNull());
        assertTrue(d.get("childUnits").size() >= 3, "the district sees its departments and townships");
    }

    /**
     * The compiler each tier ships (bin/setenv, the tier's pom): the village C1 only (footprint), the district the
     * optimising compiler as well (it takes the network's intake; README "Intake").
     */
    @Test
    void theDistrictRunsTheOptimisingCompilerAndTheVillageC1Only() {
        List<String> v = village.javaArguments();
        assertTrue(v.contains("-XX:TieredStopAtLevel=1"), "village: " + v);
        assertTrue(v.contains("-Xmx128m"), "village: " + v);
        List<String> d = district.javaArguments();
        assertFalse(d.stream().anyMatch(a -> a.startsWith("-XX:TieredStopAtLevel")), "district: " + d);
        assertTrue(d.contains("-XX:ReservedCodeCacheSize=128m"), "district: " + d);
        assertTrue(d.contains("-Xmx512m"), "district: " + d);
        // the district keeps more of its heap free (fewer full collections under intake); the village stays tight
        assertTrue(d.contains("-XX:MaxHeapFreeRatio=70"), "district: " + d);
        assertTrue(v.contains("-XX:MaxHeapFreeRatio=10"), "village: " + v);
    }

    /**
     * No tier has log4j find the class and line that wrote each log line (a walk of the writer's stack: Karaf's OSGi
     * appender behind log:display asked for it on every line, ~5% of a busy district's CPU; no layout prints it).
     * The log is still written.
     */
    @Test
    void noTierWalksTheStackForALogLineAndTheLogIsWritten() throws Exception {
        for (TierNode node : nodes()) {
            String logging = Files.readString(node.home.resolve("etc/org.ops4j.pax.logging.cfg"));
            assertTrue(logging.lines().anyMatch(l -> l.replace(" ", "").equals("log4j2.rootLogger.includeLocation=false")),
                    node.home + ": " + logging);
            String log = Files.readString(node.home.resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
            assertTrue(log.contains("| INFO  |") && log.contains("xinfang"), "the node's log: " + log.length());
        }
    }

    /**
     * bin/setenv: an operator runs a village as a server (README "Intake") with XINFANG_JIT, XINFANG_HEAP and
     * XINFANG_GC, which replace the tier's settings; without them the tier's stand. Sourcing it again on a node that
     * has its admin changes nothing in etc/users.properties.
     */
    @Test
    void anOperatorSetsTheCompilerHeapAndCollectorOfANodeByEnvironment() throws Exception {
        String tier = village.setenvOptions(Map.of());
        assertTrue(tier.contains("-XX:TieredStopAtLevel=1") && tier.contains("-Xmx128m")
                && tier.contains("-Xmn8m -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=10"), tier);
        java.nio.file.Path users = village.home.resolve("etc/users.properties");
        String before = Files.readString(users, StandardCharsets.ISO_8859_1);
        String server = village.setenvOptions(Map.of("XINFANG_JIT", "tiered", "XINFANG_HEAP", "512m",
                "XINFANG_GC", "-XX:+UseSerialGC -XX:MinHeapFreeRatio=40 -XX:MaxHeapFreeRatio=70"));
        assertTrue(server.contains("-Xmx512m -XX:+UseSerialGC -XX:MinHeapFreeRatio=40 -XX:MaxHeapFreeRatio=70"), server);
        assertFalse(server.contains("-Xmn8m") || server.contains("MaxHeapFreeRatio=10") || server.contains("-Xmx128m")
                || server.contains("TieredStopAtLevel"), server);
        assertEquals(before, Files.readString(users, StandardCharsets.ISO_8859_1));
    }

    /**
     * A client that registers many (a letter-scanning desk) asks for a minimal answer (RFC 7240 {@code Prefer:
     * return=minimal}): the codes to hand on and the repeats to warn of, the case at Location.
     */
    @Test
    void aMinimalAnswerCarriesTheCodesAndTheRepeatsAndTheCaseIsAtItsLocation() throws Exception {
        TierNode node = nodes().get(0);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> created = node.send(node.request("/api/v1/petitions")
                    .header("Content-Type", "application/json").header("Prefer", "return=minimal")
                    .POST(HttpRequest.BodyPublishers.ofString(petition("简要应答-" + i), StandardCharsets.UTF_8)).build());
            assertEquals(201, created.statusCode(), created.body());
            assertEquals("return=minimal", created.headers().firstValue("Preference-Applied").orElse(null));
            JsonNode body = json(created);
            List<String> fields = new java.util.ArrayList<>();
            body.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("id", "trackingCode", "status", "verificationCode", "possibleRepeats"), fields);
            assertTrue(body.get("verificationCode").asText().matches("\\d{8}"));
            assertEquals("REGISTERED", body.get("status").asText());
            String location = created.headers().firstValue("Location").orElseThrow();
            assertTrue(location.endsWith("/api/v1/petitions/" + body.get("id").asText()), location);
            JsonNode read = json(node.get("/api/v1/petitions/" + body.get("id").asText()));
            assertEquals(body.get("trackingCode").asText(), read.get("trackingCode").asText());
            if (i == 1) {
                List<String> repeats = new java.util.ArrayList<>();
                body.get("possibleRepeats").forEach(r -> repeats.add(r.get("id").asText()));
                assertTrue(repeats.contains(ids.get(0)), "the same petitioner's earlier case: " + repeats);
            }
            ids.add(body.get("id").asText());
        }
        // without the preference: the whole case, as the staff app reads it
        HttpResponse<String> full = node.postJson("/api/v1/petitions", petition("完整应答"));
        assertEquals(201, full.statusCode(), full.body());
        assertTrue(json(full).has("timeline") && json(full).has("allowedActions"), full.body());
        assertTrue(full.headers().firstValue("Preference-Applied").isEmpty());
    }

    @Test
    void registersAPetitionAndReadsItBack() throws Exception {
        for (TierNode node : nodes()) {
            HttpResponse<String> created = node.postJson("/api/v1/petitions", petition("拖欠工资-" + node.tier));
            assertEquals(201, created.statusCode(), created.body());
            JsonNode body = json(created);
            String id = body.get("id").asText();
            String unit = json(node.get("/api/v1/node")).get("unit").asText();
            assertTrue(id.startsWith(unit + "-"), id);
            assertTrue(body.get("trackingCode").asText().matches("[2-9A-Z]{10}"));
            assertTrue(body.get("verificationCode").asText().matches("\\d{8}"));
            String location = created.headers().firstValue("Location").orElseThrow();
            assertTrue(location.endsWith("/api/v1/petitions/" + id), location);

            // the administrator asks for the personal data in full: a recorded read (issue 15)
            JsonNode read = json(node.get("/api/v1/petitions/" + id + "?reveal=true"));
            assertEquals("REGISTERED", read.get("status").asText());
            assertEquals(unit, read.get("registeredBy").asText());
            assertEquals(unit, read.get("owner").asText());
            assertEquals(12, read.get("headcount").asInt());
            assertEquals("2026-11-20", read.get("receivedAt").asText());
            assertEquals("11010519491231002X", read.get("petitioners").get(0).get("idNumber").asText());
            assertEquals(1, read.get("timeline").size());
            assertEquals("REGISTERED", read.get("timeline").get(0).get("type").asText());
            assertEquals("admin", read.get("timeline").get(0).get("actor").asText());
            assertEquals("admin", read.get("firstContact").get("user").asText());
            assertFalse(read.get("firstContact").get("routed").asBoolean(), "not routed yet");
            assertEquals("TRIAGE", read.get("activeDeadline").get("step").asText());

            String q = URLEncoder.encode("拖欠工资-" + node.tier, StandardCharsets.UTF_8);
            JsonNode list = json(node.get("/api/v1/petitions?q=" + q + "&status=REGISTERED&kind=CLAIM&unit=" + unit));
            assertEquals(1, list.get("total").asInt());
            assertEquals(id, list.get("items").get(0).get("id").asText());
            assertFalse(list.toString().contains("13812345678"), "lists carry no phone numbers");
            assertFalse(list.toString().contains("11010519491231002X"), "lists carry no ID numbers");
        }
    }

    @Test
    void thePublicQueryNeedsBothCodesAndShowsNothingPersonal() throws Exception {
        JsonNode created = json(district.postJson("/api/v1/petitions", petition("道路积水")));
        String tracking = created.get("trackingCode").asText();
        String code = created.get("verificationCode").asText();
        HttpRequest anonymous = HttpRequest.newBuilder(
                java.net.URI.create(district.baseUrl() + "/api/v1/public/petitions/" + tracking + "?code=" + code)).build();
        HttpResponse<String> progress = district.send(anonymous);
        assertEquals(200, progress.statusCode(), progress.body());
        assertEquals("已登记", json(progress).get("statusLabel").asText());
        for (String personal : List.of("张三", "13812345678", "11010519491231002X", "柳树村3组", "admin")) {
            assertFalse(progress.body().contains(personal), personal + " leaked: " + progress.body());
        }
        String wrong = code.equals("000000") ? "000001" : "000000";
        HttpResponse<String> refused = district.send(HttpRequest.newBuilder(java.net.URI.create(
                district.baseUrl() + "/api/v1/public/petitions/" + tracking + "?code=" + wrong)).build());
        assertEquals(404, refused.statusCode());
        assertEquals("not_found", json(refused).get("error").asText());
    }

    @Test
    void guessingTheVerificationCodeIsCutOffAfterTwentyWrongPairs() throws Exception {
        // on the village: no other test here asks its public query, so this address starts with no misses
        JsonNode created = json(village.postJson("/api/v1/petitions", petition("猜测验证码")));
        String tracking = created.get("trackingCode").asText();
        String code = created.get("verificationCode").asText();
        int wrong = 0;
        for (int guess = 0; wrong < 20; guess++) {
            String attempt = String.format("%06d", guess);
            if (attempt.equals(code)) {
                continue;
            }
            HttpResponse<String> r = village.send(HttpRequest.newBuilder(java.net.URI.create(
                    village.baseUrl() + "/api/v1/public/petitions/" + tracking + "?code=" + attempt)).build());
            assertEquals(404, r.statusCode(), "wrong pair " + (wrong + 1) + ": " + r.body());
            wrong++;
        }
        HttpResponse<String> cut = village.send(HttpRequest.newBuilder(java.net.URI.create(
                village.baseUrl() + "/api/v1/public/petitions/" + tracking + "?code=" + code)).build());
        assertEquals(429, cut.statusCode(), "after 20 wrong pairs even the right one waits: " + cut.body());
        assertEquals("too_many_requests", json(cut).get("error").asText());
        assertTrue(Long.parseLong(cut.headers().firstValue("Retry-After").orElseThrow()) > 0);
        // staff are not affected: their calls need a login, not codes
        assertEquals(200, village.get("/api/v1/petitions/" + created.get("id").asText()).statusCode());
    }

    private static String without(String json, String field) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode node =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(json);
            node.remove(field);
            return node.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> badInput() {
        String good = petition("坏输入");
        String six = good.replace("\"petitioners\": [", "\"petitioners\": [" + "{\"name\": \"代表\"},".repeat(5));
        return Stream.of(
                Arguments.of("malformed JSON", "{\"kind\": \"CLAIM\",", 400, null),
                Arguments.of("not an object", "[1, 2, 3]", 400, null),
                Arguments.of("wrong type", good.replace("\"headcount\": 12", "\"headcount\": \"twelve\""), 400,
                        "headcount"),
                Arguments.of("unknown kind", good.replace("\"CLAIM\"", "\"COMPLAINT\""), 400, "kind"),
                Arguments.of("missing subject", without(good, "subject"), 400, "subject"),
                Arguments.of("missing petitioners", without(good, "petitioners"), 400, "petitioners"),
                Arguments.of("bad ID check digit", good.replace("11010519491231002X", "110105194912310021"), 400,
                        "petitioners[0].idNumber"),
                Arguments.of("six representatives", six, 400, "petitioners"),
                Arguments.of("future receipt date", good.replace("2026-11-20", "2999-01-01"), 400, "receivedAt"),
                Arguments.of("oversize body", good.replace("某公司", "某".repeat(300_000)), 413, null));
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @MethodSource("badInput")
    void badInputIsRefusedWithTheFieldAndNothingIsStored(String what, String body, int status, String field)
            throws Exception {
        long before = json(village.get("/api/v1/petitions?limit=1")).get("total").asLong();
        HttpResponse<String> r = village.postJson("/api/v1/petitions", body);
        assertEquals(status, r.statusCode(), what + ": " + r.body());
        JsonNode error = json(r);
        assertNotNull(error.get("error"), r.body());
        assertFalse(error.get("message").asText().isBlank());
        assertEquals(field, error.get("field").isNull() ? null : error.get("field").asText(), r.body());
        assertFalse(r.body().contains("Exception"), "no stack trace: " + r.body());
        assertEquals(before, json(village.get("/api/v1/petitions?limit=1")).get("total").asLong(), "nothing stored");
    }

    @Test
    void unknownIdsAndBadQueriesAreClear4xx() throws Exception {
        HttpResponse<String> missing = village.get("/api/v1/petitions/510199101201-9999999");
        assertEquals(404, missing.statusCode());
        assertEquals("id", json(missing).get("field").asText());
        HttpResponse<String> badStatus = village.get("/api/v1/petitions?status=LOST");
        assertEquals(400, badStatus.statusCode());
        assertEquals("status", json(badStatus).get("field").asText());
        HttpResponse<String> badLimit = village.get("/api/v1/petitions?limit=100000");
        assertEquals(400, badLimit.statusCode());
        assertEquals("limit", json(badLimit).get("field").asText());
    }

    @Test
    void staffCallsWithoutOrWithWrongCredentialsGet401() throws Exception {
        for (TierNode node : nodes()) {
            for (String path : List.of("/api/v1/node", "/api/v1/petitions")) {
                HttpResponse<String> anonymous = node.send(HttpRequest.newBuilder(
                        java.net.URI.create(node.baseUrl() + path)).build());
                assertEquals(401, anonymous.statusCode());
                assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
                assertEquals("unauthorized", json(anonymous).get("error").asText());
                HttpResponse<String> wrong = node.send(HttpRequest.newBuilder(java.net.URI.create(node.baseUrl() + path))
                        .header("Authorization", TierNode.basic("admin", "not-the-password")).build());
                assertEquals(401, wrong.statusCode());
            }
            HttpResponse<String> karaf = node.send(HttpRequest.newBuilder(java.net.URI.create(node.baseUrl()
                    + "/api/v1/node")).header("Authorization", TierNode.basic("karaf", "karaf")).build());
            assertEquals(401, karaf.statusCode(), "no default karaf/karaf user");
        }
    }

    @Test
    void credentialsAreGeneratedOrSuppliedAndStoredOnlyAsDigests() throws Exception {
        var generated = district.home.resolve("etc/admin.password");
        assertTrue(Files.exists(generated), "the district generated its admin password");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(generated));
        assertTrue(district.password().length() >= 16);
        assertFalse(Files.exists(village.home.resolve("etc/admin.password")), "a supplied password is not written out");
        for (TierNode node : nodes()) {
            String users = Files.readString(node.home.resolve("etc/users.properties"));
            assertFalse(users.contains(node.password()), "users.properties holds a digest, not the password");
            assertTrue(users.contains("{CRYPT}pbkdf2-sha256$310000$"), "a salted, slow hash: " + users);
            assertFalse(users.lines().anyMatch(l -> l.matches("\\s*karaf\\s*=.*")));
            String shell = Files.readString(node.home.resolve("etc/org.apache.karaf.shell.cfg"));
            assertTrue(shell.contains("sshHost = 127.0.0.1"));
            String system = Files.readString(node.home.resolve("etc/system.properties"));
            assertTrue(system.contains("karaf.secured.command.compulsory.roles=admin"));
        }
    }

    /**
     * An operator appends an account to etc/users.properties of a running node, password in plain text, and the
     * clerk logs in at once: the first login hashes it (Karaf would take the plain text for a hash and refuse the
     * right password, counting it toward the lock), and nothing else in the file is lost.
     */
    @Test
    void anAccountAppendedToARunningNodeLogsInAtOnce() throws Exception {
        var users = village.home.resolve("etc/users.properties");
        int before = Files.readAllLines(users, StandardCharsets.ISO_8859_1).size();
        Files.writeString(users, "\nnewclerk = New-clerk-pw-1,clerk\n", StandardCharsets.ISO_8859_1,
                java.nio.file.StandardOpenOption.APPEND);
        var me = village.getAs("newclerk", "New-clerk-pw-1", "/api/v1/me");
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("newclerk", json(me).path("user").asText(), me.body());
        List<String> after = Files.readAllLines(users, StandardCharsets.ISO_8859_1);
        assertTrue(after.stream().anyMatch(l -> l.startsWith("newclerk = {CRYPT}")), "stored hashed: " + after.size());
        assertTrue(after.size() >= before + 1, "no line lost");
        assertEquals(401, village.getAs("newclerk", "wrong-pw", "/api/v1/me").statusCode());
    }

    /**
     * Karaf's own hashing of etc/users.properties is off in every tier (etc/org.apache.karaf.jaas.cfg): its watcher,
     * a thread named "encryption", waited up to 10 s for the node's {@code pbkdf2} service in every boot and was a
     * second writer of the file beside the node's sweep. No node runs it.
     */
    @Test
    void karafsOwnWatcherOfThePasswordFileDoesNotRun() throws Exception {
        for (TierNode node : nodes()) {
            List<String> threads = node.threadNames();
            assertTrue(threads.size() > 20, node.tier + ": " + threads);
            assertEquals(List.of(), threads.stream().filter(t -> t.startsWith("encryption")).toList(), node.tier);
        }
    }

    /**
     * Issue 15: after the first start the secrets in etc/ and everything under data/ (the Derby files with ID
     * numbers and phones, the logs, the login audit) are readable by the node's account only.
     */
    @Test
    void secretsAndPersonalDataAreTheOwnersOnlyAfterTheFirstStart() throws Exception {
        Set<PosixFilePermission> others = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        for (TierNode node : nodes()) {
            // a login first, so that the audit file exists
            assertEquals(200, node.get("/api/v1/node").statusCode());
            for (String secret : List.of("etc/users.properties", "etc/org.xinfang.sync.cfg", "etc/admin.password",
                    "etc/host.key")) {
                var f = node.home.resolve(secret);
                if (Files.exists(f)) {
                    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                            Files.getPosixFilePermissions(f), secret);
                }
            }
            var data = node.home.resolve("data");
            assertTrue(Files.exists(data.resolve("log/karaf.log")));
            assertTrue(Files.exists(data.resolve("security/audit.log")));
            List<String> open;
            try (Stream<java.nio.file.Path> all = Files.walk(data)) {
                open = all.filter(f -> {
                    try {
                        return Files.getPosixFilePermissions(f, java.nio.file.LinkOption.NOFOLLOW_LINKS).stream()
                                .anyMatch(others::contains);
                    } catch (java.io.IOException gone) {
                        return false; // a file that went away while walking (a lock, a rotated log)
                    }
                }).map(f -> node.home.relativize(f) + " " + mode(f)).toList();
            }
            assertEquals(List.of(), open, "files under data/ that others could read");
            assertEquals("rwx------", mode(data));
        }
    }

    private static String mode(java.nio.file.Path f) {
        try {
            return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS));
        } catch (java.io.IOException e) {
            return "gone";
        }
    }

    /**
     * Issue 15: ten wrong passwords from one address lock the account and the address; the 11th try is refused
     * even with the right password (429), from that address and for that account from another; the address is
     * in the audit file; an administrator sees the locks and lifts them, and the login works again.
     */
    @Test
    void theEleventhTryFromOneAddressIsRefusedEvenWithTheRightPasswordUntilTheLockIsLifted() throws Exception {
        String pw = LOCK_TEST_PW;
        String attacker = "127.0.0.2";
        assertEquals(200, village.statusFrom(attacker, "/api/v1/node", "locktest", pw), "the account works");
        for (int i = 1; i <= 10; i++) {
            assertEquals(401, village.statusFrom(attacker, "/api/v1/node", "locktest", "wrong-" + i), "wrong " + i);
        }
        assertEquals(429, village.statusFrom(attacker, "/api/v1/node", "locktest", pw), "11th: locked");
        assertEquals(429, village.statusFrom("127.0.0.1", "/api/v1/node", "locktest", pw), "the account is locked");
        assertEquals(429, village.statusFrom(attacker, "/api/v1/node", "admin", village.password()),
                "the address is locked for every account");
        HttpResponse<String> locked = village.getAs("locktest", pw, "/api/v1/node");
        assertEquals(429, locked.statusCode());
        assertEquals("too_many_requests", json(locked).get("error").asText());
        assertTrue(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()) > 0);

        String audit = Files.readString(village.home.resolve("data/security/audit.log"));
        assertTrue(audit.contains("login failed - locktest - http " + attacker), audit);
        assertTrue(audit.contains("locked address:" + attacker), audit);

        // the administrator, from another address, sees both locks and lifts them
        JsonNode locks = json(village.get("/api/v1/admin/logins/locks")).get("items");
        List<String> keys = new java.util.ArrayList<>();
        locks.forEach(l -> keys.add(l.get("key").asText()));
        assertTrue(keys.containsAll(List.of("account:locktest", "address:" + attacker)), keys.toString());
        for (String key : List.of("account:locktest", "address:" + attacker)) {
            HttpResponse<String> lifted = village.send(village.request("/api/v1/admin/logins/locks/"
                    + URLEncoder.encode(key, StandardCharsets.UTF_8)).DELETE().build());
            assertEquals(200, lifted.statusCode(), lifted.body());
        }
        assertEquals(404, village.send(village.request("/api/v1/admin/logins/locks/account:locktest").DELETE().build())
                .statusCode(), "lifted already");
        assertEquals(200, village.statusFrom(attacker, "/api/v1/node", "locktest", pw), "works again");
        assertEquals(403, village.getAs("locktest", pw, "/api/v1/admin/logins/locks").statusCode(), "admins only");
    }
}
