package org.xinfang.rest.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import javax.security.auth.login.LoginException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Logins that passed the realm lately, so that an API call with the same name and password within
 * {@code ttl} skips the slow password hash. Kept by an HMAC of name and password under a key drawn at start
 * and held only in memory: what is kept gives up no password, and nothing survives a restart.
 */
final class RecentLogins {
    private static final int MAX = 1_000;

    private final Duration ttl;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    /** Logins being checked against the realm now, by key: a second request with them waits for the answer. */
    private final Map<String, CompletableFuture<Set<String>>> checking = new ConcurrentHashMap<>();

    private record Entry(Set<String> roles, Instant until) {
    }

    RecentLogins(Duration ttl) {
        this(ttl, Clock.systemUTC());
    }

    RecentLogins(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** The key of a name and password pair. */
    String key(String[] credentials) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(credentials[0].getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(credentials[1].getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The roles of a login passed within the time, or null. */
    synchronized Set<String> roles(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (!clock.instant().isBefore(e.until())) {
            entries.remove(key);
            return null;
        }
        return e.roles();
    }

    /** A login against the realm: the roles it grants, or the realm's refusal. */
    @FunctionalInterface
    interface Realm {
        Set<String> login() throws LoginException;
    }

    /**
     * The roles of a login remembered within the time; otherwise the realm's answer, asked once for all the
     * requests that bring the same name and password at the same moment (a head's four clicks right after a
     * restart): they wait for the one check and share its answer, roles or refusal, instead of each paying the
     * slow hash and each logging in through the realm at once.
     */
    Set<String> login(String key, Realm realm) throws LoginException {
        Set<String> known = roles(key);
        if (known != null) {
            return known;
        }
        CompletableFuture<Set<String>> mine = new CompletableFuture<>();
        CompletableFuture<Set<String>> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof LoginException refused) {
                    throw refused;
                }
                throw e;
            }
        }
        try {
            Set<String> roles = realm.login();
            remember(key, roles);
            mine.complete(roles);
            return roles;
        } catch (LoginException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(key, mine);
        }
    }

    /** How many requests wait for the check of this key now (for tests). */
    int waiting(String key) {
        CompletableFuture<Set<String>> running = checking.get(key);
        return running == null ? 0 : running.getNumberOfDependents();
    }

    synchronized void remember(String key, Set<String> roles) {
        entries.put(key, new Entry(roles, clock.instant().plus(ttl)));
        if (entries.size() > MAX) {
            entries.remove(entries.keySet().iterator().next());
        }
    }
}
