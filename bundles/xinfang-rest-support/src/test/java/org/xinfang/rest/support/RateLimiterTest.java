package org.xinfang.rest.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T08:00:00Z"));

    @Test
    void allowsTheLimitPerClientInTheWindow() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofHours(1), clock);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("10.0.0.1"), "use " + (i + 1));
        }
        assertFalse(limiter.tryAcquire("10.0.0.1"));
        assertTrue(limiter.tryAcquire("10.0.0.2"), "another client has its own count");
    }

    @Test
    void theWindowSlides() {
        RateLimiter limiter = new RateLimiter(2, Duration.ofHours(1), clock);
        assertTrue(limiter.tryAcquire("a"));
        clock.advance(Duration.ofMinutes(30));
        assertTrue(limiter.tryAcquire("a"));
        assertFalse(limiter.tryAcquire("a"));
        assertEquals(Duration.ofMinutes(30), limiter.retryAfter("a"));
        clock.advance(Duration.ofMinutes(30));
        assertEquals(Duration.ZERO, limiter.retryAfter("a"));
        assertTrue(limiter.tryAcquire("a"), "the first use has left the window");
        assertFalse(limiter.tryAcquire("a"));
    }

    @Test
    void aReleasedUseIsGivenBack() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofHours(1), clock);
        assertTrue(limiter.tryAcquire("a"));
        limiter.release("a");
        assertTrue(limiter.tryAcquire("a"));
        assertFalse(limiter.tryAcquire("a"));
    }

    @Test
    void zeroTurnsTheLimitOff() {
        RateLimiter limiter = new RateLimiter(0, 60);
        for (int i = 0; i < 1000; i++) {
            assertTrue(limiter.tryAcquire("a"));
        }
        assertEquals(0, limiter.clients());
    }

    @Test
    void forgetsClientsWhoseUsesExpired() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), clock);
        for (int i = 0; i < RateLimiter.MAX_CLIENTS; i++) {
            assertTrue(limiter.tryAcquire("c" + i));
        }
        assertFalse(limiter.tryAcquire("newcomer"), "full of live clients: newcomers wait");
        clock.advance(Duration.ofMinutes(2));
        assertTrue(limiter.tryAcquire("newcomer"), "expired clients make room");
        assertEquals(1, limiter.clients());
    }
}
