package sync;

import static shared.Figures.f1;
import static shared.Figures.log;
import static shared.Json.json;
import static shared.Json.number;
import static shared.Signing.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shared.Node;
import shared.Petitions;

/**
 * The network the sync benchmark runs on: a real district, township and village (village -> township ->
 * district, the schedule as shipped) and {@value SyncBench#SIM_COUNT} simulated villages registered at the
 * township; how they boot and stop, and how the bench sees what a node holds.
 */
final class Cluster {
    static final String PASSWORD = "Sync-bench-admin-pw-" + Long.toHexString(new SecureRandom().nextLong() & 0xffffffL);

    final SyncBench bench;
    final List<Node> nodes = new CopyOnWriteArrayList<>();
    Node district;
    Node township;
    Node village;
    final String townshipSecret = secret();
    final String villageSecret = secret();
    final List<SimVillage> sims = new ArrayList<>();
    String schedule = "?";

    Cluster(SyncBench bench) {
        this.bench = bench;
    }

    /** Unpacks, links and starts the three nodes; registers the village and the simulated villages. */
    void boot() throws Exception {
        for (String t : List.of("district", "township", "village")) {
            if (!Files.isRegularFile(archive(t))) {
                throw new IllegalStateException("missing " + archive(t) + "; build first: mvn -B install -DskipTests");
            }
        }
        Files.createDirectories(bench.work);
        log("unpacking district, township and village into " + bench.work);
        district = unpack("district");
        township = unpack("township");
        village = unpack("village");
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < SyncBench.SIM_COUNT; i++) {
            String code = SyncBench.TOWNSHIP + (SyncBench.SIM_FIRST + i);
            extra.append(code).append(",bench-village-").append(SyncBench.SIM_FIRST + i).append(",VILLAGE,").append(SyncBench.TOWNSHIP)
                    .append('\n');
            sims.add(new SimVillage(code, secret()));
        }
        for (Node n : List.of(district, township)) {
            Path csv = n.home.resolve("etc/xinfang-units.csv");
            String text = Files.readString(csv, StandardCharsets.UTF_8);
            Files.writeString(csv, (text.endsWith("\n") ? text : text + "\n") + extra, StandardCharsets.UTF_8);
        }
        township.childOf(district, townshipSecret);
        village.childOf(township, villageSecret);
        schedule = schedule(township);

