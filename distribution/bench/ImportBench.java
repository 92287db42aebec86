import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Import figures (issue 13.5): a fresh district from its distribution imports N generated historic rows
 * (default 100,000) from one CSV file through POST /api/v1/imports, and the rate is printed: the dry run,
 * the import (rows/s, with progress as the job reports it), and the same file again (nothing new, every row
 * found by its key). Prints, never asserts on timing. Run through import-figures.sh.
 */
public class ImportBench {
    static final String VERSION = "0.1.0-SNAPSHOT";
    static final String PASSWORD = "Import-bench-admin-pw-" + Long.toHexString(System.nanoTime() & 0xffffffL);
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final String[] CHANNELS = {"来访", "来信", "网上", "电话"};
    static final String[] KINDS = {"申诉求决", "申诉求决", "建议意见", "检举控告"};
    static final String[] RESULTS = {"支持", "解释说明", "不支持", "调解", "办结"};
    static final String[] UNITS = {"清河镇", "白沙街道", "区人力资源和社会保障局", "区住房和城乡建设局", ""};
    static final String[] CATEGORIES = {"劳动社保", "城乡建设", "农村农业", "自然资源", "卫生健康"};

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".").toAbsolutePath().normalize();
        int rows = 100_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: ImportBench [--root DIR] [--rows N]   (default 100000)");
                    System.exit(2);
                }
            }
        }
        Path archive = root.resolve("distribution/district/target/xinfang-district-" + VERSION + ".tar.gz");
        Path home = root.resolve("target/bench-import/district");
        run("rm", "-rf", home.toString());
        Files.createDirectories(home);
        run("tar", "xzf", archive.toString(), "-C", home.toString(), "--strip-components=1");
        int http = freePort();
        rewrite(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(http));
        rewrite(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(freePort()));
        String base = "http://127.0.0.1:" + http;

        byte[] file = generate(rows);
        System.out.printf("Import figures, %s, %d cores, %s %s%n", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"));
        System.out.printf("file: %,d rows, %.1f MB (UTF-8 with BOM), every row good, one district (fresh Derby)%n", rows,
                file.length / 1e6);

        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("console.log").toFile());
        pb.environment().put("XINFANG_ADMIN_PASSWORD", PASSWORD);
        Process karaf = pb.start();
        try {
            awaitReady(base, karaf);
            String source = URLEncoder.encode("基准测试台账", StandardCharsets.UTF_8);

            long t0 = System.nanoTime();
            HttpResponse<String> dry = post(base + "/api/v1/imports?dryRun=true&source=" + source, file);
            double dryS = (System.nanoTime() - t0) / 1e9;
            check(dry, 200);
            System.out.printf("dry run (read, check every row, look up every key): %s rows/s (%.1f s) — %s%n",
                    rate(rows, dryS), dryS, counts(dry.body(), "valid", "invalid", "duplicates"));

            double importS = importOnce(base, source, file, rows, true);
            System.out.printf("import (batches of 100 rows per transaction, each row with its two journal entries): %s rows/s (%.1f s)%n",
                    rate(rows, importS), importS);
            double againS = importOnce(base, source, file, rows, false);
            System.out.printf("the same file again (each row found by its key, nothing stored): %s rows/s (%.1f s)%n",
                    rate(rows, againS), againS);
            HttpResponse<String> list = get(base + "/api/v1/petitions?status=ARCHIVED&limit=1");
            System.out.printf("cases held as 历史办结 afterwards: %s%n", number(list.body(), "total"));
        } finally {
            new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                    .waitFor(30, TimeUnit.SECONDS);
            if (!karaf.waitFor(60, TimeUnit.SECONDS)) {
                karaf.descendants().forEach(ProcessHandle::destroyForcibly);
                karaf.destroyForcibly();
            }
        }
    }

    /** Starts an import and follows it to the end; the seconds from the upload to DONE. */
    static double importOnce(String base, String source, byte[] file, int rows, boolean progress) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> started = post(base + "/api/v1/imports?source=" + source, file);
        check(started, 202);
        String id = string(started.body(), "id");
        long lastPrint = System.nanoTime();
        while (true) {
            Thread.sleep(500);
            HttpResponse<String> job = get(base + "/api/v1/imports/" + id);
            check(job, 200);
            String state = string(job.body(), "state");
            if (progress && System.nanoTime() - lastPrint > 15e9) {
                lastPrint = System.nanoTime();
                long done = number(job.body(), "processed");
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("  … %,d / %,d after %.0f s (%s rows/s so far)%n", done, rows, s, rate(done, s));
            }
            if (state.equals("DONE") || state.equals("FAILED")) {
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("  %s: %s%n", state, counts(job.body(), "imported", "skipped", "failed"));
                return s;
            }
        }
    }

    /** Rows as an old register would hold them: varied channels, kinds, results and units, dates from 2015 on. */
    static byte[] generate(int rows) {
        StringBuilder b = new StringBuilder("\uFEFF原编号,登记日期,信访形式,信访类别,信访人,电话,人数,问题分类,标题,诉求内容,责任单位,办理结果,办结日期\r\n");
        LocalDate first = LocalDate.of(2015, 1, 1);
        for (int i = 0; i < rows; i++) {
            LocalDate received = first.plusDays(i % 3000);
            b.append("BENCH-").append(i).append(',').append(received).append(',').append(CHANNELS[i % 4]).append(',')
                    .append(KINDS[i % 4]).append(",信访人").append(i % 997).append(",1370000").append(String.format("%04d", i % 10000))
                    .append(',').append(1 + i % 7).append(',').append(CATEGORIES[i % 5]).append(",历史事项").append(i)
                    .append(",\"反映的问题，第").append(i).append("件，已按当时的规定办理\",").append(UNITS[i % 5]).append(',')
                    .append(RESULTS[i % 5]).append(',').append(received.plusDays(10 + i % 50)).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void awaitReady(String base, Process karaf) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            if (!karaf.isAlive()) {
                throw new IllegalStateException("the district exited; see target/bench-import/district");
            }
            try {
                HttpResponse<String> r = get(base + "/api/v1/node");
                if (r.statusCode() == 200 && !r.body().isBlank()) {
                    // the import bundle comes up with the district's features; wait for its address too
                    if (get(base + "/api/v1/imports/none").statusCode() == 404) {
                        return;
                    }
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the district was not ready within 240 s");
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(String url, byte[] body) throws Exception {
        return HTTP.send(request(url).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static void check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException("HTTP " + r.statusCode() + " from " + r.uri() + ": "
                    + r.body().substring(0, Math.min(500, r.body().length())));
        }
    }

    static String counts(String json, String... keys) {
        StringBuilder b = new StringBuilder();
        for (String k : keys) {
            b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(String.format("%,d", number(json, k)));
        }
        return b.toString();
    }

    static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static String string(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + key + " in " + json);
        }
        return m.group(1);
    }

    static String rate(long count, double seconds) {
        return String.format("%,.0f", count / Math.max(seconds, 1e-9));
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
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("failed: " + String.join(" ", command));
        }
    }
}
