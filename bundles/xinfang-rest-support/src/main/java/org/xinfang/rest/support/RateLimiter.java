package org.xinfang.rest.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * At most {@code limit} uses per client in any sliding window, for the calls that need no login: the
 * portal's online petition (one client must not flood the register every statutory clock runs from)
 * and wrong tracking/verification code pairs (the six-digit code must not be guessed). A limit of zero
 * or less turns the bound off.
 */
public final class RateLimiter {
    /** Clients remembered at most; beyond this, under a spread-out flood, new clients wait too. */
    public static final int MAX_CLIENTS = 100_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> uses = new HashMap<>();

    /** For Blueprint: {@code limit} uses per {@code windowMinutes}. */
    public RateLimiter(int limit, int windowMinutes) {
        this(limit, Duration.ofMinutes(windowMinutes), Clock.systemUTC());
    }

    /** {@code limit} uses per {@code window}, on {@code clock}. */
    public RateLimiter(int limit, Duration window, Clock clock) {
        if (limit > 0 && (window == null || window.isNegative() || window.isZero())) {
            throw new IllegalArgumentException("rate window must be positive: " + window);
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /**
     * The key that counts wrong verification codes for one case: its tracking code as the store looks it up
     * (trimmed, upper case), cut to the longest a tracking code may be so that a caller cannot make keys large.
     */
    public static String caseKey(String trackingCode) {
        String t = trackingCode == null ? "" : trackingCode.strip().toUpperCase(java.util.Locale.ROOT);
        return "case:" + (t.length() > 40 ? t.substring(0, 40) : t);
    }

    /** Takes one use for {@code client}; false when its uses in the window are spent. */
    public synchronized boolean tryAcquire(String client) {
        if (limit <= 0) {
            return true;
        }
        Instant now = clock.instant();
        Deque<Instant> mine = uses.get(client);
        if (mine == null) {
            if (uses.size() >= MAX_CLIENTS && prune(now) >= MAX_CLIENTS) {
                return false;
            }
            mine = new ArrayDeque<>();
            uses.put(client, mine);
        }
        expire(mine, now);
        if (mine.size() >= limit) {
            return false;
        }
        mine.addLast(now);
        return true;
    }

    /** Gives back the latest use of {@code client}: the request it was taken for was not carried out. */
    public synchronized void release(String client) {
        Deque<Instant> mine = uses.get(client);
        if (mine != null && !mine.isEmpty()) {
            mine.removeLast();
            if (mine.isEmpty()) {
                uses.remove(client);
            }
        }
    }

    /** How long until {@code client} may try again; zero when it may now. */
    public synchronized Duration retryAfter(String client) {
        Deque<Instant> mine = uses.get(client);
        if (limit <= 0 || mine == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        expire(mine, now);
        if (mine.size() < limit) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, mine.peekFirst().plus(window));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The number of clients remembered now (for tests and diagnostics). */
    synchronized int clients() {
        return uses.size();
    }

    private void expire(Deque<Instant> mine, Instant now) {
        Instant oldest = now.minus(window);
        while (!mine.isEmpty() && !mine.peekFirst().isAfter(oldest)) {
            mine.removeFirst();
        }
    }

    private int prune(Instant now) {
        for (Iterator<Deque<Instant>> it = uses.values().iterator(); it.hasNext();) {
            Deque<Instant> d = it.next();
            expire(d, now);
            if (d.isEmpty()) {
                it.remove();
            }
        }
        return uses.size();
    }
}