        log("starting district and township (ports " + district.httpPort + ", " + township.httpPort + ")");
        district.start();
        township.start();
        double townshipBoot = township.awaitReady();
        log("township ready after " + f1(townshipBoot) + " s; registering the village and " + SyncBench.SIM_COUNT
                + " simulated villages there");
        township.registerChild(SyncBench.VILLAGE, villageSecret);
        for (SimVillage s : sims) {
            township.registerChild(s.code, s.secret);
        }
        log("starting village (port " + village.httpPort + ")");
        village.start();
        double districtBoot = district.awaitReady();
        log("district ready after " + f1(districtBoot) + " s; registering the township there");
        district.registerChild(SyncBench.TOWNSHIP, townshipSecret);
        double villageBoot = village.awaitReady();
        log("village ready after " + f1(villageBoot) + " s");
        StringBuilder opts = new StringBuilder();
        for (Node n : List.of(district, township, village)) {
            String setenv = Files.readString(n.home.resolve("bin/setenv"));
            Matcher heap = Pattern.compile("XINFANG_HEAP:-(\\w+)").matcher(setenv);
            opts.append(opts.length() == 0 ? "" : ", ").append(n.tier).append(" -Xmx")
                    .append(heap.find() ? heap.group(1) : "?")
                    .append(shippedJit(setenv).contains("TieredStopAtLevel=1") ? " C1 only" : " tiered JIT (C1+C2)");
        }
        String districtEnv = Files.readString(district.home.resolve("bin/setenv"));
        Matcher jvm = Pattern.compile("EXTRA_JAVA_OPTS=\"\\$\\{EXTRA_JAVA_OPTS:-\\} ([^\"]*)\"").matcher(districtEnv);
        String shippedJit = shippedJit(districtEnv);
        bench.report.notes.add("node JVMs as shipped (bin/setenv): " + opts + "; district: " + (jvm.find() ? jvm.group(1)
                .replace("-Xmx${XINFANG_HEAP} ", "").replace("${xinfang_jit}", shippedJit) : "?"));
        bench.report.notes.add("boot (3 nodes sharing " + Runtime.getRuntime().availableProcessors() + " cores): district "
                + f1(districtBoot) + " s, township " + f1(townshipBoot) + " s, village " + f1(villageBoot)
                + " s after its start");
    }

    /** The JIT options a node's bin/setenv ships (XINFANG_JIT unset): its else branch. */
    static String shippedJit(String setenv) {
        Matcher jit = Pattern.compile("else\\s+xinfang_jit=\"([^\"]*)\"").matcher(setenv);
        return jit.find() ? jit.group(1) : "?";
    }

    Node unpack(String tier) throws Exception {
        Node n = Node.unpack(tier, bench.work.resolve(tier), archive(tier), PASSWORD);
        nodes.add(n); // in the order they first start: stopped in reverse
        return n;
    }

    /** The sync schedule a node ships with, as its etc/org.xinfang.sync.cfg says. */
    static String schedule(Node n) throws IOException {
        Map<String, String> values = n.config("org.xinfang.sync.cfg");
        StringBuilder out = new StringBuilder();
        for (String key : List.of("interval.ms", "batch.size", "backoff.max.ms")) {
            out.append(out.length() == 0 ? "" : ", ").append(key).append(' ').append(values.getOrDefault(key, "?"));
        }
        return out.toString();
    }

    Path archive(String tier) {
        return bench.root.resolve("distribution/" + tier + "/target/xinfang-" + tier + "-" + SyncBench.VERSION
                + ".tar.gz");
    }

    void stopAll() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            try {
                if (n.alive()) {
                    log("stopping " + n.tier);
                    n.stop();
                }
            } catch (Exception e) {
                System.err.println("stopping " + n.tier + ": " + e);
                n.kill();
            }
        }
    }

    void killAll() {
        for (Node n : nodes) {
            n.kill();
        }
    }

    /** A registration at the real village, as SyncIT's, from two new people each time. */
    static String petition(String subject) {
        return Petitions.petition(subject, "2026-11-20");
    }

    // --- polling -----------------------------------------------------------------------------------

    static Map<String, Object> heldMap(Node n) throws Exception {
        Object held = json(n.get("/api/v1/sync/status")).get("held");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = held instanceof Map ? (Map<String, Object>) held : Map.of();
        return m;
    }

    static long heldOf(Node n, String origin) throws Exception {
        return number(heldMap(n).get(origin));
    }

    /**
     * Polls a node's sync status every poll interval until it holds origin#seq; returns the nanoTime of
     * the answer that showed it. When {@code changes} is given, every change of the held value is
     * recorded as {nanoTime, held}.
     */
    long awaitHeld(Node n, String origin, long seq, Duration patience, List<long[]> changes) throws Exception {
        long deadline = System.nanoTime() + Math.min(patience.toMillis(), Math.max(5_000, bench.remainingMillis() - 30_000))
                * 1_000_000L;
        long last = -1;
        while (System.nanoTime() < deadline) {
            long p0 = System.nanoTime();
            long held;
            try {
                held = heldOf(n, origin);
            } catch (IOException notYet) {
                held = -1;
            }
            long now = System.nanoTime();
            if (changes != null && held != last && held > 0) {
                changes.add(new long[] {now, held});
            }
            last = held;
            if (held >= seq) {
                return now;
            }
            long sleep = Math.max(bench.pollMillis, 50) - (now - p0) / 1_000_000;
            Thread.sleep(Math.max(1, sleep));
        }
        throw new IllegalStateException(n.tier + " does not hold " + origin + "#" + seq + " within " + patience
                + " (holds " + last + ")");
    }
}
