package org.xinfang.itests;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real tier distribution, unpacked from its tar.gz into a fresh directory and started as a
 * separate process on free loopback ports, as an operator would start it.
 */
final class TierNode implements AutoCloseable {
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(180);

    final String tier;
    final Path home;
    final int httpPort;
    final String user = "admin";
    private String password;
    private Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TierNode(String tier, Path home, int httpPort) {
        this.tier = tier;
        this.home = home;
        this.httpPort = httpPort;
    }

    /** Unpacks the tier's distribution into a new directory and moves it to free ports. */
    static TierNode unpack(String tier, String name) throws IOException, InterruptedException {
        String version = System.getProperty("xinfang.version");
        Path archive = Path.of(System.getProperty("xinfang.dist.dir"), tier, "target",
                "xinfang-" + tier + "-" + version + ".tar.gz");
        Path dir = Path.of(System.getProperty("xinfang.work.dir"), name);
        if (Files.exists(dir)) {
            run("rm", "-rf", dir.toString());
        }
        Files.createDirectories(dir);
        run("tar", "xzf", archive.toString(), "-C", dir.toString(), "--strip-components=1");
        int http = freePort();
        int ssh = freePort();
        rewrite(dir.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(http));
        rewrite(dir.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(ssh));
        TierNode node = new TierNode(tier, dir, http);
        PostgreSql district = PostgreSql.forDistricts();
        if (tier.equals("district") && district != null) {
            node.onPostgreSql(district.fresh(name));
        }
        return node;
    }

    /**
     * A PostgreSQL database for districts, named by {@code -Dxinfang.it.district.jdbc.url} (with {@code .user} and
     * {@code .password}; .ci/run creates one): every district a test unpacks then runs on it, each in a schema of its
     * own, and the other tiers on their embedded Derby.
     */
    record PostgreSql(String url, String user, String password) {
        static PostgreSql forDistricts() {
            String url = System.getProperty("xinfang.it.district.jdbc.url", "");
            return url.isBlank() ? null : new PostgreSql(url, System.getProperty("xinfang.it.district.jdbc.user", ""),
                    System.getProperty("xinfang.it.district.jdbc.password", ""));
        }

        /** An empty schema named after the node (dropped first if an earlier run left it), as a URL that selects it. */
        PostgreSql fresh(String nodeName) throws IOException {
            String schema = nodeName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_");
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user, password);
                 java.sql.Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                st.execute("CREATE SCHEMA " + schema);
            } catch (java.sql.SQLException e) {
                throw new IOException("cannot prepare schema " + schema + " in " + url, e);
            }
            return new PostgreSql(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
        }

