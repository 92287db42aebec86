package org.xinfang.rest.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.rest.support.LoginThrottle;

class GuardLoginModuleTest {
    @TempDir
    Path data;

    @AfterEach
    void defaults() {
        LoginThrottle.configure(10, 15, 15);
    }

    private GuardLoginModule module(String user, String address, boolean password) {
        return module(user, address, password, Map.of("audit.file", data.resolve("security/audit.log").toString()));
    }

    private GuardLoginModule module(String user, String address, boolean password, Map<String, ?> options) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new ClientPrincipal("ssh", address));
        GuardLoginModule m = new GuardLoginModule();
        m.initialize(subject, callbacks -> {
            for (var c : callbacks) {
                if (c instanceof NameCallback n) {
                    n.setName(user);
                } else if (c instanceof PasswordCallback p && password) {
                    p.setPassword("whatever".toCharArray());
                } else {
                    throw new UnsupportedCallbackException(c);
                }
            }
        }, Map.of(), options);
        return m;
    }

    /** Karaf's password module after the guard takes every stored password for a hash: it must find one. */
    @Test
    void anAccountJustAppendedWithAPlainPasswordIsHashedBeforeThePasswordModuleReadsIt() throws Exception {
        Path users = data.resolve("users.properties");
        Files.writeString(users, "newclerk = New-clerk-pw-1,clerk\n");
        GuardLoginModule m = module("newclerk", "/10.1.2.3:5022", true, Map.of("audit.file",
                data.resolve("security/audit.log").toString(), "users", users.toString()));
        assertFalse(m.login());
        String line = Files.readString(users).strip();
        assertTrue(line.startsWith("newclerk = {CRYPT}") && line.endsWith("{CRYPT},clerk"), line);
        // a key offered over SSH asks for no password: the file is not its business
        Files.writeString(users, "other = Other-pw-1,clerk\n");
        GuardLoginModule key = module("other", "/10.1.2.3:5023", false, Map.of("users", users.toString()));
        assertFalse(key.login());
        assertEquals("other = Other-pw-1,clerk", Files.readString(users).strip());
    }

    @Test
    void failuresLockAndALockedLoginIsRefusedBeforeThePasswordWithTheAddressAudited() throws Exception {
        LoginThrottle.configure(2, 15, 15);
        for (int i = 0; i < 2; i++) {
            GuardLoginModule m = module("clerk", "/10.1.2.3:5022" + i, true);
            assertFalse(m.login(), "lets the password module decide");
            m.abort(); // the password module failed
        }
        GuardLoginModule locked = module("clerk", "/10.9.9.9:1", true);
        GuardLoginModule.Locked e = assertThrows(GuardLoginModule.Locked.class, locked::login);
        assertTrue(e.retryAfterSeconds() > 0);
        locked.abort();
        List<String> audit = Files.readAllLines(data.resolve("security/audit.log"));
        assertEquals(5, audit.stream().filter(l -> l.contains("clerk")).count(), String.join("\n", audit));
        assertTrue(audit.get(0).endsWith("login failed - clerk - ssh 10.1.2.3"), audit.get(0));
        assertTrue(audit.stream().anyMatch(l -> l.contains("locked account:clerk")), String.join("\n", audit));
        assertTrue(audit.get(audit.size() - 1).contains("login refused (locked: account:clerk"), String.join("\n", audit));
    }

    @Test
    void anOfferedKeyThatFailsIsNotAGuessAndASuccessIsAudited() throws Exception {
        LoginThrottle.configure(1, 15, 15);
        GuardLoginModule key = module("head", "/10.1.2.4:22", false);
        assertFalse(key.login());
        key.abort();
        assertTrue(LoginThrottle.shared().locked("head", "10.1.2.4").isEmpty());
        GuardLoginModule ok = module("head", "/10.1.2.4:22", true);
        ok.login();
        ok.commit();
        assertTrue(Files.readString(data.resolve("security/audit.log")).contains("login succeeded - head - ssh 10.1.2.4"));
    }
}
