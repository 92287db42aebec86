package org.xinfang.rest.login;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.apache.karaf.jaas.modules.Encryption;

/**
 * Staff passwords in etc/users.properties as a salted, slow hash: PBKDF2-HMAC-SHA256 from the JDK with a
 * random 16-byte salt per password, stored as {@code pbkdf2-sha256$<iterations>$<salt>$<key>} (base64) inside
 * Karaf's {@code {CRYPT}...{CRYPT}} markers. Karaf 4.4's own services give an unsalted digest ({@code basic})
 * or need jasypt, a library no longer maintained, shipped in no tier; PBKDF2 is in every Java runtime and a
 * NIST-recommended password hash (SP 800-132). The iteration count is written into each hash, so raising
 * {@link #DEFAULT_ITERATIONS} in a later version applies to passwords set afterwards and keeps the older ones
 * working. (Nothing reads {@code encryption.*} from etc/org.apache.karaf.jaas.cfg: Karaf's own hashing is off
 * there, and the node's realm and {@link PlainPasswords} use the default.) Digests written before (unsalted SHA-256 in hexadecimal, Karaf's
 * {@code basic} service) are still accepted so that no node is locked out by the upgrade; a password set
 * again is stored the new way.
 */
public final class Pbkdf2Encryption implements Encryption {
    /** The default cost: OWASP's figure for PBKDF2-HMAC-SHA256 (2021), some tenths of a second per login. */
    public static final int DEFAULT_ITERATIONS = 310_000;
    static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;
    private static final int MAX_ITERATIONS = 10_000_000;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public Pbkdf2Encryption(int iterations) {
        if (iterations < 1_000 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("encryption.iterations must be 1000 to " + MAX_ITERATIONS + ": "
                    + iterations);
        }
        this.iterations = iterations;
    }

    @Override
    public String encryptPassword(String plain) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(plain, salt, iterations));
    }

    @Override
    public boolean checkPassword(String plain, String stored) {
        if (plain == null || stored == null) {
            return false;
        }
        if (stored.matches("[0-9a-fA-F]{64}")) {
            return MessageDigest.isEqual(legacy(plain).getBytes(StandardCharsets.US_ASCII),
                    stored.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            int n = Integer.parseInt(parts[1]);
            if (n < 1 || n > MAX_ITERATIONS) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(derive(plain, salt, n), expected);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] derive(String plain, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(plain.toCharArray(), salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Karaf's {@code basic} digest as this project configured it before: SHA-256, hexadecimal. */
    static String legacy(String plain) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