        java.sql.Connection connect() throws java.sql.SQLException {
            return java.sql.DriverManager.getConnection(url, user, password);
        }
    }

    /** The database this node was moved to before its first start; null: the embedded Derby it ships with. */
    private PostgreSql postgreSql;

    PostgreSql postgreSql() {
        return postgreSql;
    }

    /**
     * Moves this node, before its first start, to a PostgreSQL database as docs/postgresql.md tells an operator: the
     * feature xinfang-store-postgresql among the boot features (Derby is then left out) and the datasource file
     * pointed at the server.
     */
    TierNode onPostgreSql(PostgreSql database) throws IOException {
        Path features = home.resolve("etc/org.apache.karaf.features.cfg");
        String text = Files.readString(features, StandardCharsets.ISO_8859_1);
        String boot = text.replaceFirst("(?m)^featuresBoot\\s*=\\s*\\\\\n",
                "featuresBoot = \\\\\n    xinfang-store-postgresql, \\\\\n");
        if (boot.equals(text)) {
            throw new IllegalStateException("featuresBoot not found in " + features);
        }
        Files.writeString(features, boot, StandardCharsets.ISO_8859_1);
        Files.writeString(home.resolve("etc/org.ops4j.datasource-xinfang.cfg"), String.join("\n",
                "osgi.jdbc.driver.name = PostgreSQL JDBC Driver",
                "url = " + database.url(),
                "user = " + database.user(),
                "password = " + database.password(),
                "dataSourceName = xinfang",
                "pool = hikari",
                "xa = false",
                "hikari.maximumPoolSize = 10",
                ""), StandardCharsets.ISO_8859_1);
        this.postgreSql = database;
        return this;
    }

    /**
     * Where each bundle installed in this node came from ({@code mvn:group/artifact/version}), read from the OSGi
     * framework's bundle cache (Apache Felix keeps it in data/cache/bundle<id>/bundle.info, second line).
     */
    java.util.Set<String> bundleLocations() throws IOException {
        java.util.Set<String> locations = new java.util.TreeSet<>();
        try (java.util.stream.Stream<Path> dirs = Files.list(home.resolve("data/cache"))) {
            for (Path info : dirs.map(d -> d.resolve("bundle.info")).filter(Files::isRegularFile).toList()) {
                java.util.List<String> lines = Files.readAllLines(info, StandardCharsets.UTF_8);
                if (lines.size() > 1) {
                    locations.add(lines.get(1).strip());
                }
            }
        }
        return locations;
    }

    /**
     * Waits until {@code condition} holds, polling every 250 ms, or fails naming {@code what}. A condition that
     * throws NullPointerException has not come true yet: a node that does not hold a case yet answers 404,
     * whose body has none of a case's fields.
     */
    static void await(String what, Duration patience, java.util.concurrent.Callable<Boolean> condition)
            throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            boolean holds;
            try {
                holds = condition.call();
            } catch (NullPointerException notYet) {
                holds = false;
            }
            if (holds) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not within " + patience + ": " + what);
    }

    /** Points this node at its parent and gives it the sync secret the parent will know it by. */
    TierNode childOf(TierNode parent, String secret) throws IOException {
        rewrite(home.resolve("etc/org.xinfang.node.cfg"), "parent.url", parent.baseUrl());
        Path sync = home.resolve("etc/org.xinfang.sync.cfg");
        rewrite(sync, "secret", secret);
        // tests wait for sync: a short schedule and a short backoff while the parent boots
        rewrite(sync, "interval.ms", "300");
        rewrite(sync, "backoff.max.ms", "1500");
        return this;
    }

    /**
     * Adds a staff user to etc/users.properties, before the first start or while the node runs, as an operator does
     * (Karaf keeps only a digest of the password once it has read it).
     */
    TierNode user(String name, String password, String... roles) throws IOException {
        // on a new line: once Karaf has rewritten the file with hashes, its last line has no line end
        Files.writeString(home.resolve("etc/users.properties"), "\n" + name + " = " + password + ","
                + String.join(",", roles) + "\n", StandardCharsets.ISO_8859_1, java.nio.file.StandardOpenOption.APPEND);
        return this;
    }

    /**
     * Names a staff account in etc/xinfang-staff.csv (name and title, as an operator keeps them): events
     * and sign-offs record the person. Works before or after the start (the node reads the file again).
     */
    TierNode person(String login, String name, String title) throws IOException {
        Files.writeString(home.resolve("etc/xinfang-staff.csv"), login + "," + name + "," + title + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        return this;
    }

    static void rewrite(Path cfg, String key, String value) throws IOException {
        String text = Files.readString(cfg, StandardCharsets.ISO_8859_1);
        String replaced = text.replaceAll("(?m)^" + java.util.regex.Pattern.quote(key) + "\\s*=.*$", key + " = " + value);
        if (replaced.equals(text)) {
            throw new IllegalStateException(key + " not found in " + cfg);
        }
        Files.writeString(cfg, replaced, StandardCharsets.ISO_8859_1);
    }

    /** Ports handed out in this run: a node still booting has not bound its port yet, so it must not be offered again. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The lowest port handed out: above the well-known and the usual service ports (the demo's 82xx included). */
    static final int LOWEST = 10000;

    /**
     * A loopback port that is free now and outside the kernel's ephemeral range: a port from
     * {@code new ServerSocket(0)} lies inside it, where any outgoing connection (a node's own sync client
     * included) may take it before the node binds it. Picked at random, so that two test runs on one machine
     * rarely meet.
     */
    static int freePort() throws IOException {
        int[] ephemeral = ephemeralRange(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
        return freePort(ephemeral[0], ephemeral[1], java.util.concurrent.ThreadLocalRandom.current());
    }

    static int freePort(int ephemeralLow, int ephemeralHigh, java.util.Random random) throws IOException {
        return freePort(outside(ephemeralLow, ephemeralHigh), random);
    }

    /** The spans of ports from {@link #LOWEST} to 65535 that lie outside [low, high]. */
    static java.util.List<int[]> outside(int low, int high) {
        java.util.List<int[]> spans = new java.util.ArrayList<>();
        if (low - 1 >= LOWEST) {
            spans.add(new int[] {LOWEST, low - 1});
        }
        if (high + 1 <= 65535) {
            spans.add(new int[] {Math.max(LOWEST, high + 1), 65535});
        }
        return spans;
    }

    /** A random port of the spans that is bindable on loopback now and not yet handed out. */
    static int freePort(java.util.List<int[]> spans, java.util.Random random) throws IOException {
        int size = spans.stream().mapToInt(s -> s[1] - s[0] + 1).sum();
        if (size <= 0) {
            throw new IOException("no port to choose from");
        }
        for (int attempt = 0; attempt < 1000; attempt++) {
            int n = random.nextInt(size);
            int port = -1;
            for (int[] span : spans) {
                int width = span[1] - span[0] + 1;
                if (n < width) {
                    port = span[0] + n;
                    break;
                }
                n -= width;
            }
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IOException("no free port in " + size + " candidates");
    }

    /** The kernel's ephemeral range; Linux's default where the file is missing (another OS, a container). */
    static int[] ephemeralRange(Path file) {
        try {
            String[] parts = Files.readString(file).trim().split("\\s+");
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (IOException | RuntimeException unreadable) {
            return new int[] {32768, 60999};
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IOException("failed: " + String.join(" ", command));
        }
    }

    /**
     * Starts the node. With a password the operator supplies it; without, the node generates one
     * at first start and this reads it from etc/admin.password.
     */
    TierNode start(String adminPassword) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile()).redirectErrorStream(true)
                // inherited output would corrupt the test runner's channel
                .redirectOutput(home.resolve("console.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("XINFANG_ADMIN_PASSWORD");
        if (adminPassword != null) {
            env.put("XINFANG_ADMIN_PASSWORD", adminPassword);
        }
        this.password = adminPassword;
        process = pb.start();
        return this;
    }

    /** Waits until /api/v1/node answers 200 with a body (CXF once answered 200 with an empty body while booting). */
    TierNode awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(tier + " exited with " + process.exitValue() + "; see " + home);
            }
            if (password == null && Files.exists(home.resolve("etc/admin.password"))) {
                password = Files.readString(home.resolve("etc/admin.password")).strip();
            }
            if (password != null && adminHashed()) {
                try {
                    HttpResponse<String> r = get("/api/v1/node");
                    if (r.statusCode() == 200 && !r.body().isBlank()) {
                        return this;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(tier + " not ready within " + BOOT_TIMEOUT + (adminHashed() ? ""
                : " (its admin password is still in plain text in etc/users.properties: Karaf's auto-encryption"
                        + " ran before the node's pbkdf2 service was there)") + "; see " + home);
    }

    /**
     * Whether Karaf has replaced the admin password in etc/users.properties by its hash. Until then every login
     * fails (the realm compares against a hash) and counts towards the account's lock: on a loaded machine the
     * hash (PBKDF2, 310,000 rounds) takes seconds after the REST API answers, and ten polls in that time locked
     * the admin out for 15 minutes. An operator logs in once the node has started; the test waits the same way.
     */
    private boolean adminHashed() {
        try {
            String users = Files.readString(home.resolve("etc/users.properties"), StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher admin = java.util.regex.Pattern.compile("(?m)^admin\\s*=\\s*(\\S*)").matcher(users);
            return !admin.find() || admin.group(1).startsWith("{CRYPT}");
        } catch (IOException notYet) {
            return false;
        }
    }

    String password() {
        return password;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user, password));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /**
     * Registers a child node's secret here, as an operator does: the sync endpoints may come up a moment after
     * /api/v1/node answers (404 until then), so a 404 is asked again for up to a minute.
     */
    HttpResponse<String> registerChild(String child, String secret) throws IOException, InterruptedException {
        String body = "{\"node\": \"" + child + "\", \"secret\": \"" + secret + "\"}";
        HttpResponse<String> r = postJson("/api/v1/sync/children", body);
        for (int i = 0; i < 120 && r.statusCode() == 404; i++) {
            Thread.sleep(500);
            r = postJson("/api/v1/sync/children", body);
        }
        return r;
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    /** A GET as another staff account of this node. */
    HttpResponse<String> getAs(String login, String password, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(login, password)).GET().build());
    }

    /** A POST as another staff account of this node. */
    HttpResponse<String> postJsonAs(String login, String password, String path, String json)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(login, password)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    /**
     * A GET sent from another loopback address ({@code 127.0.0.2}, ...; Linux answers the whole 127/8), so
     * that a test can be a second client of the node: answers the status code. Java's HTTP client cannot
     * choose its source address, so this speaks HTTP/1.1 over a socket.
     */
    int statusFrom(String sourceAddress, String path, String login, String password) throws IOException {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.setSoTimeout(30_000);
            socket.bind(new java.net.InetSocketAddress(sourceAddress, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", httpPort), 10_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + httpPort + "\r\nAuthorization: "
                    + basic(login, password) + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException,
            InterruptedException {
        return http.send(request, body);
    }

    /** Kills the node as a power cut would: SIGKILL, no shutdown hooks, Derby not closed. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Freezes the node (SIGSTOP to it and its children) as a hung machine would be: it answers nothing
     * and calls no one until {@link #resume}, and keeps everything it had.
     */
    void pause() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** Lets a frozen node run again (SIGCONT). */
    void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String which) throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("kill", which, String.valueOf(process.pid())));
        process.descendants().forEach(p -> command.add(String.valueOf(p.pid())));
        run(command.toArray(String[]::new));
    }

    /** The arguments of the node's Java process (bin/karaf starts it as a child of the script), as the OS has them. */
    java.util.List<String> javaArguments() {
        return javaProcess().info().arguments().map(java.util.List::of)
                .orElseThrow(() -> new IllegalStateException("the arguments of " + tier + "'s Java process are not known"));
    }

    /**
     * The Java options bin/setenv gives the node with these environment variables (and no other XINFANG_ ones):
     * the script sourced by sh as bin/karaf sources it, printing EXTRA_JAVA_OPTS.
     */
    String setenvOptions(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", ". \"$0\" && printf '%s' \"$EXTRA_JAVA_OPTS\"", "bin/setenv")
                .directory(home.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("XINFANG_") || k.equals("EXTRA_JAVA_OPTS"));
        pb.environment().putAll(environment);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("bin/setenv of " + tier + " failed: " + out);
        }
        return out;
    }

    /**
     * The names of the node JVM's threads as Linux keeps them (/proc/PID/task/TID/comm: the first 15 characters of
     * the Java thread's name).
     */
    java.util.List<String> threadNames() throws IOException {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(javaProcess().pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    names.add(Files.readString(task.resolve("comm")).strip());
                } catch (java.nio.file.NoSuchFileException ended) {
                    // the thread ended while listing
                }
            }
        }
        return names;
    }

    /** The node's JVM: bin/karaf's child (or the process itself). */
    private ProcessHandle javaProcess() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants())
                .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no Java process of " + tier + " found"));
    }

    /** Whether the node's process is running. */
    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Stops the node the way an operator does (bin/stop), and kills it if it will not go. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30,
                        TimeUnit.SECONDS);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
