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

    synchronized void remember(String key, Set<String> roles) {
        entries.put(key, new Entry(roles, clock.instant().plus(ttl)));
        if (entries.size() > MAX) {
            entries.remove(entries.keySet().iterator().next());
        }
    }
}
