package sync;

import static shared.Figures.f1;
import static shared.Figures.f2;
import static shared.Figures.log;
import static shared.Figures.secs;
import static shared.Json.json;
import static shared.Signing.secret;
import static sync.Report.ms;
import static sync.Report.rate;
import static sync.Report.verdict;
import static sync.SimVillage.body;
import static sync.SimVillage.check;
import static sync.SimVillage.push;
import static sync.SimVillage.signedPush;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import shared.Node;

/**
 * One hop: a simulated village pushes signed batches to the township (which relays them on to the district),
 * and a simulated township to the district (the top: nothing to relay); the rate, the CPU the receiving node
 * spent, and how often the township's sync agent ticks while idle.
 */
final class OneHop {
    final SyncBench bench;
    final Cluster cluster;
    final Node district;
    final Node township;
    final List<SimVillage> sims;
    final List<String[]> rows;
    final List<String[]> diagnostics;
    final List<String> notes;
    final int warmup;
    final int batch;
    final int hopEntries;

    OneHop(SyncBench bench) {
        this.bench = bench;
        this.cluster = bench.cluster;
        this.district = cluster.district;
        this.township = cluster.township;
        this.sims = cluster.sims;
        this.rows = bench.report.rows;
        this.diagnostics = bench.report.diagnostics;
        this.notes = bench.report.notes;
        this.warmup = bench.warmup;
        this.batch = bench.batch;
        this.hopEntries = bench.hopEntries;
    }

    void oneHop() throws Exception {
        SimVillage v = sims.get(0);
        hop(township, v, "1 hop: sim. village -> township (relaying on to the district)", true);
    }

    /** The top of the network: nothing to relay onward, so this is the parent's ingest alone. */
    void oneHopAtTop() throws Exception {
        SimVillage t = new SimVillage(SyncBench.OTHER_TOWNSHIP, secret());
        district.registerChild(t.code, t.secret);
        hop(district, t, "1 hop: sim. township " + SyncBench.OTHER_TOWNSHIP + " -> district (top, no relay)", false);
    }

    void hop(Node parent, SimVillage v, String label, boolean relayed) throws Exception {
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
            cluster.awaitHeld(district, v.code, v.seq, Duration.ofSeconds(Math.max(120, warmup / 50)), null);
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
            long firstMinute = Math.max(parent.startedAt, district.startedAt) + SyncBench.SCAN_AFTER_START_NANOS;
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
            long tAll = cluster.awaitHeld(district, v.code, v.seq, Duration.ofSeconds(120), null);
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
}
