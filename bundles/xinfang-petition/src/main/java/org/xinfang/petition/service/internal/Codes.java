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
     * hashes both pads again every time (same result, {@code CodesTest}; about a third less CPU under C1). The
     * iterations after the first run on {@link #compress} or on {@link MessageDigest}, as {@link #OWN_WORDS} says.
     */
    static byte[] pbkdf2(String secret, byte[] salt, int iterations) {
        return pbkdf2(secret, salt, iterations, OWN_WORDS);
    }

    /**
     * Whether the iterations run on this class's own SHA-256 ({@link #compress}) rather than {@link MessageDigest}:
     * when the JVM does not compile the JDK's SHA-256 to the CPU's SHA instructions (a node on C1 alone, the village
     * and the tiers between, or a CPU without them). There the JDK's SHA-256, its digest's padding, copies of its
     * state and bytes turned to words and back took twice the time of {@link #compress} on the words themselves
     * (0.9-1.1 ms a code against 0.45-0.55 on these cores, C1; a quarter of a village's CPU per registration). With
     * the instructions (the district, C2) the JDK's is three times faster than this one (0.08 ms against 0.26).
     */
    static final boolean OWN_WORDS = !shaInstructionsCompiled();

    /** Whether the JVM compiles SHA-256 to the CPU's instructions (HotSpot's options; false if it cannot tell). */
    static boolean shaInstructionsCompiled() {
        try {
            javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            javax.management.ObjectName name = new javax.management.ObjectName("com.sun.management:type=HotSpotDiagnostic");
            java.util.function.Function<String, String> option = o -> {
                try {
                    return String.valueOf(((javax.management.openmbean.CompositeData) server.invoke(name, "getVMOption",
                            new Object[] {o}, new String[] {String.class.getName()})).get("value"));
                } catch (javax.management.JMException e) {
                    throw new IllegalStateException(e);
                }
            };
            boolean c1Only = Boolean.parseBoolean(option.apply("TieredCompilation"))
                    && Integer.parseInt(option.apply("TieredStopAtLevel")) < 4;
            // UseSHA256Intrinsics is a diagnostic option: HotSpot shows it only to a JVM started with
            // -XX:+UnlockDiagnosticVMOptions (which any JVM needs to turn it off). Otherwise it is at its default,
            // which HotSpot derives from UseSHA (the CPU has SHA instructions or, on x86-64, AVX2 and BMI2).
            String intrinsic;
            try {
                intrinsic = option.apply("UseSHA256Intrinsics");
            } catch (RuntimeException hidden) {
                intrinsic = option.apply("UseSHA");
            }
            return Boolean.parseBoolean(intrinsic) && !c1Only;
        } catch (RuntimeException | javax.management.MalformedObjectNameException e) {
            return false;
        }
    }

    /** {@link #pbkdf2(String, byte[], int)}, its iterations on {@link #compress} or on {@link MessageDigest}. */
    static byte[] pbkdf2(String secret, byte[] salt, int iterations, boolean words) {
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
                byte[] t;
                if (words) {
                    t = iterateOnWords(ipad, opad, u, iterations);
                } else {
                    t = u.clone();
                    for (int i = 1; i < iterations; i++) {
                        in = (MessageDigest) inner.clone();
                        in.update(u);
                        u = hmacOuter(outer, in.digest());
                        for (int j = 0; j < t.length; j++) {
                            t[j] ^= u[j];
                        }
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

    /**
     * Iterations 2 to n of a block ({@code u1}: the first one's HMAC): each HMAC of the previous one's 32 bytes is
     * one block after the inner pad's state and one after the outer pad's (the 32 bytes, then the padding of a
     * message of 96 bytes), so every iteration is two {@link #compress}es on words, nothing allocated.
     */
    private static byte[] iterateOnWords(byte[] ipad, byte[] opad, byte[] u1, int iterations) {
        int[] w = new int[64];
        int[] inner = new int[8];
        int[] outer = new int[8];
        toWords(ipad, 16, w);
        compress(IV, w, inner);
        toWords(opad, 16, w);
        compress(IV, w, outer);
        int[] u = new int[8];
        int[] h = new int[8];
        toWords(u1, 8, u);
        int[] t = u.clone();
        for (int i = 1; i < iterations; i++) {
            lastBlock(u, w);
            compress(inner, w, h);
            lastBlock(h, w);
            compress(outer, w, u);
            for (int j = 0; j < 8; j++) {
                t[j] ^= u[j];
            }
        }
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = (byte) (t[i >> 2] >>> (24 - 8 * (i & 3)));
        }
        return out;
    }

    /** The block of a 32-byte digest that follows a 64-byte pad: the digest, 0x80, zeros, the length 96 × 8 bits. */
    private static void lastBlock(int[] digest, int[] w) {
        System.arraycopy(digest, 0, w, 0, 8);
        w[8] = 0x80000000;
        for (int i = 9; i < 15; i++) {
            w[i] = 0;
        }
        w[15] = (64 + 32) * 8;
    }

    private static void toWords(byte[] bytes, int words, int[] into) {
        for (int i = 0; i < words; i++) {
            into[i] = (bytes[4 * i] & 0xff) << 24 | (bytes[4 * i + 1] & 0xff) << 16 | (bytes[4 * i + 2] & 0xff) << 8
                    | (bytes[4 * i + 3] & 0xff);
        }
    }

    /** SHA-256's initial hash value (FIPS 180-4, 5.3.3). */
    private static final int[] IV = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c,
        0x1f83d9ab, 0x5be0cd19};
    /** SHA-256's constants (FIPS 180-4, 4.2.2). */
    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

    /**
     * SHA-256's compression of one block (FIPS 180-4, 6.2.2): {@code out} = the hash value after {@code w[0..15]}
     * from {@code state}; {@code w} holds the message schedule's 64 words afterwards.
     */
    static void compress(int[] state, int[] w, int[] out) {
        for (int t = 16; t < 64; t++) {
            int x = w[t - 2];
            int y = w[t - 15];
            int s1 = Integer.rotateRight(x, 17) ^ Integer.rotateRight(x, 19) ^ (x >>> 10);
            int s0 = Integer.rotateRight(y, 7) ^ Integer.rotateRight(y, 18) ^ (y >>> 3);
            w[t] = s1 + w[t - 7] + s0 + w[t - 16];
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        int e = state[4];
        int f = state[5];
        int g = state[6];
        int h = state[7];
        for (int t = 0; t < 64; t++) {
            int t1 = h + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                    + ((e & f) ^ (~e & g)) + K[t] + w[t];
            int t2 = (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                    + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        out[0] = state[0] + a;
        out[1] = state[1] + b;
        out[2] = state[2] + c;
        out[3] = state[3] + d;
        out[4] = state[4] + e;
        out[5] = state[5] + f;
        out[6] = state[6] + g;
        out[7] = state[7] + h;
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
