/*
 * Sync figures: throughput of one hop and of village -> township -> district, and the time from
 * registration at a village to visibility at the district with 1, 10 and 100 villages. Prints figures
 * beside the goals of the issue, never asserts. JDK only:
 *
 *   java distribution/bench/SyncBench.java [--root DIR] [--work DIR] [--hop 2000] [--batch 500]
 *        [--relay 2000] [--villages 1,10,100] [--per 20,10,3] [--real 10] [--poll-ms 20]
 *        [--budget-s 540] [--warmup 500]
 *
 * Nodes are real distributions unpacked from distribution/<tier>/target/*.tar.gz into <work>
 * (default target/bench-sync), moved to free loopback ports and started with bin/karaf server. The
 * sync schedule is left at its defaults (etc/org.xinfang.sync.cfg: interval.ms, batch.size,
 * backoff.max.ms, printed with the figures). Simulated villages 510199101301..510199101400 are added under the township
 * 510199101 in the district's and the township's etc/xinfang-units.csv; the benchmark plays them the
 * way SyncIT plays a child: a SHA-256 hash chain of PETITION_REGISTERED entries, pushed in batches
 * signed with HMAC-SHA256. All traffic goes to 127.0.0.1; every node started is stopped at the end.
 *
 * --warmup N: entries pushed through each one-hop step (in batches of --batch, and for the township on
 * to the district) before the measured entries; default one batch, so the figure is of nodes just
 * booted. A larger N measures steady state, as a node that has been syncing for a while runs: after
 * a warm-up beyond one batch the bench also waits (at most 180 s) until the nodes have run for 70 s
 * (their supervision scan, over every case held, first runs a minute after start) and their CPU has
 * been quiet for two seconds, so that the JIT compiler threads have caught up. The header prints the
 * warm-up used.
 */

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class SyncBench {
    static final String VERSION = "0.1.0-SNAPSHOT";
    static final String DISTRICT = "510199";
    static final String TOWNSHIP = "510199101";
    static final String VILLAGE = "510199101201";
    /** Another township of the tree, played by the bench to push straight to the district. */
    static final String OTHER_TOWNSHIP = "510199102";
    static final int SIM_FIRST = 301;
    /** The nodes' supervision scan first runs a minute after start (SupervisionScanner); 70 s with margin. */
    static final long SCAN_AFTER_START_NANOS = 70_000_000_000L;
    static final int SIM_COUNT = 100;
    static final String GENESIS = "0".repeat(64);
    static final String PASSWORD = "Sync-bench-admin-pw-" + Long.toHexString(new SecureRandom().nextLong() & 0xffffffL);
    static final Duration BOOT_TIMEOUT = Duration.ofSeconds(240);
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    // options
    Path root;
    Path work;
    int hopEntries = 2000;
    int batch = 500;
    int relayCount = 2000;
    int[] villageCounts = {1, 10, 100};
    int[] perVillage = {20, 10, 3};
    int realVisibility = 10;
    long pollMillis = 20;
    long budgetSeconds = 540;
    /** Entries pushed through each one-hop step before it is measured (default: one batch, cold). */
    int warmup = -1;

    final long startNanos = System.nanoTime();
    final List<Node> nodes = new CopyOnWriteArrayList<>();
    final List<String[]> rows = new ArrayList<>(); // figure, measured, goal, verdict
    final List<String[]> diagnostics = new ArrayList<>(); // what, measured, expected
    final List<String> notes = new ArrayList<>();
    boolean stepFailed;
    Node district;
    Node township;
    Node village;
    final String townshipSecret = secret();
    final String villageSecret = secret();
    final List<Sim> sims = new ArrayList<>();
    String schedule = "?";

    public static void main(String[] args) throws Exception {
        SyncBench b = new SyncBench();
        b.parse(args);
        Runtime.getRuntime().addShutdownHook(new Thread(b::killAll, "sync-bench-cleanup"));
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(b.budgetSeconds * 1000);
                System.err.println("time budget of " + b.budgetSeconds + " s exceeded: stopping the nodes");
                b.printTable();
                System.exit(3); // the shutdown hook kills the nodes
            } catch (InterruptedException done) {
                // finished in time
            }
        }, "sync-bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        int code = 0;
        try {
            b.run();
        } catch (Exception e) {
            System.err.println("benchmark aborted: " + e);
            e.printStackTrace();
            code = 1;
        } finally {
            b.stopAll();
        }
        watchdog.interrupt();
        b.printTable();
        System.exit(code != 0 ? code : b.stepFailed ? 1 : 0);
    }

    void parse(String[] args) {
        root = Path.of("").toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--root" -> { root = Path.of(v).toAbsolutePath(); i++; }
                case "--work" -> { work = Path.of(v).toAbsolutePath(); i++; }
                case "--hop" -> { hopEntries = Integer.parseInt(v); i++; }
                case "--batch" -> { batch = Integer.parseInt(v); i++; }
                case "--relay" -> { relayCount = Integer.parseInt(v); i++; }
                case "--villages" -> { villageCounts = ints(v); i++; }
                case "--per" -> { perVillage = ints(v); i++; }
                case "--real" -> { realVisibility = Integer.parseInt(v); i++; }
                case "--poll-ms" -> { pollMillis = Long.parseLong(v); i++; }
                case "--budget-s" -> { budgetSeconds = Long.parseLong(v); i++; }
                case "--warmup" -> { warmup = Integer.parseInt(v); i++; }
                case "-h", "--help" -> {
                    System.out.println("java distribution/bench/SyncBench.java [--root DIR] [--work DIR] [--hop 2000]"
                            + " [--batch 500] [--relay 2000] [--villages 1,10,100] [--per 20,10,3] [--real 10]"
                            + " [--poll-ms 20] [--budget-s 540] [--warmup N (default: --batch)]");
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (work == null) {
            work = root.resolve("target/bench-sync");
        }
        if (warmup < 0) {
            warmup = batch;
        }
        if (warmup < 1) {
            throw new IllegalArgumentException("--warmup must be at least 1");
        }
        if (villageCounts.length != perVillage.length) {
            throw new IllegalArgumentException("--villages and --per need as many values");
        }
        for (int k : villageCounts) {
            if (k < 1 || k > SIM_COUNT) {
                throw new IllegalArgumentException("at most " + SIM_COUNT + " simulated villages");
            }
        }
        if (hopEntries % batch != 0) {
            throw new IllegalArgumentException("--hop must be a multiple of --batch");
        }
    }

    static int[] ints(String csv) {
        return java.util.Arrays.stream(csv.split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    }

    static String secret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static void log(String what) {
        System.out.println("[" + DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.now())
                + "] " + what);
    }

    long remainingMillis() {
        return budgetSeconds * 1000 - (System.nanoTime() - startNanos) / 1_000_000;
    }

    // ---------------------------------------------------------------------------------------------

    void run() throws Exception {
        for (String t : List.of("district", "township", "village")) {
            if (!Files.isRegularFile(archive(t))) {
                throw new IllegalStateException("missing " + archive(t) + "; build first: mvn -B install -DskipTests");
            }
        }
        Files.createDirectories(work);
        log("unpacking district, township and village into " + work);
        district = Node.unpack(this, "district");
        township = Node.unpack(this, "township");
        village = Node.unpack(this, "village");
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < SIM_COUNT; i++) {
            String code = TOWNSHIP + (SIM_FIRST + i);
            extra.append(code).append(",bench-village-").append(SIM_FIRST + i).append(",VILLAGE,").append(TOWNSHIP)
                    .append('\n');
            sims.add(new Sim(code, secret()));
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
        log("township ready after " + f1(townshipBoot) + " s; registering the village and " + SIM_COUNT
                + " simulated villages there");
        register(township, VILLAGE, villageSecret);
        for (Sim s : sims) {
            register(township, s.code, s.secret);
        }
        log("starting village (port " + village.httpPort + ")");
        village.start();
        double districtBoot = district.awaitReady();
        log("district ready after " + f1(districtBoot) + " s; registering the township there");
        register(district, TOWNSHIP, townshipSecret);
        double villageBoot = village.awaitReady();
        log("village ready after " + f1(villageBoot) + " s");
        StringBuilder opts = new StringBuilder();
        for (Node n : List.of(district, township, village)) {
            String setenv = Files.readString(n.home.resolve("bin/setenv"));
            Matcher heap = Pattern.compile("XINFANG_HEAP:-(\\w+)").matcher(setenv);
            opts.append(opts.length() == 0 ? "" : ", ").append(n.tier).append(" -Xmx")
                    .append(heap.find() ? heap.group(1) : "?")
                    .append(setenv.contains("TieredStopAtLevel=1") ? " C1 only" : " tiered JIT (C1+C2)");
        }
        Matcher jvm = Pattern.compile("EXTRA_JAVA_OPTS=\"\\$\\{EXTRA_JAVA_OPTS:-\\} ([^\"]*)\"")
                .matcher(Files.readString(district.home.resolve("bin/setenv")));
        notes.add("node JVMs as shipped (bin/setenv): " + opts + "; district: " + (jvm.find() ? jvm.group(1)
                .replace("-Xmx${XINFANG_HEAP} ", "") : "?"));
        notes.add("boot (3 nodes sharing " + Runtime.getRuntime().availableProcessors() + " cores): district "
                + f1(districtBoot) + " s, township " + f1(townshipBoot) + " s, village " + f1(villageBoot)
                + " s after its start");

        step("ticks", () -> tickRate(township, "after boot"));
        step("one hop", this::oneHop);
        step("ticks", () -> tickRate(township, "after the one-hop pushes"));
        step("one hop at the top", this::oneHopAtTop);
        step("village -> district", this::villageToDistrict);
        if (!district.alive()) {
            log("district is not running after the previous step; starting it again");
            district.start();
            district.awaitReady();
        }
        for (int i = 0; i < villageCounts.length; i++) {
            int k = villageCounts[i];
            int m = perVillage[i];
            step("visibility k=" + k, () -> visibility(k, m));
        }
        if (realVisibility > 0) {
            step("visibility real village", this::realVillageVisibility);
        }
        Thread.sleep(2000);
        step("ticks", () -> tickRate(township, "at the end"));
    }

    interface Step {
        void run() throws Exception;
    }

    void step(String name, Step s) {
        if (remainingMillis() < 30_000) {
            rows.add(new String[] {name, "skipped: time budget nearly used", "", ""});
            return;
        }
        try {
            s.run();
        } catch (Exception e) {
            stepFailed = true;
            log("step '" + name + "' failed: " + e);
            e.printStackTrace(System.out);
            rows.add(new String[] {name, "n/a (failed: " + e.getMessage() + ")", "", ""});
        }
    }

    /** The sync schedule a node ships with, as its etc/org.xinfang.sync.cfg says. */
    static String schedule(Node n) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(n.home.resolve("etc/org.xinfang.sync.cfg"), StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (!line.strip().startsWith("#") && eq > 0) {
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String key : List.of("interval.ms", "batch.size", "backoff.max.ms")) {
            out.append(out.length() == 0 ? "" : ", ").append(key).append(' ').append(values.getOrDefault(key, "?"));
        }
        return out.toString();
    }

    Path archive(String tier) {
        return root.resolve("distribution/" + tier + "/target/xinfang-" + tier + "-" + VERSION + ".tar.gz");
    }

    static void register(Node parent, String child, String secret) throws Exception {
        HttpResponse<String> r = parent.postJson("/api/v1/sync/children",
                "{\"node\": \"" + child + "\", \"secret\": \"" + secret + "\"}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("registering " + child + " at " + parent.tier + ": " + r.statusCode()
                    + " " + r.body());
        }
    }

    // --- 1. one hop: a simulated village pushes signed batches to the township -------------------

    void oneHop() throws Exception {
        Sim v = sims.get(0);
        hop(township, v, "1 hop: sim. village -> township (relaying on to the district)", true);
    }

    /** The top of the network: nothing to relay onward, so this is the parent's ingest alone. */
    void oneHopAtTop() throws Exception {
        Sim t = new Sim(OTHER_TOWNSHIP, secret());
        register(district, t.code, t.secret);
        hop(district, t, "1 hop: sim. township " + OTHER_TOWNSHIP + " -> district (top, no relay)", false);
    }

    void hop(Node parent, Sim v, String label, boolean relayed) throws Exception {
        log("one hop to the " + parent.tier + ": warm-up of " + warmup + " entries from " + v.code);
        long w0 = System.nanoTime();
        double firstWarm = 0;
        for (int left = warmup; left > 0; left -= batch) {
            int n = Math.min(batch, left);
            push(parent, v, v.next(n), n);
            if (left == warmup) {
                firstWarm = secs(System.nanoTime() - w0);
            }
        }
        double warm = secs(System.nanoTime() - w0);
        if (relayed) {
            awaitHeld(district, v.code, v.seq, Duration.ofSeconds(Math.max(120, warmup / 50)), null);
        }
        double warmAll = secs(System.nanoTime() - w0);
        Thread.sleep(1500); // let the relay and the sync ticks settle
        String settled = "";
        if (warmup > batch) {
            // steady state: past the one-off work of a node's first minute (the supervision scan runs a
            // minute after start, over every case held) and with the nodes' CPU quiet for two seconds
            // (the JIT compiler threads have caught up)
            long s0 = System.nanoTime();
            long busy = Long.MAX_VALUE;
            int quiet = 0;
            long firstMinute = Math.max(parent.startedAt, district.startedAt) + SCAN_AFTER_START_NANOS;
            while (System.nanoTime() - s0 < 180_000_000_000L && (quiet < 2 || System.nanoTime() < firstMinute)) {
                long c0 = parent.cpuMillis() + (relayed ? district.cpuMillis() : 0);
                Thread.sleep(1000);
                busy = parent.cpuMillis() + (relayed ? district.cpuMillis() : 0) - c0;
                quiet = busy < 100 ? quiet + 1 : 0;
            }
            settled = "; then waited " + f1(secs(System.nanoTime() - s0)) + " s for the nodes' first minute and"
                    + " quiet CPU (last second: " + busy + " ms CPU)";
        }

        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < hopEntries / batch; i++) {
            bodies.add(body(v.code, v.next(batch)));
        }
        log("one hop to the " + parent.tier + ": " + hopEntries + " entries in " + bodies.size()
                + " signed batches of " + batch);
        List<Double> perBatch = new ArrayList<>();
        long cpu0 = parent.cpuMillis();
        long districtCpu0 = district.cpuMillis();
        long t0 = System.nanoTime();
        for (byte[] b : bodies) {
            long b0 = System.nanoTime();
            HttpResponse<String> r = parent.send(signedPush(parent, v.code, v.secret, b));
            check(r, batch);
            perBatch.add(secs(System.nanoTime() - b0));
        }
        long t1 = System.nanoTime();
        long cpu = parent.cpuMillis() - cpu0;
        long districtCpu = district.cpuMillis() - districtCpu0;
        double hop = secs(t1 - t0);
        StringBuilder batches = new StringBuilder();
        for (double d : perBatch) {
            batches.append(batches.length() == 0 ? "" : ", ").append(ms(d));
        }
        rows.add(new String[] {label + ", " + hopEntries + " entries, batches of " + batch,
                rate(hopEntries, hop) + " (" + f2(hop) + " s)", ">= 2,000/s per hop",
                verdict(hopEntries / hop >= 2000)});
        if (relayed) {
            long tAll = awaitHeld(district, v.code, v.seq, Duration.ofSeconds(120), null);
            double withRelay = secs(tAll - t0);
            rows.add(new String[] {"  same " + hopEntries + ", first push -> all held at district (push + relay)",
                    rate(hopEntries, withRelay) + " (" + f2(withRelay) + " s)", "-", ""});
        }
        diagnostics.add(new String[] {parent.tier + " CPU while it took the " + hopEntries + " (" + (relayed
                ? "push answered; relay already under way" : "nothing to relay") + ")",
                f2(cpu / 1000.0) + " s CPU in " + f2(hop) + " s, " + Math.round(cpu * 1000.0 / hopEntries)
                        + " ms per 1,000 entries", "-"});
        if (relayed) {
            diagnostics.add(new String[] {"  district CPU meanwhile (taking the relay on these 2 cores)",
                    f2(districtCpu / 1000.0) + " s CPU", "-"});
        }
        notes.add("one hop to the " + parent.tier + ", ms per batch of " + batch + ": " + batches
                + "; warm-up before them: " + warmup + " entries pushed in " + f2(warm) + " s (" + rate(warmup, warm)
                + ", first batch cold: " + ms(firstWarm) + " ms)" + (relayed ? ", held at the district after "
                + f2(warmAll) + " s" : "") + settled);
        log("one hop to the " + parent.tier + ": " + rate(hopEntries, hop));
    }

    /**
     * Sync ticks per second of a node's agent, counted as distinct lastAttempt values in its status
     * polled every 10 ms (a lower bound: two ticks within one poll count once). One agent ticks about
     * once per interval.ms when idle.
     */
    void tickRate(Node n, String when) throws Exception {
        java.util.Set<Object> attempts = new java.util.HashSet<>();
        long end = System.nanoTime() + 4_000_000_000L;
        while (System.nanoTime() < end) {
            attempts.add(json(n.get("/api/v1/sync/status")).get("lastAttempt"));
            Thread.sleep(10);
        }
        double perSecond = (attempts.size() - 1) / 4.0;
        diagnostics.add(new String[] {n.tier + " sync-agent ticks/s while idle, " + when, f1(Math.max(0, perSecond))
                + "/s", "~1/s (interval.ms 1000)"});
        log(n.tier + " ticks while idle " + when + ": " + f1(perSecond) + "/s");
    }

    // --- 2. village -> township -> district after a district outage ------------------------------

    void villageToDistrict() throws Exception {
        log("village -> district: stopping the district (bin/stop)");
        district.stop();
        long before = heldOf(village, VILLAGE);
        log("registering " + relayCount + " petitions at the village over REST (one connection)");
        long r0 = System.nanoTime();
        long stopAt = r0 + Math.min(150_000L, Math.max(20_000L, remainingMillis() - 300_000L)) * 1_000_000L;
        int registered = 0;
        for (int i = 0; i < relayCount && System.nanoTime() < stopAt; i++) {
            HttpResponse<String> r = village.postJson("/api/v1/petitions", petition("基准同步" + i));
            if (r.statusCode() != 201) {
                throw new IllegalStateException("registration " + i + " at the village: " + r.statusCode() + " "
                        + r.body());
            }
            registered++;
        }
        double regs = secs(System.nanoTime() - r0);
        if (registered < relayCount) {
            notes.add("village registration stopped by its time bound after " + registered + " of " + relayCount);
        }
        long target = heldOf(village, VILLAGE);
        if (target != before + registered) {
            notes.add("village holds " + target + " of its own entries after " + registered + " registrations");
        }
        log("village: " + rate(registered, regs) + "; waiting until the township holds " + VILLAGE + "#" + target);
        long w0 = System.nanoTime();
        awaitHeld(township, VILLAGE, target, Duration.ofSeconds(180), null);
        double toTownship = secs(System.nanoTime() - w0);

        log("starting the district again");
        long s0 = System.nanoTime();
        district.start();
        district.awaitReady();
        long ready = System.nanoTime();
        Map<String, Object> ts = json(township.get("/api/v1/sync/status"));
        List<long[]> seen = new ArrayList<>();
        long tAll = awaitHeld(district, VILLAGE, target, Duration.ofSeconds(240), seen);
        long count = target - before;
        double endToEnd = secs(tAll - ready);
        long tFirst = seen.isEmpty() ? tAll : seen.get(0)[0];
        long firstHeld = seen.isEmpty() ? before : seen.get(0)[1];
        double wait = secs(tFirst - ready);
        double active = secs(tAll - tFirst);
        StringBuilder steps = new StringBuilder();
        for (long[] s : seen) {
            steps.append(steps.length() == 0 ? "" : ", ").append("+").append(ms(secs(s[0] - ready))).append(" ms: ")
                    .append(s[1] - before);
        }
        rows.add(new String[] {"village -> district (2 hops), " + count + " petitions: district ready -> all held",
                rate(count, endToEnd) + " (" + f2(endToEnd) + " s)", ">= 2,000/s per hop",
                verdict(count / endToEnd >= 2000)});
        rows.add(new String[] {"  of which waiting for the township's retry (backoff) until 1st batch held",
                f2(wait) + " s", "-", ""});
        rows.add(new String[] {"  relay while active (1st batch held -> last batch held)",
                (active > 0 ? rate(count - (firstHeld - before), active) : "all in one batch") + " (" + f2(active)
                        + " s, " + (count - (firstHeld - before)) + " entries)", ">= 2,000/s per hop",
                active > 0 ? verdict((count - (firstHeld - before)) / active >= 2000) : ""});
        diagnostics.add(new String[] {"village REST registration, " + registered + " sequential, one connection",
                rate(registered, regs) + " (" + f2(regs) + " s)", "-"});
        notes.add("village -> district: the district was stopped, " + registered + " petitions registered at the"
                + " village reached the township in " + f2(toTownship) + " s after the last registration; the district"
                + " restarted in " + f1(secs(ready - s0)) + " s. Township at district readiness: failures="
                + ts.get("failures") + ", lastAttempt=" + ts.get("lastAttempt") + ", lastError=" + ts.get("lastError")
                + ". The end-to-end figure counts from district readiness to held[" + VILLAGE + "]=" + target
                + " at the district: the township's backoff wait + the pushes of a batch"
                + " + verify/store/apply at the district + " + Math.max(pollMillis, 50)
                + " ms polling granularity (GET /api/v1/sync/status). Held at district (ms after ready: count): "
                + steps);
        log("village -> district: " + rate(count, endToEnd) + " end to end, wait " + f2(wait) + " s");
    }

    // --- 3. visibility: registration at a village -> readable at the district --------------------

    static final class Pending {
        final String origin;
        final long seq;
        final String id;
        final long t0;
        volatile long pushed;
        volatile long visible;
        final CountDownLatch seen = new CountDownLatch(1);

        Pending(String origin, long seq, String id, long t0) {
            this.origin = origin;
            this.seq = seq;
            this.id = id;
            this.t0 = t0;
        }
    }

    void visibility(int k, int m) throws Exception {
        log("visibility: " + k + " simulated village(s) x " + m
                + " registrations, delay U[0,1000) ms before each push");
        Map<String, Pending> outstanding = new ConcurrentHashMap<>();
        List<Pending> done = new CopyOnWriteArrayList<>();
        List<String> errors = new CopyOnWriteArrayList<>();
        List<String> late = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger(k);
        long deadline = System.nanoTime() + Math.min(180_000L, Math.max(30_000L, remainingMillis() - 60_000L))
                * 1_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Sim v = sims.get(i);
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(1000)); // villages are not in step
                    for (int j = 0; j < m && System.nanoTime() < deadline; j++) {
                        long t0 = System.nanoTime(); // registered at the village
                        String entry = v.next(1).get(0);
                        Thread.sleep(ThreadLocalRandom.current().nextLong(1000)); // its next 1 s sync tick
                        Pending p = new Pending(v.code, v.seq, v.lastId, t0);
                        outstanding.put(p.id, p);
                        p.pushed = System.nanoTime();
                        HttpResponse<String> r = township.send(signedPush(township, v.code, v.secret,
                                body(v.code, List.of(entry))));
                        check(r, 1);
                        long left = (deadline - System.nanoTime()) / 1_000_000;
                        if (!p.seen.await(Math.max(1, Math.min(60_000, left)), TimeUnit.MILLISECONDS)) {
                            late.add(p.id + " not readable at the district within 60 s of its push");
                            return;
                        }
                    }
                } catch (Exception e) {
                    errors.add(v.code + ": " + e);
                } finally {
                    running.decrementAndGet();
                }
            }, "village-" + v.code);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        int byStatus = 0;
        int polls = 0;
        while (running.get() > 0 && System.nanoTime() < deadline) {
            long p0 = System.nanoTime();
            List<Pending> candidates = new ArrayList<>(outstanding.values());
            if (candidates.size() > 10) {
                // many outstanding: one status call says which origins advanced, then confirm those by id
                Map<String, Object> held = heldMap(district);
                byStatus++;
                candidates.removeIf(p -> number(held.get(p.origin)) < p.seq);
            }
            for (Pending p : candidates) {
                HttpResponse<String> r = district.get("/api/v1/petitions/" + p.id);
                polls++;
                if (r.statusCode() == 200) {
                    p.visible = System.nanoTime();
                    outstanding.remove(p.id);
                    done.add(p);
                    p.seen.countDown();
                }
            }
            long sleep = pollMillis - (System.nanoTime() - p0) / 1_000_000;
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
        }
        for (Thread t : threads) {
            t.join(5000);
        }
        List<Double> lat = new ArrayList<>();
        List<Double> modelled = new ArrayList<>();
        List<Double> product = new ArrayList<>();
        for (Pending p : done) {
            lat.add(secs(p.visible - p.t0));
            modelled.add(secs(p.pushed - p.t0));
            product.add(secs(p.visible - p.pushed));
        }
        Collections.sort(lat);
        Collections.sort(modelled);
        Collections.sort(product);
        String label = "visibility, " + k + " sim. village" + (k == 1 ? "" : "s") + " x " + m + " (n=" + lat.size()
                + "): median / p90 / max";
        if (lat.isEmpty()) {
            rows.add(new String[] {label, "n/a (nothing became visible)", "median < 2 s", "no"});
        } else {
            double med = pct(lat, 50);
            rows.add(new String[] {label, f2(med) + " / " + f2(pct(lat, 90)) + " / " + f2(lat.get(lat.size() - 1))
                    + " s", "median < 2 s", verdict(med < 2)});
            rows.add(new String[] {"  of which push -> readable at district (product): median / p90 / max",
                    f2(pct(product, 50)) + " / " + f2(pct(product, 90)) + " / " + f2(product.get(product.size() - 1))
                            + " s", "-", ""});
            notes.add("visibility k=" + k + ": modelled wait for the village's tick, median " + f2(pct(modelled, 50))
                    + " s, mean " + f2(modelled.stream().mapToDouble(d -> d).average().orElse(0)) + " s");
        }
        if (!errors.isEmpty()) {
            stepFailed = true;
            notes.add("visibility k=" + k + ": " + errors.size() + " error(s), first: " + errors.get(0));
        }
        if (!late.isEmpty()) {
            notes.add("visibility k=" + k + ": " + late.size() + " petition(s) never became readable, first: "
                    + late.get(0));
        }
        notes.add("visibility k=" + k + ": " + polls + " GET /api/v1/petitions/{id} and " + byStatus
                + " GET /api/v1/sync/status at the district");
        log("visibility k=" + k + ": " + (lat.isEmpty() ? "n/a" : "median " + f2(pct(lat, 50)) + " s"));
    }

    /** Cross-check of the model: petitions registered at the real village, polled for at the district. */
    void realVillageVisibility() throws Exception {
        log("visibility: " + realVisibility + " registrations at the real village");
        List<Double> lat = new ArrayList<>();
        for (int i = 0; i < realVisibility; i++) {
            Thread.sleep(ThreadLocalRandom.current().nextLong(300, 1300)); // not in step with the village's tick
            HttpResponse<String> r = village.postJson("/api/v1/petitions", petition("可见性" + i));
            long t0 = System.nanoTime();
            if (r.statusCode() != 201) {
                throw new IllegalStateException("registration at the village: " + r.statusCode() + " " + r.body());
            }
            String id = (String) json(r.body()).get("id");
            long deadline = t0 + 60_000_000_000L;
            while (true) {
                long p0 = System.nanoTime();
                if (district.get("/api/v1/petitions/" + id).statusCode() == 200) {
                    lat.add(secs(System.nanoTime() - t0));
                    break;
                }
                if (p0 > deadline) {
                    throw new IllegalStateException(id + " not at the district within 60 s");
                }
                long sleep = pollMillis - (System.nanoTime() - p0) / 1_000_000;
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
            }
        }
        Collections.sort(lat);
        double med = pct(lat, 50);
        rows.add(new String[] {"visibility, real village over REST, x " + realVisibility + " (n=" + lat.size()
                + "): median / p90 / max", f2(med) + " / " + f2(pct(lat, 90)) + " / " + f2(lat.get(lat.size() - 1))
                + " s", "median < 2 s", verdict(med < 2)});
    }

    // --- the simulated child: hash chain, batches, signatures ------------------------------------

    /** A simulated village: its own chain continues across the steps. */
    static final class Sim {
        final String code;
        final String secret;
        long seq;
        String prev = GENESIS;
        String lastId;

        Sim(String code, String secret) {
            this.code = code;
            this.secret = secret;
        }

        /** The next n entries of this village's chain, as JSON, each registering a petition. */
        synchronized List<String> next(int n) throws Exception {
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                seq++;
                String id = code + "-B" + seq;
                long at = System.currentTimeMillis();
                String payload = "{" + str("id") + ":" + str(id)
                        + "," + str("trackingCode") + ":" + str("B" + code.substring(6) + seq)
                        + "," + str("verificationHash") + ":" + str(GENESIS)
                        + "," + str("kind") + ":" + str("CLAIM")
                        + "," + str("channel") + ":" + str("LETTER")
                        + "," + str("subject") + ":" + str("基准批次" + seq)
                        + "," + str("content") + ":" + str("内容")
                        + "," + str("category") + ":null"
                        + "," + str("location") + ":null"
                        + "," + str("receivedAt") + ":" + str("2026-11-20")
                        + "," + str("headcount") + ":1"
                        + "," + str("registeredBy") + ":" + str(code)
                        + "," + str("owner") + ":" + str(code)
                        + "," + str("status") + ":" + str("REGISTERED")
                        + "," + str("registeredAt") + ":" + at
                        + "," + str("petitioners") + ":[{" + str("name") + ":" + str("张三") + "," + str("idNumber")
                        + ":null," + str("phone") + ":null," + str("address") + ":null}]"
                        + "," + str("timeline") + ":[{" + str("seq") + ":1," + str("at") + ":" + at + "," + str("type")
                        + ":" + str("REGISTERED") + "," + str("actor") + ":" + str("clerk") + "," + str("unit") + ":"
                        + str(code) + "," + str("node") + ":" + str(code) + "," + str("note") + ":null}]"
                        + "}";
                String hash = sha256hex((prev + "\n" + code + "\n" + seq + "\nPETITION_REGISTERED\n" + id + "\n" + at
                        + "\n" + payload).getBytes(StandardCharsets.UTF_8));
                out.add("{" + str("origin") + ":" + str(code) + "," + str("seq") + ":" + seq + "," + str("type") + ":"
                        + str("PETITION_REGISTERED") + "," + str("entity") + ":" + str(id) + "," + str("atMillis") + ":"
                        + at + "," + str("payload") + ":" + str(payload) + "," + str("prevHash") + ":" + str(prev) + ","
                        + str("hash") + ":" + str(hash) + "," + str("path") + ":[" + str(code) + "]}");
                prev = hash;
                lastId = id;
            }
            return out;
        }
    }

    static byte[] body(String node, List<String> entries) {
        return ("{" + str("node") + ":" + str(node) + "," + str("entries") + ":[" + String.join(",", entries) + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static void push(Node parent, Sim v, List<String> entries, int expectAccepted) throws Exception {
        check(parent.send(signedPush(parent, v.code, v.secret, body(v.code, entries))), expectAccepted);
    }

    static void check(HttpResponse<String> r, int expectAccepted) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("push answered " + r.statusCode() + ": " + r.body());
        }
        long accepted = number(json(r.body()).get("accepted"));
        if (accepted != expectAccepted) {
            throw new IllegalStateException("push accepted " + accepted + " of " + expectAccepted + ": " + r.body());
        }
    }

    static HttpRequest signedPush(Node parent, String node, String secret, byte[] body) throws Exception {
        String path = "/api/v1/sync/push";
        long now = System.currentTimeMillis();
        byte[] n = new byte[16];
        ThreadLocalRandom.current().nextBytes(n);
        String nonce = HexFormat.of().formatHex(n);
        String text = "POST\n" + path + "\n" + node + "\n" + now + "\n" + nonce + "\n" + sha256hex(body);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(parent.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("X-Xinfang-Node", node)
                .header("X-Xinfang-Timestamp", String.valueOf(now)).header("X-Xinfang-Nonce", nonce)
                .header("X-Xinfang-Signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    static String sha256hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final AtomicInteger PEOPLE = new AtomicInteger();

    /**
     * SyncIT's petition, but from two new people each time: the same two people filing thousands of
     * cases would measure the repeat-petition lookup (it reads all of a person's cases) rather than sync.
     */
    static String petition(String subject) {
        int n = PEOPLE.getAndIncrement();
        return """
                {"kind": "CLAIM", "channel": "WALK_IN", "subject": "%s", "content": "某公司拖欠工资三个月，多次讨要未果。",
                 "category": "劳动社保", "location": "510199", "receivedAt": "2026-11-20", "headcount": 12,
                 "petitioners": [{"name": "张三", "idNumber": "%s", "phone": "13812345678",
                                  "address": "柳树村3组"},
                                 {"name": "李四", "idNumber": "%s", "phone": "13900001111"}]}
                """.formatted(subject, idNumber(n, 1), idNumber(n, 2));
    }

    /** A valid resident identity number (GB 11643: region, birth date, sequence, MOD 11-2 check). */
    static String idNumber(int person, int sequence) {
        String first17 = "510199" + java.time.LocalDate.of(1950, 1, 1).plusDays(person % 20000)
                .format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence + 2 * (person / 20000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
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
        long deadline = System.nanoTime() + Math.min(patience.toMillis(), Math.max(5_000, remainingMillis() - 30_000))
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
            long sleep = Math.max(pollMillis, 50) - (now - p0) / 1_000_000;
            Thread.sleep(Math.max(1, sleep));
        }
        throw new IllegalStateException(n.tier + " does not hold " + origin + "#" + seq + " within " + patience
                + " (holds " + last + ")");
    }

    // --- figures -----------------------------------------------------------------------------------

    static double secs(long nanos) {
        return nanos / 1e9;
    }

    static String f1(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    static String f2(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    static String ms(double s) {
        return String.format(Locale.ROOT, "%.0f", s * 1000);
    }

    static String rate(long count, double seconds) {
        return String.format(Locale.ROOT, "%,.0f/s", count / seconds);
    }

    static String verdict(boolean met) {
        return met ? "met" : "not met";
    }

    static double pct(List<Double> sorted, int p) {
        if (sorted.size() == 1) {
            return sorted.get(0);
        }
        double rank = p / 100.0 * (sorted.size() - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (rank - lo);
    }

    synchronized void printTable() {
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        System.out.println();
        System.out.println("Sync figures, " + DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS)) + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, " + jvm + ", default sync schedule (" + schedule + "), warm-up " + warmup
                + " entries per one-hop step" + (warmup > batch ? " (steady state)" : " (one batch: nodes just booted)"));
        table(List.of("figure", "measured", "goal", ""), rows);
        if (!diagnostics.isEmpty()) {
            System.out.println();
            table(List.of("diagnostic", "measured", "expected"), diagnostics);
        }
        System.out.println();
        for (String n : notes) {
            System.out.println("* " + n);
        }
        System.out.println("* all nodes on 127.0.0.1 on this one machine: the bench, the district, the township and the"
                + " village share the cores; nodes in the field run on separate machines.");
        System.out.flush();
    }

    static void table(List<String> head, List<String[]> body) {
        int[] w = new int[head.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = head.get(i).length();
            for (String[] r : body) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder fmt = new StringBuilder();
        int total = 0;
        for (int i = 0; i < w.length; i++) {
            fmt.append(i == 0 ? "" : " | ").append(i == w.length - 1 ? "%s" : "%-" + w[i] + "s");
            total += w[i] + 3;
        }
        fmt.append("%n");
        System.out.printf(fmt.toString(), head.toArray());
        System.out.println("-".repeat(total));
        for (String[] r : body) {
            System.out.printf(fmt.toString(), (Object[]) r);
        }
    }

    // --- nodes ---------------------------------------------------------------------------------------

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

    static final class Node {
        final SyncBench bench;
        final String tier;
        final Path home;
        final int httpPort;
        volatile Process process;

        private Node(SyncBench bench, String tier, Path home, int httpPort) {
            this.bench = bench;
            this.tier = tier;
            this.home = home;
            this.httpPort = httpPort;
        }

        static Node unpack(SyncBench bench, String tier) throws Exception {
            Path dir = bench.work.resolve(tier);
            if (Files.exists(dir)) {
                run("rm", "-rf", dir.toString());
            }
            Files.createDirectories(dir);
            run("tar", "xzf", bench.archive(tier).toString(), "-C", dir.toString(), "--strip-components=1");
            int http = freePort();
            int ssh = freePort();
            rewrite(dir.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(http));
            rewrite(dir.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(ssh));
            return new Node(bench, tier, dir, http);
        }

        /** Points this node at its parent with the secret the parent will know it by; schedule untouched. */
        void childOf(Node parent, String secret) throws IOException {
            rewrite(home.resolve("etc/org.xinfang.node.cfg"), "parent.url", parent.baseUrl());
            rewrite(home.resolve("etc/org.xinfang.sync.cfg"), "secret", secret);
        }

        static void rewrite(Path cfg, String key, String value) throws IOException {
            String text = Files.readString(cfg, StandardCharsets.ISO_8859_1);
            String replaced = text.replaceAll("(?m)^" + Pattern.quote(key) + "\\s*=.*$",
                    Matcher.quoteReplacement(key + " = " + value));
            if (replaced.equals(text)) {
                throw new IllegalStateException(key + " not found in " + cfg);
            }
            Files.writeString(cfg, replaced, StandardCharsets.ISO_8859_1);
        }

        static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }

        static void run(String... command) throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("failed: " + String.join(" ", command));
            }
        }

        String baseUrl() {
            return "http://127.0.0.1:" + httpPort;
        }

        long startedAt;

        void start() throws IOException {
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                    .directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            pb.environment().put("XINFANG_ADMIN_PASSWORD", PASSWORD);
            startedAt = System.nanoTime();
            process = pb.start();
            if (!bench.nodes.contains(this)) {
                bench.nodes.add(this);
            }
        }

        /** Waits for a 200 with a body from /api/v1/node; returns the seconds since start. */
        double awaitReady() throws Exception {
            long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(tier + " exited with " + process.exitValue() + "; see " + home
                            + "/console.log");
                }
                try {
                    HttpResponse<String> r = get("/api/v1/node");
                    if (r.statusCode() == 200 && !r.body().isBlank()) {
                        return secs(System.nanoTime() - startedAt);
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException(tier + " not ready within " + BOOT_TIMEOUT + "; see " + home);
        }

        boolean alive() {
            return process != null && process.isAlive();
        }

        /** CPU time the node has used so far (its JVM and the script that started it), in ms. */
        long cpuMillis() {
            Process p = process;
            if (p == null) {
                return 0;
            }
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(p.toHandle()), p.descendants())
                    .mapToLong(h -> h.info().totalCpuDuration().map(Duration::toMillis).orElse(0L)).sum();
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                            .getBytes(StandardCharsets.UTF_8)));
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(request(path).GET().build());
        }

        HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
        }

        HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
            return HTTP.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** bin/stop, as an operator would; killed if it has not gone within 60 s. */
        void stop() throws Exception {
            Process p = process;
            if (p == null || !p.isAlive()) {
                return;
            }
            Process stop = new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!stop.waitFor(30, TimeUnit.SECONDS)) {
                stop.destroyForcibly();
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }

        void kill() {
            Process p = process;
            if (p != null && p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                try {
                    p.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    // --- minimal JSON ------------------------------------------------------------------------------

    static String str(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    static Map<String, Object> json(HttpResponse<String> r) {
        return json(r.body());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) {
        Object v = new JsonReader(text).value();
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("not a JSON object: " + text);
        }
        return (Map<String, Object>) v;
    }

    static final class JsonReader {
        private final String s;
        private int i;

        JsonReader(String s) {
            this.s = s;
        }

        Object value() {
            ws();
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end of JSON");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        m.put(k, value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect('}');
                            return m;
                        }
                    }
                }
                case '[' -> {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect(']');
                            return l;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                case 't' -> {
                    i += 4;
                    return Boolean.TRUE;
                }
                case 'f' -> {
                    i += 5;
                    return Boolean.FALSE;
                }
                case 'n' -> {
                    i += 4;
                    return null;
                }
                default -> {
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    String num = s.substring(start, i);
                    if (num.isEmpty()) {
                        throw new IllegalArgumentException("bad JSON at " + start + ": " + s);
                    }
                    return num.matches("-?\\d+") ? (Object) Long.parseLong(num) : (Object) Double.parseDouble(num);
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        private void expect(char c) {
            if (i >= s.length() || s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i + " in JSON: " + s);
            }
            i++;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
