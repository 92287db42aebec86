package sync;

import static shared.Figures.f1;
import static shared.Figures.f2;
import static shared.Figures.log;
import static shared.Figures.secs;
import static shared.Json.json;
import static sync.Cluster.heldOf;
import static sync.Cluster.petition;
import static sync.Report.ms;
import static sync.Report.rate;
import static sync.Report.verdict;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shared.Node;

/**
 * Village -> township -> district after a district outage: petitions registered at the real village over
 * REST while the district is down reach the township, then the district once it is back; how long the
 * township's backoff waits and how fast the relay runs once it is under way.
 */
final class Outage {
    final SyncBench bench;
    final Cluster cluster;
    final Node district;
    final Node township;
    final Node village;
    final List<String[]> rows;
    final List<String[]> diagnostics;
    final List<String> notes;
    final int relayCount;
    final long pollMillis;

    Outage(SyncBench bench) {
        this.bench = bench;
        this.cluster = bench.cluster;
        this.district = cluster.district;
        this.township = cluster.township;
        this.village = cluster.village;
        this.rows = bench.report.rows;
        this.diagnostics = bench.report.diagnostics;
        this.notes = bench.report.notes;
        this.relayCount = bench.relayCount;
        this.pollMillis = bench.pollMillis;
    }

    void villageToDistrict() throws Exception {
        log("village -> district: stopping the district (bin/stop)");
        district.stop();
        long before = heldOf(village, SyncBench.VILLAGE);
        log("registering " + relayCount + " petitions at the village over REST (one connection)");
        long r0 = System.nanoTime();
        long stopAt = r0 + Math.min(150_000L, Math.max(20_000L, bench.remainingMillis() - 300_000L)) * 1_000_000L;
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
        long target = heldOf(village, SyncBench.VILLAGE);
        if (target != before + registered) {
            notes.add("village holds " + target + " of its own entries after " + registered + " registrations");
        }
        log("village: " + rate(registered, regs) + "; waiting until the township holds " + SyncBench.VILLAGE + "#" + target);
        long w0 = System.nanoTime();
        cluster.awaitHeld(township, SyncBench.VILLAGE, target, Duration.ofSeconds(180), null);
        double toTownship = secs(System.nanoTime() - w0);

        log("starting the district again");
        long s0 = System.nanoTime();
        district.start();
        district.awaitReady();
        long ready = System.nanoTime();
        Map<String, Object> ts = json(township.get("/api/v1/sync/status"));
        List<long[]> seen = new ArrayList<>();
        long tAll = cluster.awaitHeld(district, SyncBench.VILLAGE, target, Duration.ofSeconds(240), seen);
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
                + ". The end-to-end figure counts from district readiness to held[" + SyncBench.VILLAGE + "]=" + target
                + " at the district: the township's backoff wait + the pushes of a batch"
                + " + verify/store/apply at the district + " + Math.max(pollMillis, 50)
                + " ms polling granularity (GET /api/v1/sync/status). Held at district (ms after ready: count): "
                + steps);
        log("village -> district: " + rate(count, endToEnd) + " end to end, wait " + f2(wait) + " s");
    }
}
