package org.xinfang.rest.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T08:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(10, Duration.ofMinutes(15), Duration.ofMinutes(15), clock);

    @Test
    void theTenthFailureLocksTheAccountAndTheAddressUntilTheLockEnds() {
        for (int i = 1; i < 10; i++) {
            assertTrue(throttle.failed("clerk", "10.0.0.7").isEmpty(), "failure " + i);
            assertTrue(throttle.locked("clerk", "10.0.0.7").isEmpty());
        }
        assertEquals(2, throttle.failed("clerk", "10.0.0.7").size(), "the account and the address");
        assertEquals("account:clerk", throttle.locked("clerk", "10.0.0.8").orElseThrow().key());
        assertEquals("address:10.0.0.7", throttle.locked("head", "10.0.0.7").orElseThrow().key());
        assertTrue(throttle.locked("head", "10.0.0.8").isEmpty(), "others are not affected");
        assertEquals(2, throttle.locks().size());
        clock.advance(Duration.ofMinutes(15));
        assertTrue(throttle.locked("clerk", "10.0.0.7").isEmpty(), "the lock ends by itself");
    }

    @Test
    void failuresOutsideTheWindowDoNotCountAndASuccessForgetsTheAccounts() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("clerk", "10.0.0." + i);
        }
        clock.advance(Duration.ofMinutes(16));
        assertTrue(throttle.failed("clerk", "10.0.0.99").isEmpty());
        for (int i = 0; i < 8; i++) {
            throttle.failed("head", "10.0.1." + i);
        }
        throttle.succeeded("head");
        assertTrue(throttle.failed("head", "10.0.1.50").isEmpty());
    }

    @Test
    void aLiftedLockIsGoneAndSshAddressesCountByHost() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("user" + i, "/192.168.1.5:" + (40000 + i));
        }
        assertEquals("address:192.168.1.5", throttle.locked("admin", "192.168.1.5").orElseThrow().key());
        assertTrue(throttle.lift("address:192.168.1.5"));
        assertFalse(throttle.lift("address:192.168.1.5"));
        assertTrue(throttle.locked("admin", "192.168.1.5").isEmpty());
        assertEquals("::1", LoginThrottle.host("/[::1]:22"));
        assertEquals("0:0:0:0:0:0:0:1", LoginThrottle.host("0:0:0:0:0:0:0:1"));
    }

    @Test
    void eachFailureWaitsLongerUpToTwoSeconds() {
        LoginThrottle throttle = new LoginThrottle(50, Duration.ofMinutes(15), Duration.ofMinutes(15), clock);
        throttle.failed("clerk", "10.0.0.7");
        Duration first = throttle.delayAfterFailure("clerk");
        throttle.failed("clerk", "10.0.0.7");
        assertTrue(throttle.delayAfterFailure("clerk").compareTo(first) > 0);
        for (int i = 0; i < 10; i++) {
            throttle.failed("clerk", "10.0.0.7");
        }
        assertEquals(Duration.ofSeconds(2), throttle.delayAfterFailure("clerk"));
    }

    @Test
    void aZeroLimitTurnsTheLocksOff() {
        LoginThrottle off = new LoginThrottle(0, Duration.ofMinutes(15), Duration.ofMinutes(15), clock);
        for (int i = 0; i < 50; i++) {
            off.failed("clerk", "10.0.0.7");
        }
        assertTrue(off.locked("clerk", "10.0.0.7").isEmpty());
    }
}
