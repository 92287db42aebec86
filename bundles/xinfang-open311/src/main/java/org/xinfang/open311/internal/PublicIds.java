package org.xinfang.open311.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The public id of a case ({@code service_request_id}): the case id encrypted deterministically under a key only
 * this node holds (a synthetic-IV construction: a 96-bit HMAC-SHA256 tag of the id is both the CTR nonce and the
 * check). The same case always has the same public id; it says nothing about the case id, its unit or its
 * sequence, so ids cannot be enumerated; a forged or altered id fails the check before any look-up.
 */
public final class PublicIds {
    private static final int TAG = 12;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    /** Case ids are at most 60 characters (Petition); anything longer is not ours. */
    private static final int MAX_ID = 120;

    private final SecretKeySpec mac;
    private final SecretKeySpec enc;

    /**
     * For Blueprint: the key kept in {@code keyFile}, made at first start (owner-only); empty for
     * {@code ${karaf.data}/xinfang/open311.key}. Losing the key changes every public id.
     */
    public PublicIds(String keyFile) {
        this(load(keyFile == null || keyFile.isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "xinfang", "open311.key") : Path.of(keyFile)));
    }

    PublicIds(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the key needs 32 bytes");
        }
        this.mac = new SecretKeySpec(derive(key, "mac"), "HmacSHA256");
        this.enc = new SecretKeySpec(Arrays.copyOf(derive(key, "enc"), 16), "AES");
    }

    /** The public id of a case. */
    String of(String caseId) {
        byte[] plain = caseId.getBytes(StandardCharsets.UTF_8);
        byte[] tag = tag(plain);
        byte[] cipher = ctr(tag, plain);
        byte[] out = new byte[TAG + cipher.length];
        System.arraycopy(tag, 0, out, 0, TAG);
        System.arraycopy(cipher, 0, out, TAG, cipher.length);
        return ENCODE.encodeToString(out);
    }

    /** The case id behind a public id, or empty when the id was not made here (forged, altered, malformed). */
    Optional<String> caseId(String publicId) {
        if (publicId == null || publicId.isEmpty() || publicId.length() > MAX_ID * 2) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = DECODE.decode(publicId);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (raw.length <= TAG) {
            return Optional.empty();
        }
        byte[] tag = Arrays.copyOf(raw, TAG);
        byte[] plain = ctr(tag, Arrays.copyOfRange(raw, TAG, raw.length));
        if (!MessageDigest.isEqual(tag, tag(plain))) {
            return Optional.empty();
        }
        return Optional.of(new String(plain, StandardCharsets.UTF_8));
    }

    private byte[] tag(byte[] plain) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(mac);
            return Arrays.copyOf(m.doFinal(plain), TAG);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17", e);
        }
    }

    private byte[] ctr(byte[] tag, byte[] input) {
        try {
            Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, enc, new IvParameterSpec(Arrays.copyOf(tag, 16)));
            return c.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR is part of every Java 17", e);
        }
    }

    private static byte[] derive(byte[] key, String purpose) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(("xinfang-open311-" + purpose).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17", e);
        }
    }

    private static byte[] load(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readAllBytes(file);
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, key);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions protect it
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the Open311 key " + file, e);
        }
    }
}
