package org.xinfang.rest.login;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hashes any password left in plain text in {@code etc/users.properties} (an operator's new account, the first
 * start's admin), at start and whenever the file changes. It is the only writer of those hashes: Karaf's own
 * hashing of the file is off ({@code encryption.enabled = false} in {@code etc/org.apache.karaf.jaas.cfg}), since
 * Karaf waited for the encryption service it names ({@code pbkdf2}, registered by this bundle) at every boot and
 * gave up for good when it got there first, leaving plain passwords that it then took for hashes.
 *
 * <p>A login does not wait for the sweep: {@link GuardLoginModule} hashes the password of the user logging in first
 * when it is still plain ({@link #hashUser}), so that an account an operator has just appended logs in at once and
 * its password is never refused (nor counted toward a lock) for being plain. Hashing takes a while (PBKDF2), and
 * the operator may append more lines meanwhile: a sweep writes back the file as it is then, with only the lines it
 * hashed replaced, so that nothing appended during it is lost.
 */
public final class PlainPasswords implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlainPasswords.class);
    private static final String PREFIX = "{CRYPT}";
    private static final String SUFFIX = "{CRYPT}";

    /** One sweep of a file at a time in this JVM: the schedule's and a login's. */
    private static final Object SWEEPING = new Object();
    private static final Pbkdf2Encryption ENCRYPTION = new Pbkdf2Encryption(Pbkdf2Encryption.DEFAULT_ITERATIONS);

    private final Path file;
    private final Pbkdf2Encryption encryption = ENCRYPTION;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "xinfang-plain-passwords");
        t.setDaemon(true);
        return t;
    });
    private long seen = -1;

    public PlainPasswords() {
        this(Path.of(System.getProperty("karaf.etc", "etc"), "users.properties"));
    }

    PlainPasswords(Path file) {
        this.file = file;
    }

    /** Sweeps now, then every two seconds when the file has changed. */
    public void start() {
        schedule.scheduleWithFixedDelay(this::sweepIfChanged, 0, 2, TimeUnit.SECONDS);
    }

    private void sweepIfChanged() {
        try {
            long modified = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : -1;
            if (modified != seen) {
                int hashed = sweep(file, encryption);
                if (hashed > 0) {
                    LOG.info("{} password(s) left in plain text in {} stored as salted hashes", hashed, file.getFileName());
                }
                seen = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : -1;
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot check {} for passwords in plain text: {}", file, e.toString());
        }
    }

    /**
     * Replaces each plain password of a user line ({@code name = password,role,…}; group lines {@code _g_\:…}
     * and comments left alone) by its salted hash between Karaf's markers.
     *
     * @return how many were hashed (0: the file is left untouched)
     */
    static int sweep(Path file, Pbkdf2Encryption encryption) throws IOException {
        return sweep(file, encryption, null);
    }

    /**
     * Hashes the password of {@code user} now if it is stored in plain text (with any other plain one), so that a
     * login of an account just appended is checked against its hash: Karaf reads the file at every login and takes
     * every stored password for a hash.
     *
     * @return true when the user's password was plain and is now hashed
     */
    static boolean hashUser(Path file, String user) {
        if (user == null || file == null) {
            return false;
        }
        try {
            if (!Files.exists(file) || !plainUsers(Files.readAllLines(file, StandardCharsets.ISO_8859_1)).contains(user)) {
                return false;
            }
            int hashed = sweep(file, ENCRYPTION, null);
            if (hashed > 0) {
                LOG.info("{} password(s) left in plain text in {} stored as salted hashes (a login of '{}')", hashed,
                        file.getFileName(), user);
            }
            return hashed > 0;
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot hash the plain password of a login in {}: {}", file, e.toString());
            return false;
        }
    }

    /**
     * The sweep; {@code betweenReadAndWrite} runs after the hashing and before the file is written back (a test's
     * hook: an operator appending meanwhile).
     */
    static int sweep(Path file, Pbkdf2Encryption encryption, Runnable betweenReadAndWrite) throws IOException {
        synchronized (SWEEPING) {
            if (!Files.exists(file)) {
                return 0;
            }
            // the hashing is slow: hash what is plain now, then write back the file as it is by then
            java.util.Map<String, String> replaced = new java.util.HashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                String hashed = hashed(line, encryption);
                if (hashed != null) {
                    replaced.put(line, hashed);
                }
            }
            if (replaced.isEmpty()) {
                return 0;
            }
            if (betweenReadAndWrite != null) {
                betweenReadAndWrite.run();
            }
            List<String> out = new ArrayList<>();
            int hashed = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                String h = replaced.get(line);
                out.add(h == null ? line : h);
                hashed += h == null ? 0 : 1;
            }
            if (hashed == 0) {
                return 0; // every line hashed meanwhile by someone else (Karaf's own encryption)
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".hashing");
            Files.write(tmp, out, StandardCharsets.ISO_8859_1);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system keeps no modes
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return hashed;
        }
    }

    /** The users whose password a file's lines store in plain text. */
    private static java.util.Set<String> plainUsers(List<String> lines) {
        java.util.Set<String> users = new java.util.HashSet<>();
        for (String line : lines) {
            if (plainPassword(line) != null) {
                users.add(line.substring(0, separator(line)).strip().replace("\\", ""));
            }
        }
        return users;
    }

    /** The plain password of a user line, or null (a comment, a group, hashed already, escaped, empty). */
    private static String plainPassword(String line) {
        String trimmed = line.strip();
        int eq = separator(line);
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!") || trimmed.startsWith("_g_")
                || eq < 0) {
            return null;
        }
        String value = line.substring(eq + 1).strip();
        int comma = value.indexOf(',');
        String password = comma < 0 ? value : value.substring(0, comma);
        if (password.isEmpty() || password.startsWith(PREFIX) || password.contains("\\")) {
            return null; // hashed already, or escaped (left to Karaf)
        }
        return password;
    }

    /** The line with its plain password hashed, or null when it has none. */
    private static String hashed(String line, Pbkdf2Encryption encryption) {
        String password = plainPassword(line);
        if (password == null) {
            return null;
        }
        int eq = separator(line);
        String value = line.substring(eq + 1).strip();
        int comma = value.indexOf(',');
        String roles = comma < 0 ? "" : value.substring(comma);
        return line.substring(0, eq).strip() + " = " + PREFIX + encryption.encryptPassword(password) + SUFFIX + roles;
    }

    /** The index of the first unescaped {@code =} or {@code :} of a properties line, or -1. */
    private static int separator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == '=' || ch == ':') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
