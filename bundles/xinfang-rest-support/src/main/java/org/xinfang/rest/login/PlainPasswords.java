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
 * start's admin), at start and whenever the file changes. Karaf hashes the file itself once at start and then on
 * change, but only if the encryption service it names ({@code pbkdf2}, registered by this bundle) is there at
 * that moment: when Karaf gets there first — a slow or busy machine — it gives up for good, and Karaf then takes
 * every stored password for a hash, so an account whose password stayed plain can never log in again (and its
 * failures lock it). This closes that gap from this bundle's side, after the service exists.
 */
public final class PlainPasswords implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlainPasswords.class);
    private static final String PREFIX = "{CRYPT}";
    private static final String SUFFIX = "{CRYPT}";

    private final Path file;
    private final Pbkdf2Encryption encryption = new Pbkdf2Encryption(Pbkdf2Encryption.DEFAULT_ITERATIONS);
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
        if (!Files.exists(file)) {
            return 0;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>(lines.size());
        int hashed = 0;
        for (String line : lines) {
            String trimmed = line.strip();
            int eq = separator(line);
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!") || trimmed.startsWith("_g_")
                    || eq < 0) {
                out.add(line);
                continue;
            }
            String value = line.substring(eq + 1).strip();
            int comma = value.indexOf(',');
            String password = comma < 0 ? value : value.substring(0, comma);
            if (password.isEmpty() || password.startsWith(PREFIX) || password.contains("\\")) {
                out.add(line); // hashed already, or escaped (left to Karaf)
                continue;
            }
            String roles = comma < 0 ? "" : value.substring(comma);
            out.add(line.substring(0, eq).strip() + " = " + PREFIX + encryption.encryptPassword(password) + SUFFIX
                    + roles);
            hashed++;
        }
        if (hashed > 0) {
            Path tmp = file.resolveSibling(file.getFileName() + ".hashing");
            Files.write(tmp, out, StandardCharsets.ISO_8859_1);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system keeps no modes
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return hashed;
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
