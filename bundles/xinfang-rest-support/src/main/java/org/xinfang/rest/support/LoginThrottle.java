package org.xinfang.rest.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Failed staff logins, counted per account and per client address, for every way in (HTTP Basic on /api, the
 * web application which uses it, and SSH): after {@code limit} failures within {@code window} the account or
 * the address is locked for {@code lock}, and every login through it is refused, the right password too,
 * until the lock ends or an administrator lifts it. Each failure also answers a little later than the one
 * before ({@link #delayAfterFailure}), so a burst of guesses slows down before the lock.
 *
 * <p>One instance per node ({@link #shared()}): the JAAS login module that SSH and HTTP go through and the
 * admin endpoint that lists and lifts locks all read it. Memory stays bounded: at most {@link #MAX_KEYS}
 * accounts and addresses are remembered.
 */
public final class LoginThrottle {
    /** Accounts and addresses remembered at most; past it the oldest quiet ones are forgotten first. */
    public static final int MAX_KEYS = 50_000;
    /** Key prefixes: what a lock is on. */
    public static final String ACCOUNT = "account:";
    public static final String ADDRESS = "address:";
    private static final Duration MAX_DELAY = Duration.ofSeconds(2);
    private static final Duration DELAY_STEP = Duration.ofMillis(200);

    private static volatile LoginThrottle shared = new LoginThrottle(10, Duration.ofMinutes(15), Duration.ofMinutes(15),
            Clock.systemUTC());

    private final int limit;
    private final Duration window;
    private final Duration lock;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();
    private final Map<String, Lock> locks = new HashMap<>();

    /** A lock on an account or an address: until when, after how many failures, the last from where. */
    public record Lock(String key, Instant since, Instant until, int failures, String lastAddress, String lastAccount) {
    }

    /** {@code limit} failures per {@code window} lock for {@code lock}; a limit of zero or less turns it off. */
    public LoginThrottle(int limit, Duration window, Duration lock, Clock clock) {
        if (limit > 0 && (window.isNegative() || window.isZero() || lock.isNegative() || lock.isZero())) {
            throw new IllegalArgumentException("login window and lock must be positive");
        }
        this.limit = limit;
        this.window = window;
        this.lock = lock;
        this.clock = clock;
    }

    /** The node's throttle. */
    public static LoginThrottle shared() {
        return shared;
    }

    /**
     * For Blueprint (etc/org.xinfang.rest.cfg {@code login.*}): replaces the node's throttle with one of these
     * bounds, keeping nothing of the old one's counts (a changed configuration starts afresh).
     */
    public static LoginThrottle configure(int limit, int windowMinutes, int lockMinutes) {
        shared = new LoginThrottle(limit, Duration.ofMinutes(windowMinutes), Duration.ofMinutes(lockMinutes),
                Clock.systemUTC());
        return shared;
    }

    /** The account's key: login names are compared as Karaf does, exactly; cut so keys stay small. */
    public static String accountKey(String login) {
        String l = login == null ? "" : login;
        return ACCOUNT + (l.length() > 64 ? l.substring(0, 64) : l);
    }

    /** The address's key, from an IP address, {@code /10.0.0.7:52114} (SSH) or {@code [::1]:22}. */
    public static String addressKey(String address) {
        return ADDRESS + host(address);
    }

    /** The host part of what a transport gives as the client's address; "unknown" when there is none. */
    public static String host(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String a = address.strip();
        int slash = a.lastIndexOf('/');
        if (slash >= 0) {
            a = a.substring(slash + 1);
        }
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            a = end > 0 ? a.substring(1, end) : a.substring(1);
        } else if (a.indexOf(':') == a.lastIndexOf(':') && a.indexOf(':') > 0) {
            a = a.substring(0, a.indexOf(':')); // IPv4 with a port; a bare IPv6 address has several colons
        }
        a = a.toLowerCase(Locale.ROOT);
        return a.length() > 64 ? a.substring(0, 64) : a;
    }

    /** The lock that refuses this login now, if any: the account's or the address's, whichever ends later. */
    public synchronized Optional<Lock> locked(String login, String address) {
        Instant now = clock.instant();
        Lock found = null;
        for (String key : List.of(accountKey(login), addressKey(address))) {
            Lock l = locks.get(key);
            if (l != null && !now.isBefore(l.until())) {
                locks.remove(key);
                l = null;
            }
            if (l != null && (found == null || l.until().isAfter(found.until()))) {
                found = l;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Counts a failed login of {@code login} from {@code address}; answers the locks it starts (none, the
     * account's, the address's or both).
     */
    public synchronized List<Lock> failed(String login, String address) {
        if (limit <= 0) {
            return List.of();
        }
        Instant now = clock.instant();
        String host = host(address);
        List<Lock> started = new ArrayList<>();
        for (String key : List.of(accountKey(login), addressKey(address))) {
            Deque<Instant> mine = failures.get(key);
            if (mine == null) {
                if (failures.size() >= MAX_KEYS) {
                    prune(now);
                }
                mine = new ArrayDeque<>();
                failures.put(key, mine);
            }
            expire(mine, now);
            mine.addLast(now);
            if (mine.size() >= limit && !locks.containsKey(key) && room(now)) {
                Lock l = new Lock(key, now, now.plus(lock), mine.size(), host, login);
                locks.put(key, l);
                started.add(l);
                mine.clear();
            }
        }
        return started;
    }

    /** A successful login: the account's failures are forgotten (the address's still count). */
    public synchronized void succeeded(String login) {
        failures.remove(accountKey(login));
    }

    /** How long to hold the answer to a failed login: longer with each recent failure of the account. */
    public synchronized Duration delayAfterFailure(String login) {
        if (limit <= 0) {
            return Duration.ZERO; // throttling turned off
        }
        Deque<Instant> mine = failures.get(accountKey(login));
        int n = mine == null ? 1 : Math.max(1, mine.size());
        Duration d = DELAY_STEP.multipliedBy(n);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    /** The locks in force, the latest ending first. */
    public synchronized List<Lock> locks() {
        Instant now = clock.instant();
        locks.values().removeIf(l -> !now.isBefore(l.until()));
        List<Lock> all = new ArrayList<>(locks.values());
        all.sort(Comparator.comparing(Lock::until).reversed());
        return all;
    }

    /** Lifts the lock on {@code key} ({@code account:NAME} or {@code address:HOST}) and its count; false if none. */
    public synchronized boolean lift(String key) {
        failures.remove(key);
        Lock l = locks.remove(key);
        return l != null && clock.instant().isBefore(l.until());
    }

    /** Whether another lock may be kept: expired ones are dropped first; the bound holds under any flood. */
    private boolean room(Instant now) {
        if (locks.size() >= MAX_KEYS) {
            locks.values().removeIf(l -> !now.isBefore(l.until()));
        }
        return locks.size() < MAX_KEYS;
    }

    private void expire(Deque<Instant> mine, Instant now) {
        Instant since = now.minus(window);
        while (!mine.isEmpty() && !mine.peekFirst().isAfter(since)) {
            mine.removeFirst();
        }
    }

    private void prune(Instant now) {
        for (Iterator<Deque<Instant>> it = failures.values().iterator(); it.hasNext(); ) {
            Deque<Instant> d = it.next();
            expire(d, now);
            if (d.isEmpty()) {
                it.remove();
            }
        }
        if (failures.size() >= MAX_KEYS) {
            // a spread-out flood: forget the half whose latest failure is oldest
            List<Map.Entry<String, Deque<Instant>>> entries = new ArrayList<>(failures.entrySet());
            entries.sort(Comparator.comparing(e -> e.getValue().peekLast()));
            for (int i = 0; i < entries.size() / 2; i++) {
                failures.remove(entries.get(i).getKey());
            }
        }
    }
}
