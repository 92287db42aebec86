package shared;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real node for the benchmarks: a tier distribution unpacked into a directory of its own, moved to free
 * loopback ports, started with {@code bin/karaf server} (the administrator's password from the environment),
 * called over HTTP as its administrator, and stopped with {@code bin/stop} as an operator would (killed when
 * that does not end it).
 */
public final class Node {
    public static final Duration BOOT_TIMEOUT = Duration.ofSeconds(240);
    public static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What the bench's messages call it: its tier. */
    public final String tier;
    public final Path home;
    public final int httpPort;
    private final String password;
    public volatile Process process;
    /** System.nanoTime() of the last start. */
    public long startedAt;

    private Node(String tier, Path home, int httpPort, String password) {
        this.tier = tier;
        this.home = home;
        this.httpPort = httpPort;
        this.password = password;
    }

    /** Unpacks {@code archive} into {@code dir} (emptied first) on free HTTP and SSH ports. */
    public static Node unpack(String tier, Path dir, Path archive, String password) throws Exception {
        if (Files.exists(dir)) {
            run("rm", "-rf", dir.toString());
        }
        Files.createDirectories(dir);
        run("tar", "xzf", archive.toString(), "-C", dir.toString(), "--strip-components=1");
        int http = freePort();
        int ssh = freePort();
        rewrite(dir.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(http));
        rewrite(dir.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(ssh));
        return new Node(tier, dir, http, password);
    }

    /** Points this node at its parent with the secret the parent will know it by; schedule untouched. */
    public void childOf(Node parent, String secret) throws IOException {
        rewrite(home.resolve("etc/org.xinfang.node.cfg"), "parent.url", parent.baseUrl());
        rewrite(home.resolve("etc/org.xinfang.sync.cfg"), "secret", secret);
    }

    /** Sets {@code key} in a configuration file; the key must be there. */
    public static void rewrite(Path cfg, String key, String value) throws IOException {
        String text = Files.readString(cfg, StandardCharsets.ISO_8859_1);
        String replaced = text.replaceAll("(?m)^" + Pattern.quote(key) + "\\s*=.*$",
                Matcher.quoteReplacement(key + " = " + value));
        if (replaced.equals(text)) {
            throw new IllegalStateException(key + " not found in " + cfg);
        }
        Files.writeString(cfg, replaced, StandardCharsets.ISO_8859_1);
    }

    /** The values of a configuration file in etc/ (key = value lines; comments left out). */
    public Map<String, String> config(String file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(home.resolve("etc").resolve(file), StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (!line.strip().startsWith("#") && eq > 0) {
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return values;
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

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("XINFANG_ADMIN_PASSWORD", password);
        startedAt = System.nanoTime();
        process = pb.start();
    }

    /** Waits for a 200 with a body from /api/v1/node; returns the seconds since start. */
    public double awaitReady() throws Exception {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(tier + " exited with " + process.exitValue() + "; see " + home
                        + "/console.log");
            }
            try {
                HttpResponse<String> r = get("/api/v1/node");
                if (r.statusCode() == 200 && !r.body().isBlank()) {
                    return (System.nanoTime() - startedAt) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(tier + " not ready within " + BOOT_TIMEOUT + "; see " + home);
    }

    public boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** CPU time the node has used so far (its JVM and the script that started it), in ms. */
    public long cpuMillis() {
        Process p = process;
        if (p == null) {
            return 0;
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(p.toHandle()), p.descendants())
                .mapToLong(h -> h.info().totalCpuDuration().map(Duration::toMillis).orElse(0L)).sum();
    }

    /** A call as the node's administrator. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + password)
                        .getBytes(StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    public HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Registers a child at this node (POST /api/v1/sync/children) with the secret it will sign its calls with. */
    public void registerChild(String child, String secret) throws Exception {
        HttpResponse<String> r = postJson("/api/v1/sync/children",
                "{\"node\": \"" + child + "\", \"secret\": \"" + secret + "\"}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("registering " + child + " at " + tier + ": " + r.statusCode() + " "
                    + r.body());
        }
    }

    /** bin/stop, as an operator would; killed if it has not gone within 60 s. */
    public void stop() throws Exception {
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

    public void kill() {
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
