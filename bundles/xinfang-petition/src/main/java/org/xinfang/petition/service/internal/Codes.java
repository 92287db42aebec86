package org.xinfang.petition.service.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Public tracking codes and verification codes. Tracking codes avoid letters that are misread when
 * read aloud over the phone or copied by hand (I, L, O, U, 0, 1).
 */
final class Codes {
    static final String TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int TRACKING_LENGTH = 10;
    static final int VERIFICATION_LENGTH = 6;

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

    /** What the store keeps instead of the verification code. */
    static String hash(String trackingCode, String verificationCode) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((trackingCode + ":" + verificationCode).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Compares in time that does not depend on where the first difference is. */
    static boolean matches(String trackingCode, String verificationCode, String storedHash) {
        byte[] given = hash(trackingCode, verificationCode).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
