package org.xinfang.rest.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import org.junit.jupiter.api.Test;

class RecentLoginsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T08:00:00Z"));
    private final RecentLogins logins = new RecentLogins(Duration.ofMinutes(2), clock);

    @Test
    void aCheckedLoginIsRememberedByAKeyedHashForTwoMinutes() {
        String key = logins.key(new String[] {"clerk", "Clerk-pw-1"});
        assertFalse(key.contains("Clerk-pw-1"));
        assertNotEquals(key, logins.key(new String[] {"clerk", "Clerk-pw-2"}), "another password, another key");
        assertNotEquals(key, new RecentLogins(Duration.ofMinutes(2)).key(new String[] {"clerk", "Clerk-pw-1"}),
                "the key is drawn at start: nothing to precompute");
        assertNull(logins.roles(key));
        logins.remember(key, Set.of("clerk"));
        assertEquals(Set.of("clerk"), logins.roles(key));
        clock.advance(Duration.ofMinutes(2));
        assertNull(logins.roles(key), "then the realm is asked again");
    }

    /** Eight requests with the same name and password at once: the realm is asked once, and all eight get its roles. */
    @Test
    void simultaneousRequestsWithTheSameLoginAskTheRealmOnceAndShareItsAnswer() throws Exception {
        String key = logins.key(new String[] {"head", "Head-pw-1"});
        AtomicInteger asked = new AtomicInteger();
        List<Object> answers = atOnce(8, () -> logins.login(key, () -> {
            asked.incrementAndGet();
            awaitWaiting(key, 7);
            return Set.of("head", "handler");
        }));
        assertEquals(1, asked.get(), "one check against the realm");
        answers.forEach(a -> assertEquals(Set.of("head", "handler"), a));
        assertEquals(Set.of("head", "handler"), logins.login(key, () -> {
            throw new FailedLoginException("not asked again");
        }), "and then remembered");
    }

    /** A refusal reaches every request that waited for it, is not remembered, and the next request asks again. */
    @Test
    void aRefusalReachesEveryWaitingRequestAndIsNotRemembered() throws Exception {
        String key = logins.key(new String[] {"head", "wrong"});
        AtomicInteger asked = new AtomicInteger();
        List<Object> answers = atOnce(4, () -> logins.login(key, () -> {
            asked.incrementAndGet();
            awaitWaiting(key, 3);
            throw new FailedLoginException("login failed");
        }));
        assertEquals(1, asked.get());
        answers.forEach(a -> assertEquals(FailedLoginException.class, a.getClass()));
        assertNull(logins.roles(key));
        assertThrows(FailedLoginException.class, () -> logins.login(key, () -> {
            asked.incrementAndGet();
            throw new FailedLoginException("login failed");
        }));
        assertEquals(2, asked.get(), "a refusal is not remembered: the realm is asked again");
    }

    private void awaitWaiting(String key, int n) {
        while (logins.waiting(key) < n) {
            Thread.onSpinWait();
        }
    }

    /** Runs the call on n threads at once; each result is the roles or the LoginException thrown. */
    private static List<Object> atOnce(int n, java.util.concurrent.Callable<Set<String>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    try {
                        return (Object) call.call();
                    } catch (LoginException e) {
                        return e;
                    }
                }));
            }
            List<Object> out = new ArrayList<>();
            for (Future<Object> f : futures) {
                out.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
