/*
 * A whole district network, simulated around one real district: a busy day compressed into minutes.
 * Prints how many nodes of each kind, the entries pushed, the median and p99 time from a registration
 * (or a step) at a simulated node to the district holding it, the district JVM's CPU, the entries
 * refused and the wall time. Prints, never asserts. JDK only; network-figures.sh compiles it with the sources
 * it shares with the sync benchmark (../shared: the real nodes, signed calls, journal entries, JSON,
 * petitions) and runs it:
 *
 *   distribution/bench/network-figures.sh [--root DIR] [--work DIR] [--day-s 300]
 *        [--departments 30] [--townships 20] [--villages 15] [--village-cases 5] [--township-cases 40]
 *        [--department-cases 25] [--accept 0.8] [--assign 60] [--poll-ms 100] [--budget-s 900]
 *        [--seed 165] [--real-townships 1]
 *
 * The district is the real distribution (distribution/district/target/*.tar.gz) unpacked into <work>
 * (default target/bench-network) on free loopback ports; so is, unless --real-townships 0, the township
 * distribution (unit 510199101, the first township of the tree), registered at the district before it
 * is given its secret, with its 15 villages simulated below it and pushing and pulling over HTTP: the
 * anchor for the simulated townships' relay. Everything else is played by this program the way the sync
 * agent and SyncIT play a child (docs/sync.md):
 *  - 30 departments and 20 townships (19 beside the real one) are the district's direct children, each
 *    registered at the district with its own secret, each with its own agent thread: every interval.ms
 *    (the shipped etc/org.xinfang.sync.cfg) it pushes its outbox in signed batches of up to batch.size
 *    (HMAC-SHA256 over METHOD, path, node, timestamp, nonce and the body's SHA-256), then pulls its messages
 *    (GET /api/v1/sync/messages, signed), with exponential backoff after a failure;
 *  - 300 villages, 15 under each township (285 under the simulated ones), keep their own SHA-256
 *    hash chains; every interval.ms (each at its own phase) a village hands what it registered since
 *    its last tick to its township,
 *    which keeps the entries at its next outbox positions with itself appended to their path and
 *    wakes its agent at once, as SyncResource does on a child's push: the district receives the
 *    village's entries relayed exactly as a real township relays them (origin, sequence, prevHash and
 *    hash unchanged, path [village, township]), interleaved with the township's own, and checks them
 *    against the village's chain. The township's own time to take and store the village's push is not
 *    modelled (zero here; sync-figures.sh measures that hop);
 *  - the day: registrations at uniformly random times over --day-s seconds (the real township's own
 *    over its REST API); a share (--accept) of the townships' and departments' own cases is accepted
 *    (受理, CASE_EVENT ACCEPTED on version 1) by their own clerk 5-60 s later; the district's
 *    administrator assigns --assign village cases down to a department over REST (交办); the department's agent pulls the copy and records 签收 (RECEIVED,
 *    by the node, as NodePolicy.onCopy does) and 5-30 s later 受理 (ACCEPTED), both pushed up again.
 *    Heads ("heads") go with a push at most every ten seconds, as the agent sends them.
 * Visibility at the district is measured by polling GET /api/v1/sync/status every --poll-ms: an entry
 * counts as visible at the first answer whose "held" for its origin reaches its sequence (the district
 * stores the journal entry, the case and the chain head in one transaction); every tenth registration
 * is also read back through GET /api/v1/petitions/{id} as soon as it is held, to check that it is
 * readable. The district's CPU is read from /proc/<pid>/stat of its JVM. Every node started is stopped
 * at the end, also on failure.
 */

package network;

