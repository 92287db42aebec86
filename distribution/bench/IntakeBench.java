/*
 * Intake figures (issue 16, point 1): registrations a second at one node over HTTP, as many clients at once,
 * with p50/p95 latency; beside it the disk's own rate of durable (fsync'd) small writes, measured in the same
 * run. Prints, never asserts. Run through intake-figures.sh, which boots the nodes, reads their CPU time and
 * kills them with -9 afterwards to count what survived.
 *
 *   java IntakeBench.java fsync <dir> <seconds>
 *   java IntakeBench.java load <baseUrl> <user> <password> <clients> <seconds> <ids-file>
 *   java IntakeBench.java floor <baseUrl> <user> <password> <clients> <seconds>
 *
 * "floor" is the anchor for the rate: the same clients asking the node for the least it answers with a login
 * (GET /api/v1/me: who is logged in), so that what HTTP, JAX-RS, the login check and the clients themselves cost on
 * this machine is printed beside what a registration costs on top of them.
 */

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class IntakeBench {
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "fsync" -> fsync(Path.of(args[1]), Integer.parseInt(args[2]));
            case "load" -> load(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Path.of(args[6]));
            case "floor" -> floor(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** Appends 512-byte records to a file, each forced to the disk before the next: what one commit costs. */
    static void fsync(Path dir, int seconds) throws IOException {
        Path file = dir.resolve("fsync-probe.bin");
        ByteBuffer record = ByteBuffer.allocate(512);
        long n = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (System.nanoTime() < end) {
                record.clear();
                ch.write(record);
                ch.force(false);
                n++;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("fsync %.0f%n", n / s);
    }

    static void load(String base, String user, String password, int clients, int seconds, Path idsFile)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        // warm the login cache and the JIT with a few registrations that are not counted
        for (int i = 0; i < 20; i++) {
            send(http, base, auth, -1, i);
        }
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                int i = 0;
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = send(http, base, auth, client, i++);
                        long took = System.nanoTime() - t0;
                        if (r.statusCode() == 201) {
                            Matcher m = ID.matcher(r.body());
                            if (m.find()) {
                                ids.add(m.group(1));
                            }
                            latencies.add(took);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        double s = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        Files.write(idsFile, ids);
        System.out.printf("created %d%nerrors %d%nrate %.0f%np50 %.1f%np95 %.1f%n", ids.size(), errors.get(),
                ids.size() / s, pct(sorted, 0.50), pct(sorted, 0.95));
    }

    /** Authenticated GET /api/v1/me from every client, as fast as answered: requests a second and p50. */
    static void floor(String base, String user, String password, int clients, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest me = HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth).GET().build();
        for (int i = 0; i < 200; i++) {
            http.send(me, HttpResponse.BodyHandlers.ofString());
        }
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        for (int c = 0; c < clients; c++) {
            new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = http.send(me, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            answered.incrementAndGet();
                            latencies.add(System.nanoTime() - t0);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        double s = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("answered %d%nerrors %d%nrate %.0f%np50 %.1f%n", answered.get(), errors.get(),
                answered.get() / s, pct(sorted, 0.50));
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size())) / 1e6;
    }

    private static HttpResponse<String> send(HttpClient http, String base, String auth, int client, int i)
            throws IOException, InterruptedException {
        String body = "{\"kind\": \"CLAIM\", \"channel\": \"ONLINE\", \"subject\": \"压测登记 " + client + "-" + i
                + "\", \"content\": \"小区停车费上涨，请求核查收费依据。\", \"receivedAt\": \"" + LocalDate.now()
                + "\", \"petitioners\": [{\"name\": \"测试" + client + "\", \"phone\": \"13800000000\"}]}";
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/petitions")).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
