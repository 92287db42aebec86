package org.xinfang.petition.service.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;


/**
 * Public tracking codes and verification codes. Tracking codes avoid letters that are misread when
 * read aloud over the phone or copied by hand (I, L, O, U, 0, 1).
 */
final class Codes {
    static final String TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int TRACKING_LENGTH = 10;
    /**
     * Eight digits (issue 16; six before): 10^8 values. What the store keeps must make trying them all from a
     * copy expensive, and the work of that search is the number of codes times the iterations of each try: 10^8
     * codes at {@link #ITERATIONS} cost the same search as 10^6 codes at 30,000 iterations (the form before), for
     * a hundredth of the CPU at registration; guessing through the portal is a hundred times harder.
     */
    static final int VERIFICATION_LENGTH = 8;

    private final SecureRandom random = new SecureRandom();

    String trackingCode() {
        StringBuilder sb = new StringBuilder(TRACKING_LENGTH);
        for (int i = 0; i < TRACKING_LENGTH; i++) {
            sb.append(TRACKING_ALPHABET.charAt(random.nextInt(TRACKING_ALPHABET.length())));
        }
        return sb.toString();
    }

    String verificationCode() {
        StringBuilder sb = new StringBuilder(VERIFICATION_LENGTH);
        for (int i = 0; i < VERIFICATION_LENGTH; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    /**
     * Iterations of PBKDF2-HMAC-SHA256 for a verification code. An eight-digit code has 10^8 values: at this
     * count trying them all costs 3 × 10^10 iterations per case (as 30,000 did for six digits, the count of the
     * codes issued before), hours of one CPU core, and the random salt makes every case its own search. One try
     * costs under a millisecond, so a registration can make its own code (a node takes 1,000 a second). The
     * count is written into the stored form: codes issued before keep theirs and still match.
     */
    static final int ITERATIONS = 300;
    /** Marks the stored form: {@code pbkdf2$<iterations>$<salt, base64>$<key, base64>}. */
    static final String SCHEME = "pbkdf2";
    static final int MAX_STORED_LENGTH = 64;
    /**
     * What an imported historic case keeps: no code matches it. Its petitioner never received a code from this
     * system (the import hands none out), so there is nothing to verify, and a slow hash per row would cost an
     * import of 100,000 rows an hour of CPU for nothing.
     */
    static final String NO_CODE = "none";
    /** Salt and key sizes keep the stored form within the 64 characters every store already holds. */
    private static final int SALT_BYTES = 12;
    private static final int KEY_BITS = 192;
    private static final int MAX_ITERATIONS = 10_000_000;

    /**
     * What the store keeps instead of the verification code: a salted, slow hash of {@code tracking:code}
     * (docs/security.md). The same string travels in the journal to every node above, which verify with it.
     */
    String hash(String trackingCode, String verificationCode) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return slowHash(trackingCode, verificationCode, salt, ITERATIONS);
    }

    static String slowHash(String trackingCode, String verificationCode, byte[] salt, int iterations) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(pbkdf2(trackingCode + ":" + verificationCode, salt, iterations));
    }

    /**
     * PBKDF2-HMAC-SHA256 (RFC 8018, section 5.2) with the HMAC's inner and outer pads hashed once: each iteration
     * then costs two SHA-256 compressions instead of the four of the JDK's {@code PBKDF2WithHmacSHA256}, which
     * hashes both pads again every time (same result, {@code CodesTest}; about a third less CPU under C1).
     */
    static byte[] pbkdf2(String secret, byte[] salt, int iterations) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] key = secret.getBytes(StandardCharsets.UTF_8);
            if (key.length > 64) {
                key = sha.digest(key);
            }
            byte[] ipad = new byte[64];
            byte[] opad = new byte[64];
            for (int i = 0; i < 64; i++) {
                byte k = i < key.length ? key[i] : 0;
                ipad[i] = (byte) (k ^ 0x36);
                opad[i] = (byte) (k ^ 0x5c);
            }
            MessageDigest inner = (MessageDigest) sha.clone();
            inner.reset();
            inner.update(ipad);
            MessageDigest outer = (MessageDigest) sha.clone();
            outer.reset();
            outer.update(opad);
            byte[] derived = new byte[KEY_BITS / 8];
            for (int block = 1, done = 0; done < derived.length; block++) {
                MessageDigest in = (MessageDigest) inner.clone();
                in.update(salt);
                in.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
                byte[] u = hmacOuter(outer, in.digest());
                byte[] t = u.clone();
                for (int i = 1; i < iterations; i++) {
                    in = (MessageDigest) inner.clone();
                    in.update(u);
                    u = hmacOuter(outer, in.digest());
                    for (int j = 0; j < t.length; j++) {
                        t[j] ^= u[j];
                    }
                }
                int n = Math.min(t.length, derived.length - done);
                System.arraycopy(t, 0, derived, done, n);
                done += n;
            }
            return derived;
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime, and its state can be copied", e);
        }
    }

    private static byte[] hmacOuter(MessageDigest outer, byte[] innerHash) throws CloneNotSupportedException {
        MessageDigest out = (MessageDigest) outer.clone();
        out.update(innerHash);
        return out.digest();
    }

    /** The unsalted SHA-256 of {@code tracking:code} that cases registered before schema 19 still carry. */
    static String legacyHash(String trackingCode, String verificationCode) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((trackingCode + ":" + verificationCode).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Whether {@code verificationCode} is the code of the case whose stored form is {@code storedHash}: the
     * slow form, or the legacy SHA-256 of older cases (their journal entries cannot be rewritten without
     * breaking the hash chains, so both are accepted). Compares in time that does not depend on where the
     * first difference is. A malformed stored form matches nothing.
     */
    static boolean matches(String trackingCode, String verificationCode, String storedHash) {
        if (storedHash == null || storedHash.equals(NO_CODE)) {
            return false;
        }
        if (!storedHash.startsWith(SCHEME + "$")) {
            byte[] given = legacyHash(trackingCode, verificationCode).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(given, storedHash.getBytes(StandardCharsets.US_ASCII));
        }
        String[] parts = storedHash.split("\\$");
        if (parts.length != 4) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(pbkdf2(trackingCode + ":" + verificationCode, salt, iterations), expected);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