import static shared.Figures.f1;
import static shared.Figures.f2;
import static shared.Figures.log;
import static shared.Figures.pct;
import static shared.Figures.secs;
import static shared.Json.json;
import static shared.Json.number;
import static shared.Json.str;
import static shared.Signing.secret;
import static shared.Signing.sha256hex;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import shared.Journal;
import shared.Node;
import shared.Petitions;
import shared.Signing;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public class NetworkBench {
    static final String VERSION = "0.1.0-SNAPSHOT";
    static final String DISTRICT = "510199";
    static final String REAL_TOWNSHIP = "510199101";
    static final String PASSWORD = "Network-bench-admin-pw-" + Long.toHexString(new SecureRandom().nextLong() & 0xffffffL);
    static final long HEADS_EVERY_MILLIS = 10_000;

    // options
    Path root;
    Path work;
    long daySeconds = 300;
    int departments = 30;
    int townships = 20;
    int villagesPer = 15;
    int villageCases = 5;
    int townshipCases = 40;
    int departmentCases = 25;
    double acceptShare = 0.8;
    int assignments = 60;
    long pollMillis = 100;
    long budgetSeconds = 900;
    long seed = 165;
    int realTownships = 1;

    // the shipped schedule (etc/org.xinfang.sync.cfg)
    long intervalMillis;
    int batchSize;
    long backoffMaxMillis;
    String schedule;

    final long startNanos = System.nanoTime();
    Node district;
    /** The real township (unit 510199101) with its villages simulated below it, or null. */
    Node township;
    final String townshipSecret = secret();
    /** District CPU s per s idle: alone, with the children pulling, with the bench's polling too. */
    double[] idle;
    double idleAfter;
    long dayStartMillis;
    long townshipCpu;
    /** The real township's own registrations and acceptances, made over its REST API. */
    final ConcurrentLinkedQueue<Pending> restWaiting = new ConcurrentLinkedQueue<>();
    final List<Child> children = new ArrayList<>();
    final List<Village> villages = new ArrayList<>();
    final Map<String, Child> byCode = new HashMap<>();
    volatile boolean stopping;
    ScheduledExecutorService clock;

    // what is measured
    final Map<String, ConcurrentLinkedQueue<Pending>> waiting = new ConcurrentHashMap<>();
    final List<Pending> seen = new CopyOnWriteArrayList<>();
    final AtomicInteger made = new AtomicInteger();
    /** Registrations, steps and assignments planned and not yet made (the day is over when none is left). */
    final AtomicInteger todo = new AtomicInteger();
    final AtomicLong pushed = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong pushCalls = new AtomicLong();
    final AtomicLong pullCalls = new AtomicLong();
    final AtomicLong messagesPulled = new AtomicLong();
    final AtomicLong statusCalls = new AtomicLong();
    final List<String> errors = new CopyOnWriteArrayList<>();
    final List<double[]> readBack = new CopyOnWriteArrayList<>(); // {held after registration, readable after}
    final Map<String, Assignment> assigned = new ConcurrentHashMap<>();
    final List<String> notes = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        NetworkBench b = new NetworkBench();
        b.parse(args);
        Runtime.getRuntime().addShutdownHook(new Thread(b::kill, "network-bench-cleanup"));
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(b.budgetSeconds * 1000);
                System.err.println("time budget of " + b.budgetSeconds + " s exceeded: stopping the nodes");
                System.exit(3); // the shutdown hook kills the district
            } catch (InterruptedException done) {
                // finished in time
            }
        }, "network-bench-watchdog");
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
        System.exit(code != 0 ? code : b.errors.isEmpty() && b.refused.get() == 0 ? 0 : 1);
    }

    void parse(String[] args) {
        root = Path.of("").toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--root" -> { root = Path.of(v).toAbsolutePath(); i++; }
                case "--work" -> { work = Path.of(v).toAbsolutePath(); i++; }
                case "--day-s" -> { daySeconds = Long.parseLong(v); i++; }
                case "--departments" -> { departments = Integer.parseInt(v); i++; }
                case "--townships" -> { townships = Integer.parseInt(v); i++; }
                case "--villages" -> { villagesPer = Integer.parseInt(v); i++; }
                case "--village-cases" -> { villageCases = Integer.parseInt(v); i++; }
                case "--township-cases" -> { townshipCases = Integer.parseInt(v); i++; }
                case "--department-cases" -> { departmentCases = Integer.parseInt(v); i++; }
                case "--accept" -> { acceptShare = Double.parseDouble(v); i++; }
                case "--assign" -> { assignments = Integer.parseInt(v); i++; }
                case "--poll-ms" -> { pollMillis = Long.parseLong(v); i++; }
                case "--budget-s" -> { budgetSeconds = Long.parseLong(v); i++; }
                case "--seed" -> { seed = Long.parseLong(v); i++; }
                case "--real-townships" -> { realTownships = Integer.parseInt(v); i++; }
                case "-h", "--help" -> {
                    System.out.println("distribution/bench/network-figures.sh [--root DIR] [--work DIR] [--day-s 300]"
                            + " [--departments 30] [--townships 20] [--villages 15 (per township)] [--village-cases 5]"
                            + " [--township-cases 40] [--department-cases 25] [--accept 0.8] [--assign 60]"
                            + " [--poll-ms 100] [--budget-s 900] [--seed N] [--real-townships 1 (0 or 1)]");
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (work == null) {
            work = root.resolve("target/bench-network");
        }
        if (departments < 1 || departments > 99 || townships < 1 || townships > 99 || villagesPer < 0
                || villagesPer > 99) {
            throw new IllegalArgumentException("1-99 departments, 1-99 townships, 0-99 villages per township");
        }
        if (realTownships < 0 || realTownships > 1) {
            throw new IllegalArgumentException("--real-townships is 0 or 1 (the township distribution is unit "
                    + REAL_TOWNSHIP + ")");
        }
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    // ---------------------------------------------------------------------------------------------

    void run() throws Exception {
        Path archive = root.resolve("distribution/district/target/xinfang-district-" + VERSION + ".tar.gz");
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("missing " + archive + "; build first: mvn -B install -DskipTests");
        }
        Files.createDirectories(work);
        log("unpacking the district into " + work);
        district = Node.unpack("district", work.resolve("district"), archive, PASSWORD);
        readSchedule(district.config("org.xinfang.sync.cfg"));

        // the tree: the district's own units file, extended by the simulated units
        Path csv = district.home.resolve("etc/xinfang-units.csv");
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        java.util.Set<String> known = new java.util.HashSet<>();
        for (String line : text.split("\n")) {
            known.add(line.split(",", 2)[0].strip());
        }
        StringBuilder extra = new StringBuilder();
        for (int d = 1; d <= departments; d++) {
            String code = DISTRICT + String.format("D%02d", d);
            add(extra, known, code, "基准部门" + d, "DEPARTMENT", DISTRICT);
            Child department = new Child(this, code, "DEPARTMENT");
            department.group = "departments";
            children.add(department);
        }
        for (int t = 1; t <= townships; t++) {
            String code = DISTRICT + (100 + t);
            add(extra, known, code, "基准镇" + t, "TOWNSHIP", DISTRICT);
            boolean real = t <= realTownships;
            Child township = null;
            if (!real) {
                township = new Child(this, code, "TOWNSHIP");
                township.group = "townships (simulated), own";
                children.add(township);
            }
            for (int v = 1; v <= villagesPer; v++) {
                String vc = code + (300 + v);
                add(extra, known, vc, "基准村" + t + "-" + v, "VILLAGE", code);
                if (real) {
                    Child village = new Child(this, vc, "VILLAGE");
                    village.group = "villages under the real township";
                    children.add(village);
                } else {
                    Village village = new Village(this, vc, township);
                    villages.add(village);
                    township.villages.add(village);
                }
            }
        }
        String units = (text.endsWith("\n") ? text : text + "\n") + extra;
        Files.writeString(csv, units, StandardCharsets.UTF_8);
        for (Child c : children) {
            byCode.put(c.code, c);
            c.parent = c.kind.equals("VILLAGE") ? null : district;
        }
        if (realTownships > 0) {
            // the township distribution is unit 510199101: the first township of the tree
            Path townshipArchive = root.resolve("distribution/township/target/xinfang-township-" + VERSION + ".tar.gz");
            if (!Files.isRegularFile(townshipArchive)) {
                throw new IllegalStateException("missing " + townshipArchive + "; build first");
            }
            township = Node.unpack("township", work.resolve("township"), townshipArchive, PASSWORD);
            Files.writeString(township.home.resolve("etc/xinfang-units.csv"), units, StandardCharsets.UTF_8);
            Node.rewrite(township.home.resolve("etc/org.xinfang.node.cfg"), "parent.url", district.baseUrl());
            for (Child c : children) {
                if (c.kind.equals("VILLAGE")) {
                    c.parent = township;
                }
            }
        }

        log("starting the district (port " + district.httpPort + ")" + (township == null ? ""
                : " and the real township " + REAL_TOWNSHIP + " (port " + township.httpPort + ")"));
        district.start();
        if (township != null) {
            township.start();
        }
        double boot = district.awaitReady();
        List<Child> direct = children.stream().filter(c -> c.parent == district).toList();
        log("district ready after " + f1(boot) + " s; registering " + (direct.size() + realTownships)
                + " direct children");
        for (Child c : direct) {
            district.registerChild(c.code, c.secret);
        }
        if (township != null) {
            // registered first, then given its secret, as an operator links a child (docs/sync.md); the node
            // picks the secret up without a restart
            district.registerChild(REAL_TOWNSHIP, townshipSecret);
            Node.rewrite(township.home.resolve("etc/org.xinfang.sync.cfg"), "secret", townshipSecret);
            double townshipBoot = township.awaitReady();
            log("real township ready after " + f1(townshipBoot) + " s; registering its " + villagesPer + " villages");
            for (Child c : children) {
                if (c.parent == township) {
                    township.registerChild(c.code, c.secret);
                }
            }
        }

        if (township != null) {
            long until = System.nanoTime() + 60_000_000_000L;
            while (json(township.get("/api/v1/sync/status")).get("lastSuccess") == null && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            log("real township synced with the district: " + json(township.get("/api/v1/sync/status")).get("lastSuccess"));
        }
        // idle: the district alone (and the real township's agent), then with the simulated children pulling
        // every tick, then with the bench's own status polling too
        Thread.sleep(3000);
        double idleAlone = cpuPerSecond(10_000);
        clock = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "network-bench-clock");
            t.setDaemon(true);
            return t;
        });
        for (Child c : children) {
            c.thread.start();
        }
        for (Village v : villages) {
            long phase = ThreadLocalRandom.current().nextLong(intervalMillis);
            clock.scheduleAtFixedRate(v::tick, phase, intervalMillis, TimeUnit.MILLISECONDS);
        }
        Thread.sleep(5000); // the first pulls fetch the reference data (calendar, categories, forms)
        double idlePulls = cpuPerSecond(15_000);
        Thread poller = new Thread(this::pollVisibility, "network-bench-poller");
        poller.setDaemon(true);
        poller.start();
        double idleWithPoller = cpuPerSecond(10_000);
        idle = new double[] {idleAlone, idlePulls, idleWithPoller};
        log("idle: " + f2(idleAlone) + " s CPU per s at the district alone, " + f2(idlePulls) + " with "
                + (direct.size() + realTownships) + " children pulling, " + f2(idleWithPoller)
                + " with the bench's status polling as well");

        // the day
        Random random = new Random(seed);
        int registrations = 0;
        int steps = 0;
        long dayMillis = daySeconds * 1000;
        for (Village v : villages) {
            for (int i = 0; i < villageCases; i++) {
                long at = (long) (random.nextDouble() * dayMillis);
                counted(at, v::register);
                registrations++;
            }
        }
        for (Child c : children) {
            boolean village = c.kind.equals("VILLAGE");
            int n = village ? villageCases : c.kind.equals("TOWNSHIP") ? townshipCases : departmentCases;
            for (int i = 0; i < n; i++) {
                long at = (long) (random.nextDouble() * dayMillis);
                boolean accept = !village && random.nextDouble() < acceptShare;
                long acceptAfter = 5000 + (long) (random.nextDouble() * 55_000);
                ownCase(at, accept, acceptAfter, c::registerOwn, c::acceptOwn);
                registrations++;
                steps += accept ? 1 : 0;
            }
        }
        for (int i = 0; township != null && i < townshipCases; i++) {
            // the real township's own clerk, over its REST API
            long at = (long) (random.nextDouble() * dayMillis);
            boolean accept = random.nextDouble() < acceptShare;
            long acceptAfter = 5000 + (long) (random.nextDouble() * 55_000);
            ownCase(at, accept, acceptAfter, this::restRegister, this::restAccept);
            registrations++;
            steps += accept ? 1 : 0;
        }
        for (int i = 0; i < assignments; i++) {
            long at = (long) (dayMillis * (0.2 + 0.7 * random.nextDouble()));
            Child to = children.get(random.nextInt(departments));
            clock.schedule(() -> guard(() -> assignDown(to)), at, TimeUnit.MILLISECONDS);
        }
        todo.addAndGet(registrations + assignments);
        notes.add("the day: " + registrations + " registrations planned (" + villageCases + " per village, "
                + townshipCases + " per township, " + departmentCases + " per department) at uniformly random times"
                + " over " + daySeconds + " s, " + steps + " acceptances (受理) by the townships and departments of"
                + " their own cases 5-60 s after registering them, " + assignments + " village cases assigned down"
                + " (交办) by the district to a department, each then received (签收) and accepted (受理) there");
        log("the day: " + registrations + " registrations, " + steps + " acceptances and " + assignments
                + " assignments down over " + daySeconds + " s");
        long cpu0 = cpuMillis(district);
        long townshipCpu0 = township == null ? 0 : cpuMillis(township);
        long bench0 = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
        long t0 = System.nanoTime();
        dayStartMillis = System.currentTimeMillis();
        long lastReport = t0;
        // wait for the day to end, then for everything to be held at the district
        long dayEnd = t0 + dayMillis * 1_000_000L;
        long drainEnd = dayEnd + 150_000_000_000L; // the last acceptances come up to a minute after the day
        while (System.nanoTime() < drainEnd) {
            Thread.sleep(1000);
            if (todo.get() <= 0 && restWaiting.isEmpty()
                    && waiting.values().stream().allMatch(ConcurrentLinkedQueue::isEmpty)) {
                break;
            }
            if (System.nanoTime() - lastReport > 30_000_000_000L) {
                lastReport = System.nanoTime();
                log("  " + f1(secs(lastReport - t0)) + " s: " + made.get() + " entries made, " + seen.size()
                        + " held at the district, " + accepted.get() + " accepted by it, " + refused.get() + " refused");
            }
        }
        long t1 = System.nanoTime();
        long cpu = cpuMillis(district) - cpu0;
        townshipCpu = township == null ? 0 : cpuMillis(township) - townshipCpu0;
        long benchCpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L) - bench0;
        int outstanding = waiting.values().stream().mapToInt(ConcurrentLinkedQueue::size).sum() + restWaiting.size();
        // idle again, warm: the children still pulling and the bench still polling, nothing else
        idleAfter = cpuPerSecond(10_000);
        stopping = true;
        Map<String, Object> status = json(district.get("/api/v1/sync/status"));
        report(boot, secs(t1 - t0), cpu, benchCpu, outstanding, status);
    }

    /** A registration by the real township's clerk: made when the township answers 201. */
    String restRegister() throws Exception {
        HttpResponse<String> r = township.postJson("/api/v1/petitions", petition("网络基准镇登记"));
        long madeAt = System.nanoTime();
        if (r.statusCode() != 201) {
            errors.add("registration at the real township: " + r.statusCode() + " " + r.body());
            return null;
        }
        String id = (String) json(r).get("id");
        made.incrementAndGet();
        restWaiting.add(new Pending(REAL_TOWNSHIP, -1, id, "registration", madeAt, false,
                "the real township, own (REST)"));
        return id;
    }

    /** 受理 by the real township's clerk: made when the township answers 200. */
    void restAccept(String id) throws Exception {
        HttpResponse<String> r = township.postJson("/api/v1/petitions/" + id + "/actions/accept", "{}");
        long madeAt = System.nanoTime();
        if (r.statusCode() != 200) {
            errors.add("acceptance at the real township: " + r.statusCode() + " " + r.body());
            return;
        }
        made.incrementAndGet();
        restWaiting.add(new Pending(REAL_TOWNSHIP, -1, id, "step", madeAt, false, "the real township, own (REST)"));
    }

    /** SyncBench's petition: two new people each time, so that no repeat look-up grows with the run. */
    static String petition(String subject) {
        return Petitions.petition(subject, LocalDate.now(ZoneOffset.ofHours(8)).toString());
    }

    /** The district's CPU seconds per second of wall time over the next {@code millis}. */
    double cpuPerSecond(long millis) throws InterruptedException {
        long c0 = cpuMillis(district);
        long t0 = System.nanoTime();
        Thread.sleep(millis);
        return (cpuMillis(district) - c0) / 1000.0 / secs(System.nanoTime() - t0);
    }

    static void add(StringBuilder csv, java.util.Set<String> known, String code, String name, String kind, String parent) {
        if (known.add(code)) {
            csv.append(code).append(',').append(name).append(',').append(kind).append(',').append(parent).append('\n');
        }
    }

    void readSchedule(Map<String, String> values) {
        intervalMillis = Math.max(100, Long.parseLong(values.getOrDefault("interval.ms", "1000")));
        batchSize = Math.max(1, Integer.parseInt(values.getOrDefault("batch.size", "500")));
        backoffMaxMillis = Math.max(intervalMillis, Long.parseLong(values.getOrDefault("backoff.max.ms", "10000")));
        schedule = "interval.ms " + intervalMillis + ", batch.size " + batchSize + ", backoff.max.ms " + backoffMaxMillis;
    }

    interface Work {
        void run() throws Exception;
    }

    /** What a clerk does later on a case they registered (its 受理). */
    interface Step<T> {
        void on(T registered) throws Exception;
    }

    /**
     * A case of a node's own clerk: registered {@code at} ms from now and, when {@code accept}, accepted (受理)
     * {@code acceptAfter} ms after its registration; a registration that was not made (null) is not accepted.
     * The registration is one of the day's {@code todo}, the acceptance one more once it is planned.
     */
    <T> void ownCase(long at, boolean accept, long acceptAfter, Callable<T> register, Step<T> acceptance) {
        counted(at, () -> {
            T registered = register.call();
            if (accept && registered != null) {
                todo.incrementAndGet();
                counted(acceptAfter, () -> acceptance.on(registered));
            }
        });
    }

    /** {@code w} {@code delay} ms from now, guarded, and one of the day's {@code todo} less once it has run. */
    void counted(long delay, Work w) {
        clock.schedule(() -> guard(() -> {
            try {
                w.run();
            } finally {
                todo.decrementAndGet();
            }
        }), delay, TimeUnit.MILLISECONDS);
    }

    void guard(Work w) {
        if (stopping) {
            return;
        }
        try {
            w.run();
        } catch (Exception e) {
            errors.add(e.toString());
            log("error: " + e);
        }
    }

    // --- visibility at the district -----------------------------------------------------------------

    /** A registration or step made at a simulated node, waiting to be held at the district. */
    static final class Pending {
        final String origin;
        final long seq;
        final String caseId;
        final String type;
        final long made;
        final boolean readBack;
        final String group;
        volatile long held;

        Pending(String origin, long seq, String caseId, String type, long made, boolean readBack, String group) {
            this.group = group;
            this.origin = origin;
            this.seq = seq;
            this.caseId = caseId;
            this.type = type;
            this.made = made;
            this.readBack = readBack;
        }
    }

    /** Called under the chain's lock, so each origin's queue is in sequence order. */
    void track(Entry e, String caseId, String what, String group) {
        int n = made.incrementAndGet();
        Pending p = new Pending(e.origin, e.seq, caseId, what, System.nanoTime(), what.equals("registration") && n % 10 == 0,
                group);
        waiting.computeIfAbsent(e.origin, k -> new ConcurrentLinkedQueue<>()).add(p);
    }

    void pollVisibility() {
        while (!stopping) {
            long p0 = System.nanoTime();
            try {
                Object heldObject = json(district.get("/api/v1/sync/status")).get("held");
                statusCalls.incrementAndGet();
                long now = System.nanoTime();
                @SuppressWarnings("unchecked")
                Map<String, Object> held = heldObject instanceof Map ? (Map<String, Object>) heldObject : Map.of();
                List<Pending> check = new ArrayList<>();
                for (Map.Entry<String, ConcurrentLinkedQueue<Pending>> e : waiting.entrySet()) {
                    long h = number(held.get(e.getKey()));
                    ConcurrentLinkedQueue<Pending> q = e.getValue();
                    Pending p;
                    while ((p = q.peek()) != null && p.seq <= h) {
                        q.poll();
                        p.held = now;
                        seen.add(p);
                        if (p.readBack) {
                            check.add(p);
                        }
                    }
                }
                for (Pending p : restWaiting) {
                    HttpResponse<String> r = district.get("/api/v1/petitions/" + p.caseId);
                    if (r.statusCode() == 200 && (p.type.equals("registration")
                            || "ACCEPTED".equals(json(r).get("status")))) {
                        p.held = System.nanoTime();
                        restWaiting.remove(p);
                        seen.add(p);
                    }
                }
                for (Pending p : check) {
                    HttpResponse<String> r = district.get("/api/v1/petitions/" + p.caseId);
                    if (r.statusCode() == 200) {
                        readBack.add(new double[] {secs(p.held - p.made), secs(System.nanoTime() - p.made)});
                    } else {
                        errors.add("held but not readable at the district: " + p.caseId + " (" + r.statusCode() + ")");
                    }
                }
            } catch (Exception e) {
                if (!stopping) {
                    errors.add("status: " + e);
                }
            }
            long sleep = pollMillis - (System.nanoTime() - p0) / 1_000_000;
            try {
                Thread.sleep(Math.max(1, sleep));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    // --- down: the district assigns a village case to a department ----------------------------------

    static final class Assignment {
        final String caseId;
        final Child to;
        long answered;
        volatile long pulled;
        volatile long receivedSeq;
        volatile long acceptedSeq;
        volatile String failed;

        Assignment(String caseId, Child to) {
            this.caseId = caseId;
            this.to = to;
        }
    }

    void assignDown(Child to) throws Exception {
        // a village case the district already holds, not yet assigned
        List<Pending> candidates = new ArrayList<>();
        for (Pending p : seen) {
            if (p.type.equals("registration") && p.origin.length() == 12 && !assigned.containsKey(p.caseId)) {
                candidates.add(p);
            }
        }
        if (candidates.isEmpty()) {
            notes.add("an assignment found no village case held at the district yet");
            todo.decrementAndGet();
            return;
        }
        Pending p = candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
        Assignment a = new Assignment(p.caseId, to);
        assigned.put(p.caseId, a);
        HttpResponse<String> r = district.postJson("/api/v1/petitions/" + p.caseId + "/assignments",
                "{\"unit\": \"" + to.code + "\", \"note\": \"请依法办理\"}");
        a.answered = System.nanoTime();
        if (r.statusCode() != 200) {
            a.failed = r.statusCode() + " " + r.body();
            todo.decrementAndGet();
            errors.add("assigning " + p.caseId + " to " + to.code + ": " + a.failed);
        }
    }

    // --- the simulated nodes -----------------------------------------------------------------------

    /** One journal entry of a simulated node's chain. */
    record Entry(String origin, long seq, String type, String entity, long at, String payload, String prevHash,
            String hash) {
        String json(String path) {
            return Journal.entry(origin, seq, type, entity, at, payload, prevHash, hash, path);
        }
    }

    /** A node's own chain: SHA-256 over prevHash, origin, seq, type, entity, atMillis and payload. */
    static final class Chain {
        final String code;
        long seq;
        String prev = Journal.GENESIS;

        Chain(String code) {
            this.code = code;
        }

        Entry append(String type, String entity, long at, String payload) {
            seq++;
            String hash = Journal.hash(prev, code, seq, type, entity, at, payload);
            Entry e = new Entry(code, seq, type, entity, at, payload, prev, hash);
            prev = hash;
            return e;
        }

        /** A new case registered here: its one REGISTERED event, its petitioner. */
        Entry register() {
            long n = seq + 1;
            String id = code + "-N" + n;
            long at = System.currentTimeMillis();
            String payload = Journal.registered(id, "N" + code.substring(6) + "-" + n, "网络基准" + code + "-" + n,
                    "某公司拖欠工资三个月，多次讨要未果。", LocalDate.now(ZoneOffset.ofHours(8)).toString(), code, at);
            return append("PETITION_REGISTERED", id, at, payload);
        }

        /** A step on a case, checked on version basedOn whose timeline digest is basedOnDigest. */
        Entry step(String caseId, int basedOn, String basedOnDigest, String type, String actor, String actorName,
                String actorTitle) {
            long at = System.currentTimeMillis();
            String payload = "{" + str("case") + ":" + str(caseId) + "," + str("basedOn") + ":" + basedOn + ","
                    + str("basedOnDigest") + ":" + str(basedOnDigest) + "," + str("event") + ":{" + str("at") + ":" + at
                    + "," + str("type") + ":" + str(type) + "," + str("actor") + ":" + str(actor) + ","
                    + str("actorName") + ":" + str(actorName) + "," + str("actorTitle") + ":"
                    + (actorTitle == null ? "null" : str(actorTitle)) + "," + str("unit") + ":" + str(code) + ","
                    + str("node") + ":" + str(code) + "," + str("note") + ":null}}";
            return append("CASE_EVENT", caseId, at, payload);
        }
    }

    /** TimelineDigest.next: SHA-256 of the previous digest, a newline and the event's id (origin#seq). */
    static String digestNext(String previous, String eventId) {
        return sha256hex((previous + "\n" + eventId).getBytes(StandardCharsets.UTF_8));
    }

    /** A village: registers cases into its chain and hands them to its township on its own tick. */
    static final class Village {
        final NetworkBench bench;
        final String code;
        final Child township;
        final Chain chain;
        final List<Entry> unsent = new ArrayList<>();

        Village(NetworkBench bench, String code, Child township) {
            this.bench = bench;
            this.code = code;
            this.township = township;
            this.chain = new Chain(code);
        }

        synchronized void register() {
            Entry e = chain.register();
            bench.track(e, e.entity(), "registration", "villages under simulated townships");
            unsent.add(e);
        }

        /** The village's sync tick: what it has goes to its township, which keeps it and relays it at once. */
        void tick() {
            List<Entry> batch;
            synchronized (this) {
                if (unsent.isEmpty()) {
                    return;
                }
                batch = new ArrayList<>(unsent);
                unsent.clear();
            }
            township.receive(code, batch);
        }
    }

    /** A direct child of the district (a department or a township) and its sync agent. */
    static final class Child {
        final NetworkBench bench;
        final String code;
        final String kind;
        final String secret = secret();
        final Chain chain;
        final List<Village> villages = new ArrayList<>();
        /** The outbox: entries as JSON with their path, in position order. */
        final List<String> outbox = new ArrayList<>();
        /** The highest sequence held here per origin (the "heads" a push carries every ten seconds). */
        final Map<String, Long> heldHere = new LinkedHashMap<>();
        int acked;
        long cursor;
        long headsSent;
        int failures;
        boolean woken;
        final Thread thread;

        /** The node this child pushes to and pulls from: the district, or the real township for its villages. */
        Node parent;
        /** What the figures group it with. */
        String group;

        Child(NetworkBench bench, String code, String kind) {
            this.bench = bench;
            this.code = code;
            this.kind = kind;
            this.chain = new Chain(code);
            this.thread = new Thread(this::agent, "agent-" + code);
            this.thread.setDaemon(true);
        }

        synchronized Entry registerOwn() {
            Entry e = chain.register();
            bench.track(e, e.entity(), "registration", group);
            keep(e, str(code));
            return e;
        }

        /** 受理 of its own case, on the copy as registered (version 1). */
        synchronized void acceptOwn(Entry registration) {
            String digest = digestNext("", registration.origin() + "#" + registration.seq());
            Entry e = chain.step(registration.entity(), 1, digest, "ACCEPTED", "handler", "基准承办人", "科员");
            bench.track(e, registration.entity(), "step", group);
            keep(e, str(code));
        }

        private void keep(Entry e, String path) {
            outbox.add(e.json(path));
            heldHere.put(e.origin(), e.seq());
        }

        /** A village's push arriving: kept at the next outbox positions with this node on the path. */
        void receive(String village, List<Entry> entries) {
            synchronized (this) {
                for (Entry e : entries) {
                    keep(e, str(village) + "," + str(code));
                }
            }
            wake();
        }

        synchronized void wake() {
            woken = true;
            notifyAll();
        }

        void agent() {
            long next = System.currentTimeMillis() + ThreadLocalRandom.current().nextLong(bench.intervalMillis);
            while (!bench.stopping) {
                synchronized (this) {
                    long now;
                    while (!woken && (now = System.currentTimeMillis()) < next && !bench.stopping) {
                        try {
                            wait(next - now);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    woken = false;
                }
                if (bench.stopping) {
                    return;
                }
                long delay;
                try {
                    while (pushOnce()) {
                        // full batches: keep going
                    }
                    while (pullOnce()) {
                        // full batches: keep going
                    }
                    failures = 0;
                    delay = bench.intervalMillis;
                } catch (Exception e) {
                    failures++;
                    bench.errors.add(code + ": " + e.getMessage());
                    long base = bench.intervalMillis * (1L << Math.min(failures, 16));
                    delay = (long) (Math.min(base, bench.backoffMaxMillis)
                            * (0.5 + ThreadLocalRandom.current().nextDouble() / 2));
                }
                next = System.currentTimeMillis() + delay;
            }
        }

        boolean pushOnce() throws Exception {
            List<String> batch;
            String heads = null;
            synchronized (this) {
                if (acked >= outbox.size()) {
                    return false;
                }
                batch = new ArrayList<>(outbox.subList(acked, Math.min(outbox.size(), acked + bench.batchSize)));
                if (System.currentTimeMillis() - headsSent >= HEADS_EVERY_MILLIS) {
                    StringBuilder h = new StringBuilder();
                    for (Map.Entry<String, Long> e : heldHere.entrySet()) {
                        h.append(h.length() == 0 ? "" : ",").append(str(e.getKey())).append(':').append(e.getValue());
                    }
                    heads = "{" + h + "}";
                }
            }
            byte[] body = ("{" + str("node") + ":" + str(code) + "," + str("entries") + ":[" + String.join(",", batch)
                    + "]" + (heads == null ? "" : "," + str("heads") + ":" + heads) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> r = signed("POST", "/api/v1/sync/push", body);
            bench.pushCalls.incrementAndGet();
            if (r.statusCode() != 200) {
                throw new IOException("push answered " + r.statusCode() + ": " + r.body());
            }
            Map<String, Object> answer = json(r.body());
            long took = number(answer.get("accepted"));
            long refusedHere = number(answer.get("refused"));
            long dup = number(answer.get("duplicates"));
            bench.pushed.addAndGet(batch.size());
            bench.accepted.addAndGet(took);
            bench.refused.addAndGet(refusedHere);
            bench.duplicates.addAndGet(dup);
            if (refusedHere > 0) {
                bench.errors.add(code + ": " + refusedHere + " refused: " + r.body());
            }
            synchronized (this) {
                acked += batch.size();
                if (heads != null) {
                    headsSent = System.currentTimeMillis();
                }
            }
            return batch.size() == bench.batchSize;
        }

        boolean pullOnce() throws Exception {
            String path = "/api/v1/sync/messages?after=" + cursor + "&limit=" + bench.batchSize;
            HttpResponse<String> r = signed("GET", path, new byte[0]);
            bench.pullCalls.incrementAndGet();
            if (r.statusCode() != 200) {
                throw new IOException("pull answered " + r.statusCode() + ": " + r.body());
            }
            Object list = json(r.body()).get("messages");
            List<?> messages = list instanceof List<?> l ? l : List.of();
            for (Object o : messages) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) o;
                cursor = Math.max(cursor, number(m.get("seq")));
                bench.messagesPulled.incrementAndGet();
                if ("CASE".equals(m.get("type")) && m.get("payload") instanceof String payload) {
                    applyCopy(json(payload));
                }
            }
            return messages.size() == bench.batchSize;
        }

        /** A copy that brings an assignment to this unit is received (签收) on arrival, as NodePolicy.onCopy does. */
        void applyCopy(Map<String, Object> copy) {
            String id = (String) copy.get("id");
            Assignment a = bench.assigned.get(id);
            if (a == null || a.to != this || !code.equals(copy.get("owner")) || !"TRIAGED".equals(copy.get("status"))
                    || a.receivedSeq != 0) {
                return;
            }
            a.pulled = System.nanoTime();
            int version = (int) number(copy.get("version"));
            String digest = "";
            Object timeline = copy.get("timeline");
            for (Object ev : timeline instanceof List<?> l ? l : List.of()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> event = (Map<String, Object>) ev;
                digest = digestNext(digest, (String) event.get("id"));
            }
            Entry received;
            synchronized (this) {
                received = chain.step(id, version, digest, "RECEIVED", "system", "系统自动督办", null);
                bench.track(received, id, "step", group);
                keep(received, str(code));
            }
            a.receivedSeq = received.seq();
            String afterReceipt = digestNext(digest, code + "#" + received.seq());
            long later = 5000 + ThreadLocalRandom.current().nextLong(25_000);
            bench.clock.schedule(() -> bench.guard(() -> {
                synchronized (this) {
                    Entry e = chain.step(id, version + 1, afterReceipt, "ACCEPTED", "handler", "基准承办人", "科员");
                    bench.track(e, id, "step", group);
                    keep(e, str(code));
                    a.acceptedSeq = e.seq();
                }
                bench.todo.decrementAndGet();
            }), later, TimeUnit.MILLISECONDS);
        }

        HttpResponse<String> signed(String method, String pathAndQuery, byte[] body) throws Exception {
            return Node.HTTP.send(Signing.request(parent.baseUrl(), method, pathAndQuery, code, secret, body),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    // --- figures -----------------------------------------------------------------------------------

    void report(double boot, double wall, long cpuMillis, long benchCpuMillis, int outstanding,
            Map<String, Object> status) {
        List<Double> regs = new ArrayList<>();
        List<Double> steps = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        Map<String, List<Double>> byGroup = new LinkedHashMap<>();
        for (String g : List.of("villages under simulated townships", "villages under the real township",
                "townships (simulated), own", "the real township, own (REST)", "departments")) {
            byGroup.put(g + ", registrations", new ArrayList<>());
            byGroup.put(g + ", steps", new ArrayList<>());
        }
        for (Pending p : seen) {
            double s = secs(p.held - p.made);
            all.add(s);
            boolean reg = p.type.equals("registration");
            (reg ? regs : steps).add(s);
            byGroup.computeIfAbsent(p.group + (reg ? ", registrations" : ", steps"), k -> new ArrayList<>()).add(s);
        }
        Collections.sort(regs);
        Collections.sort(steps);
        Collections.sort(all);
        List<Double> down = new ArrayList<>();
        int downFailed = 0;
        for (Assignment a : assigned.values()) {
            if (a.failed != null) {
                downFailed++;
            } else if (a.pulled != 0) {
                down.add(secs(a.pulled - a.answered));
            }
        }
        Collections.sort(down);
        List<Double> held = new ArrayList<>();
        List<Double> readable = new ArrayList<>();
        for (double[] r : readBack) {
            held.add(r[0]);
            readable.add(r[1]);
        }
        Collections.sort(held);
        Collections.sort(readable);
        Object alarms = status.get("alarms");
        long simTownships = children.stream().filter(c -> c.kind.equals("TOWNSHIP")).count();
        long simDepartments = children.stream().filter(c -> c.kind.equals("DEPARTMENT")).count();
        long directChildren = simTownships + simDepartments + realTownships;

        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"nodes", "real: 1 district" + (realTownships > 0 ? ", 1 township (" + REAL_TOWNSHIP + ")"
                : "") + "; simulated: " + simDepartments + " departments, " + simTownships + " townships (relaying), "
                + (villages.size() + villagesPer * realTownships) + " villages (" + villagesPer + " per township"
                + (realTownships > 0 ? ", " + villagesPer + " of them under the real township" : "") + ")"});
        rows.add(new String[] {"entries made / pushed by the simulated nodes", made.get() + " / " + pushed.get()
                + " in " + pushCalls.get() + " signed pushes (" + pullCalls.get() + " pulls, " + messagesPulled.get()
                + " messages pulled)"});
        rows.add(new String[] {"  accepted / duplicates / refused (district" + (township != null ? ", and the real township"
                + " for its villages" : "") + ")",
                accepted.get() + " / " + duplicates.get() + " / " + refused.get() + (refused.get() == 0 ? ""
                : "  (must be 0)")});
        rows.add(new String[] {"  not held at the district at the end", String.valueOf(outstanding)});
        rows.add(new String[] {"visibility at the district, registrations (n=" + regs.size() + "): median / p99 / max",
                spread(regs)});
        rows.add(new String[] {"visibility at the district, steps 受理/签收 (n=" + steps.size() + "): median / p99 / max",
                spread(steps)});
        rows.add(new String[] {"visibility at the district, all (n=" + all.size() + "): median / p99 / max",
                spread(all)});
        for (Map.Entry<String, List<Double>> g : byGroup.entrySet()) {
            if (!g.getValue().isEmpty()) {
                Collections.sort(g.getValue());
                rows.add(new String[] {"  " + g.getKey() + " (n=" + g.getValue().size() + ")", spread(g.getValue())});
            }
        }
        rows.add(new String[] {"  read back by id (every 10th simulated registration, n=" + readable.size()
                + "): held / readable, median", readable.isEmpty() ? "n/a" : f2(pct(held, 50)) + " / "
                + f2(pct(readable, 50)) + " s"});
        rows.add(new String[] {"down: assigned at the district -> pulled by the department (n=" + down.size()
                + (downFailed > 0 ? ", " + downFailed + " failed" : "") + "): median / p99 / max", spread(down)});
        double above = cpuMillis - idleAfter * 1000 * wall;
        rows.add(new String[] {"district CPU over the day and the drain", f1(cpuMillis / 1000.0) + " s in " + f1(wall)
                + " s wall (" + f2(cpuMillis / 1000.0 / wall) + " cores), " + f2(all.isEmpty() ? 0
                : (double) cpuMillis / all.size()) + " ms per entry held"});
        rows.add(new String[] {"  of which above idle (warm idle after the day x wall)", f1(above / 1000.0) + " s, "
                + f2(all.isEmpty() ? 0 : above / all.size()) + " ms per entry held"});
        rows.add(new String[] {"district CPU idle: alone / " + directChildren + " children pulling every " + intervalMillis
                + " ms / + the bench polling status / the same after the day", f2(idle[0]) + " / " + f2(idle[1])
                + " / " + f2(idle[2]) + " / " + f2(idleAfter) + " s CPU per s"});
        if (township != null) {
            rows.add(new String[] {"real township CPU over the day and the drain", f1(townshipCpu / 1000.0) + " s ("
                    + f2(townshipCpu / 1000.0 / wall) + " cores)"});
        }
        rows.add(new String[] {"bench's own CPU (the simulated network, same cores)", f1(benchCpuMillis / 1000.0)
                + " s"});
        int alarmsInDay = 0;
        for (Object o : alarms instanceof List<?> l ? l : List.of()) {
            if (o instanceof Map<?, ?> a) {
                boolean inDay = Instant.parse(String.valueOf(a.get("lastAt"))).toEpochMilli() >= dayStartMillis;
                alarmsInDay += inDay ? 1 : 0;
                notes.add("alarm at the district " + (inDay ? "during the day" : "before the day") + ": " + a.get("kind")
                        + ", node " + a.get("node") + ", " + a.get("count") + " time(s): " + a.get("message"));
            }
        }
        rows.add(new String[] {"alarms at the district (status, newest 10): during the day / before it", alarmsInDay
                + " / " + ((alarms instanceof List<?> l ? l.size() : 0) - alarmsInDay)});
        Object refusedHeld = status.get("refused");
        rows.add(new String[] {"refused entries kept at the district (status, newest 10)",
                String.valueOf(refusedHeld instanceof List<?> l ? l.size() : 0)});
        rows.add(new String[] {"wall time: whole run / the day + drain", f1(elapsedMillis() / 1000.0) + " s / "
                + f1(wall) + " s"});
        if (!errors.isEmpty()) {
            rows.add(new String[] {"errors", errors.size() + ", first: " + errors.get(0)});
        }

        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        System.out.println();
        System.out.println("District network figures, " + DateTimeFormatter.ISO_INSTANT.format(Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)) + ", " + Runtime.getRuntime()
                .availableProcessors() + " cores, " + jvm + ", sync schedule as shipped (" + schedule + "), day of "
                + daySeconds + " s, status polled every " + pollMillis + " ms");
        int w = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        for (String[] r : rows) {
            System.out.printf("%-" + w + "s | %s%n", r[0], r[1]);
        }
        System.out.println();
        for (String n : notes) {
            System.out.println("* " + n);
        }
        System.out.println("* district ready " + f1(boot) + " s after its start; its supervision scan first runs a minute"
                + " after start, inside the measured CPU");
        System.out.println("* visibility: from the moment a simulated node made the entry (registered or stepped) to the"
                + " first GET /api/v1/sync/status (every " + pollMillis + " ms, " + statusCalls.get() + " calls, in the"
                + " district CPU) whose held[origin] reached it; includes waiting for the node's tick (for a village"
                + " under a simulated township, that township's push, woken at once), the push and the district's"
                + " store; a simulated township takes its villages' entries in no time (a real one stores them first:"
                + " compare the villages under the real township). The real township's own cases are made over its"
                + " REST API (from its 201/200) and polled for by id at the district (GET /api/v1/petitions/{id}, its"
                + " status for an acceptance)");
        System.out.println("* all on 127.0.0.1 on this one machine: the district, " + (township != null ? "the real township "
                : "") + "and the simulated network share the cores; nodes in the field run on separate machines");
        System.out.flush();
    }

    static String spread(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return "n/a";
        }
        return f2(pct(sorted, 50)) + " / " + f2(pct(sorted, 99)) + " / " + f2(sorted.get(sorted.size() - 1)) + " s";
    }

    // --- the district ------------------------------------------------------------------------------

    void stopAll() {
        stopping = true;
        if (clock != null) {
            clock.shutdownNow();
        }
        for (Child c : children) {
            c.wake();
        }
        for (Node n : new Node[] {township, district}) {
            if (n != null && n.alive()) {
                log("stopping " + n.home.getFileName());
                try {
                    n.stop();
                } catch (Exception e) {
                    System.err.println("stopping " + n.home.getFileName() + ": " + e);
                    n.kill();
                }
            }
        }
    }

    void kill() {
        if (township != null) {
            township.kill();
        }
        if (district != null) {
            district.kill();
        }
    }

    /**
     * CPU time used so far by a node's processes (bin/karaf and the JVM it starts), in ms, from
     * utime + stime of /proc/<pid>/stat (clock ticks of 1/100 s).
     */
    static long cpuMillis(Node n) {
        Process p = n.process;
        if (p == null) {
            return 0;
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(p.toHandle()), p.descendants())
                .mapToLong(h -> procCpuMillis(h.pid())).sum();
    }

    static long procCpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(3) ... utime(14) stime(15)
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
