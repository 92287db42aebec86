package org.xinfang.petition.service.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class CodesTest {
    private final Codes codes = new Codes();

    @Test
    void theStoredFormIsSaltedSlowAndFitsTheColumn() {
        String a = codes.hash("ABCDEFGHJK", "123456");
        String b = codes.hash("ABCDEFGHJK", "123456");
        assertTrue(a.startsWith("pbkdf2$" + Codes.ITERATIONS + "$"), a);
        assertTrue(a.length() <= Codes.MAX_STORED_LENGTH, a.length() + ": " + a);
        assertNotEquals(a, b, "each case has its own salt");
        assertTrue(Codes.matches("ABCDEFGHJK", "123456", a));
        assertTrue(Codes.matches("ABCDEFGHJK", "123456", b));
        assertFalse(Codes.matches("ABCDEFGHJK", "123457", a));
        assertFalse(Codes.matches("ABCDEFGHJM", "123456", a), "the tracking code is part of what is hashed");
        assertFalse(Codes.matches("ABCDEFGHJK", "123456", "pbkdf2$x$$"), "a malformed form matches nothing");
        assertFalse(Codes.matches("ABCDEFGHJK", "123456", "pbkdf2$0$AAAA$AAAA"));
        assertFalse(Codes.matches("ABCDEFGHJK", "123456", Codes.NO_CODE), "an imported case has no code");
    }

    @Test
    void casesRegisteredBeforeKeepTheirCode() {
        String legacy = Codes.legacyHash("ABCDEFGHJK", "654321");
        assertEquals(64, legacy.length());
        assertTrue(Codes.matches("ABCDEFGHJK", "654321", legacy));
        assertFalse(Codes.matches("ABCDEFGHJK", "654320", legacy));
    }

    /**
     * Issue 15: given only what a database copy holds (the tracking code and the stored form), a sweep of every
     * six-digit code with a fast hash finds nothing; each try needs a full PBKDF2 run of the stored iteration
     * count with the case's own salt (a cheaper run does not match), i.e. 10^6 x 30,000 x 2 HMAC-SHA256 per
     * case, where the old unsalted SHA-256 gave the code up in one fast sweep.
     */
    @Test
    void aDatabaseCopyDoesNotGiveUpTheCodeByTryingAll() {
        String secretCode = codes.verificationCode();
        String stored = codes.hash("ABCDEFGHJK", secretCode);
        String legacy = Codes.legacyHash("ABCDEFGHJK", secretCode);
        String[] parts = stored.split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        assertTrue(Integer.parseInt(parts[1]) >= 30_000, stored);
        String foundInLegacy = null;
        for (int i = 0; i < 1_000_000; i++) {
            String guess = String.format("%06d", i);
            String fast = Codes.legacyHash("ABCDEFGHJK", guess);
            if (fast.equals(legacy)) {
                foundInLegacy = guess;
            }
            assertFalse(stored.contains(fast.substring(0, 16)), "no fast hash of any code is in the stored form");
        }
        assertEquals(secretCode, foundInLegacy, "the legacy form is recoverable by one sweep: the reason for the change");
        // fewer iterations with the right salt and the right code do not give the stored key
        assertFalse(stored.equals(Codes.slowHash("ABCDEFGHJK", secretCode, salt, 1)));
        assertFalse(stored.equals(Codes.slowHash("ABCDEFGHJK", secretCode, salt, Codes.ITERATIONS - 1)));
        assertEquals(stored, Codes.slowHash("ABCDEFGHJK", secretCode, salt, Codes.ITERATIONS));
        assertFalse(Codes.matches("ABCDEFGHJK", secretCode, "pbkdf2$1$" + parts[2] + "$" + parts[3]));
    }
}
