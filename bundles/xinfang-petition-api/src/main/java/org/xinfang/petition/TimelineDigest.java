package org.xinfang.petition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of a timeline's event identities, in order: two copies of a case hold the same events in the
 * same order exactly when their versions and digests are equal (anti-entropy between nodes). It is
 * computed step by step, {@code d(n) = SHA-256(d(n-1) "\n" id(n))} from the empty text, so a store keeps it
 * current with one short hash per event.
 */
public final class TimelineDigest {
    private TimelineDigest() {
    }

    /** The digest after appending the event {@code eventId} to a timeline whose digest is {@code previous}. */
    public static String next(String previous, String eventId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(((previous == null ? "" : previous) + "\n" + eventId)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The digest of a whole timeline. */
    public static String of(List<Event> timeline) {
        String d = "";
        for (Event e : timeline) {
            d = next(d, e.id());
        }
        return d;
    }
}
