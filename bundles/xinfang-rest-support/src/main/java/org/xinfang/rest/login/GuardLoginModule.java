package org.xinfang.rest.login;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountLockedException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.rest.support.LoginThrottle;

/**
 * The first module of the node's {@code karaf} realm (OSGI-INF/blueprint/rest.xml), in front of Karaf's own
 * password and key modules: refuses every login of a locked account or from a locked address
 * ({@link LoginThrottle}) before the password is looked at, counts the failures the modules after it report
 * (through {@link #abort}), holds the answer to a failure a little longer each time, and writes one line per
 * outcome with the client's address to the audit file ({@code audit.file} option,
 * {@code data/security/audit.log}). A password still stored in plain text for the user logging in (an account an
 * operator has just appended to the {@code users} file) is hashed first ({@link PlainPasswords#hashUser}): Karaf's
 * module takes every stored password for a hash, and would refuse the right one and count it toward a lock.
 *
 * <p>The address comes from the {@link ClientPrincipal} that Karaf's SSH server, and the REST filter for
 * HTTP Basic, put in the subject before the login. It returns false when it lets a login through, so it
 * decides nothing by itself: the password or key modules after it must succeed.
 */
public class GuardLoginModule implements LoginModule {
    private static final Logger LOG = LoggerFactory.getLogger(GuardLoginModule.class);

    private Subject subject;
    private CallbackHandler handler;
    private String auditFile;
    private Path usersFile;
    private String user;
    private String method;
    private String address;
    private boolean refused;
    private boolean keyAttempt;

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.handler = callbackHandler;
        Object file = options.get("audit.file");
        this.auditFile = file == null ? null : file.toString();
        Object users = options.get("users");
        this.usersFile = users == null ? null : Path.of(users.toString());
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("user: ");
        PasswordCallback password = new PasswordCallback("password: ", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (UnsupportedCallbackException e) {
            // SSH's public key attempt asks for no password: a key a client merely offers is no guess
            keyAttempt = true;
            try {
                handler.handle(new Callback[] {name});
            } catch (IOException | UnsupportedCallbackException again) {
                throw new LoginException("no user name: " + again.getMessage());
            }
        } catch (IOException e) {
            throw new LoginException("no user name: " + e.getMessage());
        } finally {
            password.clearPassword();
        }
        user = name.getName();
        ClientPrincipal client = subject.getPrincipals(ClientPrincipal.class).stream().findFirst().orElse(null);
        method = client == null ? "local" : client.getMethod();
        address = client == null ? null : LoginThrottle.host(client.getAddress());
        Optional<LoginThrottle.Lock> lock = LoginThrottle.shared().locked(user, address);
        if (lock.isPresent()) {
            refused = true;
            LoginThrottle.Lock l = lock.get();
            long seconds = Math.max(1, Duration.between(Instant.now(), l.until()).toSeconds());
            audit("login refused (locked: " + l.key() + " until " + l.until().truncatedTo(ChronoUnit.SECONDS) + ")");
            throw new Locked(l.key(), seconds);
        }
        if (!keyAttempt) {
            // an account just appended with its password in plain text: hashed before Karaf's module checks it
            PlainPasswords.hashUser(usersFile, user);
        }
        return false;
    }

    @Override
    public boolean commit() {
        if (user != null && !refused) {
            LoginThrottle.shared().succeeded(user);
            audit("login succeeded");
        }
        return false;
    }

    @Override
    public boolean abort() {
        if (user != null && !refused) {
            if (keyAttempt) {
                audit("key login failed (not counted)");
            } else {
                List<LoginThrottle.Lock> started = LoginThrottle.shared().failed(user, address);
                audit("login failed");
                for (LoginThrottle.Lock l : started) {
                    audit("locked " + l.key() + " until " + l.until().truncatedTo(ChronoUnit.SECONDS) + " after "
                            + l.failures() + " failures");
                    LOG.warn("staff logins locked: {} until {} after {} failed logins (last: user '{}' from {} {})",
                            l.key(), l.until(), l.failures(), user, method, address);
                }
                pause(LoginThrottle.shared().delayAfterFailure(user));
            }
        }
        reset();
        return false;
    }

    @Override
    public boolean logout() {
        reset();
        return false;
    }

    private void reset() {
        user = null;
        refused = false;
        keyAttempt = false;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One line: time (UTC), outcome, user, how and from where; the file is the node owner's only. */
    private void audit(String outcome) {
        if (auditFile == null || auditFile.isBlank()) {
            return;
        }
        String line = Instant.now().truncatedTo(ChronoUnit.MILLIS) + " - " + outcome + " - " + printable(user) + " - "
                + method + " " + (address == null ? "-" : address) + System.lineSeparator();
        Path file = Path.of(auditFile);
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock ignored = out.lock()) {
                out.write(StandardCharsets.UTF_8.encode(line));
            }
        } catch (IOException e) {
            LOG.warn("could not write the login audit file {}: {}", auditFile, e.toString());
        }
    }

    /** A user name as typed may hold anything: one line, bounded, no control characters. */
    private static String printable(String s) {
        if (s == null) {
            return "-";
        }
        String t = s.length() > 64 ? s.substring(0, 64) + "…" : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }

    /** A locked account or address: the REST filter answers 429 with this many seconds in Retry-After. */
    public static final class Locked extends AccountLockedException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        Locked(String key, long retryAfterSeconds) {
            super("locked: " + key);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
