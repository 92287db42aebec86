/*
 * Sync figures: throughput of one hop and of village -> township -> district, and the time from
 * registration at a village to visibility at the district with 1, 10 and 100 villages. Prints figures
 * beside the goals of the issue, never asserts. JDK only; sync-figures.sh compiles it with the sources it
 * shares with the network benchmark (../shared) and runs it:
 *
 *   distribution/bench/sync-figures.sh [--root DIR] [--work DIR] [--hop 2000] [--batch 500]
 *        [--relay 2000] [--villages 1,10,100] [--per 20,10,3] [--real 10] [--poll-ms 20]
 *        [--budget-s 540] [--warmup 500]
 *
 * What it measures, one file each: the real nodes and the simulated villages (Cluster), the load a simulated
 * village makes (SimVillage), one hop (OneHop), village -> district after an outage (Outage), the time to
 * visibility (Visibility), and the printed figures (Report). This file holds the options and the order of
 * the steps.
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

package sync;

import static shared.Figures.log;

import java.nio.file.Path;
import shared.Node;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

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
    final Report report = new Report();
    boolean stepFailed;
    final Cluster cluster = new Cluster(this);

    public static void main(String[] args) throws Exception {
        SyncBench b = new SyncBench();
        b.parse(args);
        Runtime.getRuntime().addShutdownHook(new Thread(b.cluster::killAll, "sync-bench-cleanup"));
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
            b.cluster.stopAll();
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
                    System.out.println("distribution/bench/sync-figures.sh [--root DIR] [--work DIR] [--hop 2000]"
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

    long remainingMillis() {
        return budgetSeconds * 1000 - (System.nanoTime() - startNanos) / 1_000_000;
    }


    // ---------------------------------------------------------------------------------------------

    void run() throws Exception {
        cluster.boot();
        OneHop hops = new OneHop(this);
        Outage outage = new Outage(this);
        Visibility visibility = new Visibility(this);
        Node township = cluster.township;
        Node district = cluster.district;

        step("ticks", () -> hops.tickRate(township, "after boot"));
        step("one hop", hops::oneHop);
        step("ticks", () -> hops.tickRate(township, "after the one-hop pushes"));
        step("one hop at the top", hops::oneHopAtTop);
        step("village -> district", outage::villageToDistrict);
        if (!district.alive()) {
            log("district is not running after the previous step; starting it again");
            district.start();
            district.awaitReady();
        }
        for (int i = 0; i < villageCounts.length; i++) {
            int k = villageCounts[i];
            int m = perVillage[i];
            step("visibility k=" + k, () -> visibility.simulated(k, m));
        }
        if (realVisibility > 0) {
            step("visibility real village", visibility::realVillage);
        }
        Thread.sleep(2000);
        step("ticks", () -> hops.tickRate(township, "at the end"));
    }

    interface Step {
        void run() throws Exception;
    }

    void step(String name, Step s) {
        if (remainingMillis() < 30_000) {
            report.rows.add(new String[] {name, "skipped: time budget nearly used", "", ""});
            return;
        }
        try {
            s.run();
        } catch (Exception e) {
            stepFailed = true;
            log("step '" + name + "' failed: " + e);
            e.printStackTrace(System.out);
            report.rows.add(new String[] {name, "n/a (failed: " + e.getMessage() + ")", "", ""});
        }
    }


    synchronized void printTable() {
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        report.print("Sync figures, " + DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS)) + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, " + jvm + ", default sync schedule (" + cluster.schedule + "), warm-up " + warmup
                + " entries per one-hop step" + (warmup > batch ? " (steady state)" : " (one batch: nodes just booted)"));
    }
}
