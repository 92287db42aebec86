package org.xinfang.sync.agent.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed sync calls: every call from a child carries its node id, a timestamp, a nonce and an
 * HMAC-SHA256 over method, path and query, those three and the SHA-256 of the body, keyed with the
 * secret the parent issued when it registered the child. A parent refuses an unknown node, a bad
 * signature, a timestamp more than {@link #MAX_SKEW_MILLIS} away, and a nonce it has seen.
 */
public final class Signatures {
    public static final String NODE = "X-Xinfang-Node";
    public static final String TIMESTAMP = "X-Xinfang-Timestamp";
    public static final String NONCE = "X-Xinfang-Nonce";
    public static final String SIGNATURE = "X-Xinfang-Signature";
    /** How far a caller's clock may be from ours. Villages' PCs drift; five minutes is generous. */
    public static final long MAX_SKEW_MILLIS = 5 * 60_000L;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    /** A new secret for a child: 32 random bytes, URL-safe base64. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A new nonce: 16 random bytes, hex. */
    public static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The signature of a call. {@code pathAndQuery} is the raw path, plus {@code ?query} if any. */
    public static String sign(String secret, String method, String pathAndQuery, String node, long timestamp,
            String nonce, byte[] body) {
        String text = method + "\n" + pathAndQuery + "\n" + node + "\n" + timestamp + "\n" + nonce + "\n"
                + sha256(body);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Compares two signatures in constant time. */
    public static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
