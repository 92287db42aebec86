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
        String a = codes.hash("ABCDEFGHJK", "12345678");
        String b = codes.hash("ABCDEFGHJK", "12345678");
        assertTrue(a.startsWith("pbkdf2$" + Codes.ITERATIONS + "$"), a);
        assertTrue(a.length() <= Codes.MAX_STORED_LENGTH, a.length() + ": " + a);
        assertNotEquals(a, b, "each case has its own salt");
        assertTrue(Codes.matches("ABCDEFGHJK", "12345678", a));
        assertTrue(Codes.matches("ABCDEFGHJK", "12345678", b));
        assertFalse(Codes.matches("ABCDEFGHJK", "12345679", a));
        assertFalse(Codes.matches("ABCDEFGHJM", "12345678", a), "the tracking code is part of what is hashed");
        assertFalse(Codes.matches("ABCDEFGHJK", "123456", "pbkdf2$x$$"), "a malformed form matches nothing");
        assertFalse(Codes.matches("ABCDEFGHJK", "123456", "pbkdf2$0$AAAA$AAAA"));
        assertFalse(Codes.matches("ABCDEFGHJK", "123456", Codes.NO_CODE), "an imported case has no code");
    }

    /**
     * The PBKDF2 written here (pads hashed once) gives exactly the JDK's PBKDF2WithHmacSHA256, its iterations on
     * MessageDigest (a JVM with C2) or on its own SHA-256 (C1 alone).
     */
    @Test
    void theKeyIsTheJdksPbkdf2() throws Exception {
        javax.crypto.SecretKeyFactory jdk = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        java.util.Random random = new java.util.Random(16);
        String[] secrets = {"ABCDEFGHJK:12345678", "", "信访:验证码", "X".repeat(64), "Y".repeat(65) + ":1"};
        for (String secret : secrets) {
            for (int iterations : new int[] {1, 2, 300, 30_000}) {
                byte[] salt = new byte[1 + random.nextInt(16)];
                random.nextBytes(salt);
                byte[] expected = jdk.generateSecret(new javax.crypto.spec.PBEKeySpec(secret.toCharArray(), salt,
                        iterations, 192)).getEncoded();
                for (boolean words : new boolean[] {false, true}) {
                    assertEquals(java.util.HexFormat.of().formatHex(expected),
                            java.util.HexFormat.of().formatHex(Codes.pbkdf2(secret, salt, iterations, words)),
                            secret + " x " + iterations + (words ? " on words" : " on MessageDigest"));
                }
            }
        }
    }

    /** SHA-256 of "abc" and of the empty message (FIPS 180-4's examples), through {@link Codes#compress} alone. */
    @Test
    void theOwnCompressionIsSha256() throws Exception {
        int[] iv = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
        int[] w = new int[64];
        int[] out = new int[8];
        w[0] = 0x61626380; // "abc", then 0x80
        w[15] = 24; // its length in bits
        Codes.compress(iv, w, out);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex(out));
        w = new int[64];
        w[0] = 0x80000000;
        Codes.compress(iv, w, out);
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hex(out));
    }

    private static String hex(int[] words) {
        StringBuilder b = new StringBuilder();
        for (int x : words) {
            b.append(String.format("%08x", x));
        }
        return b.toString();
    }

    /**
     * Which path a JVM's codes take, asked of child JVMs started with a tier's compiler settings: C1 alone (the
     * village's and the relaying tiers' {@code -XX:TieredStopAtLevel=1}) hashes on words, and so does one with the
     * SHA-256 intrinsic turned off; with C2 (the district's tiered default, or C2 alone) it takes
     * {@link java.security.MessageDigest} exactly when HotSpot compiles SHA-256 to the CPU's instructions. HotSpot
     * shows that option only to a JVM that unlocks diagnostic options, which the nodes do not: the children under
     * test do not either (a first version read only that option and so hashed on words on C2 as well).
     */
    @Test
    void aJvmOnC1AloneHashesOnWordsAndOneWithTheIntrinsicOnMessageDigest() throws Exception {
        String intrinsic = childAnswer("-XX:+UnlockDiagnosticVMOptions").split(" ")[1];
        assertTrue(intrinsic.equals("true") || intrinsic.equals("false"), intrinsic);
        boolean onC2 = Boolean.parseBoolean(intrinsic);
        assertEquals("words:" + !onC2 + " " + intrinsic, childAnswer("-XX:+UnlockDiagnosticVMOptions",
                "-XX:+TieredCompilation"));
        assertEquals("words:" + !onC2 + " hidden", childAnswer("-XX:+TieredCompilation"));
        assertEquals("words:" + !onC2 + " hidden", childAnswer("-XX:-TieredCompilation"));
        assertEquals("words:true hidden", childAnswer("-XX:TieredStopAtLevel=1"));
        assertEquals("words:true hidden", childAnswer("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=4"));
        assertEquals("words:true false", childAnswer("-XX:+UnlockDiagnosticVMOptions", "-XX:-UseSHA256Intrinsics"));
        assertEquals("words:true hidden", childAnswer("-XX:-UseSHA"));
    }

    private static String childAnswer(String... options) throws Exception {
        String classes = java.nio.file.Path.of(Codes.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        String tests = java.nio.file.Path.of(CodesTest.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString();
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(java.util.List.of(options));
        command.addAll(java.util.List.of("-cp", classes + java.io.File.pathSeparator + tests,
                WhichPath.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertEquals(0, child.waitFor(), command + ": " + out);
        return out;
    }

    /** Run in a child JVM: prints the path its codes take and HotSpot's SHA-256 intrinsic option, if it shows it. */
    static final class WhichPath {
        public static void main(String[] args) {
            com.sun.management.HotSpotDiagnosticMXBean hotspot = java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            String intrinsic;
            try {
                intrinsic = hotspot.getVMOption("UseSHA256Intrinsics").getValue();
            } catch (IllegalArgumentException hidden) {
                intrinsic = "hidden";
            }
            System.out.println("words:" + Codes.OWN_WORDS + " " + intrinsic);
        }
    }

    @Test
    void casesRegisteredBeforeKeepTheirCode() {
        // six digits at 30,000 iterations: the form issued from schema 19 until issue 16
        String six = Codes.slowHash("ABCDEFGHJK", "246810", new byte[12], 30_000);
        assertTrue(Codes.matches("ABCDEFGHJK", "246810", six));
        assertFalse(Codes.matches("ABCDEFGHJK", "246811", six));
        String legacy = Codes.legacyHash("ABCDEFGHJK", "654321");
        assertEquals(64, legacy.length());
        assertTrue(Codes.matches("ABCDEFGHJK", "654321", legacy));
        assertFalse(Codes.matches("ABCDEFGHJK", "654320", legacy));
    }

    /**
     * Issue 16: a code has eight digits, and trying every code from a copy costs as much as it did for six digits
     * at 30,000 iterations (issue 15): codes x iterations at least 10^6 x 30,000.
     */
    @Test
    void theSearchOfEveryCodeCostsAsMuchAsBefore() {
        String code = codes.verificationCode();
        assertTrue(code.matches("\\d{8}"), code);
        String[] parts = codes.hash("ABCDEFGHJK", code).split("\\$");
        double search = Math.pow(10, code.length()) * Integer.parseInt(parts[1]);
        assertTrue(search >= 1e6 * 30_000, "tries x iterations: " + search);
    }

    /**
     * Issue 15: given only what a database copy holds (the tracking code and the stored form), a sweep of every
     * six-digit code with a fast hash finds nothing; each try needs a full PBKDF2 run of the stored iteration
     * count with the case's own salt (a cheaper run does not match), where the old unsalted SHA-256 gave the code
     * up in one fast sweep. (Sweeping the eight-digit codes issued now would take this test a hundred times as long.)
     */
    @Test
    void aDatabaseCopyDoesNotGiveUpTheCodeByTryingAll() {
        String secretCode = String.format("%06d", new java.util.Random().nextInt(1_000_000));
        String stored = codes.hash("ABCDEFGHJK", secretCode);
        String legacy = Codes.legacyHash("ABCDEFGHJK", secretCode);
        String[] parts = stored.split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[2]);
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
