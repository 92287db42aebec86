package org.xinfang.rest.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
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
}
