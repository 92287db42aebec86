package sync;

import static shared.Figures.f2;
import static shared.Figures.log;
import static shared.Figures.pct;
import static shared.Figures.secs;
import static shared.Json.json;
import static shared.Json.number;
import static sync.Cluster.heldMap;
import static sync.Cluster.petition;
import static sync.Report.verdict;
import static sync.SimVillage.body;
import static sync.SimVillage.check;
import static sync.SimVillage.signedPush;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import shared.Node;

/**
 * The time from registration at a village to being readable at the district: with 1, 10 and 100 simulated
 * villages (each waits a random part of the 1 s schedule before pushing, as a real village does), and for
 * petitions registered at the real village over REST.
 */
final class Visibility {
    final SyncBench bench;
    final Node district;
    final Node township;
    final Node village;
    final List<SimVillage> sims;
    final List<String[]> rows;
    final List<String> notes;
    final int realVisibility;
    final long pollMillis;

    Visibility(SyncBench bench) {
        this.bench = bench;
        this.district = bench.cluster.district;
        this.township = bench.cluster.township;
        this.village = bench.cluster.village;
        this.sims = bench.cluster.sims;
        this.rows = bench.report.rows;
        this.notes = bench.report.notes;
        this.realVisibility = bench.realVisibility;
        this.pollMillis = bench.pollMillis;
    }

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

    void simulated(int k, int m) throws Exception {
        log("visibility: " + k + " simulated village(s) x " + m
                + " registrations, delay U[0,1000) ms before each push");
        Map<String, Pending> outstanding = new ConcurrentHashMap<>();
        List<Pending> done = new CopyOnWriteArrayList<>();
        List<String> errors = new CopyOnWriteArrayList<>();
        List<String> late = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger(k);
        long deadline = System.nanoTime() + Math.min(180_000L, Math.max(30_000L, bench.remainingMillis() - 60_000L))
                * 1_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            SimVillage v = sims.get(i);
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
            bench.stepFailed = true;
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
    void realVillage() throws Exception {
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
}
