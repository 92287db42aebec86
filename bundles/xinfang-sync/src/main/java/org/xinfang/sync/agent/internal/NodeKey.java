package org.xinfang.sync.agent.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.sync.Receipt;

/**
 * The node's own Ed25519 key pair, made at first start in {@code etc/xinfang-node.key} (owner-only), with
 * which a parent signs the receipts it gives its children. A receipt signed with the shared sync secret
 * would prove nothing against the child, who holds that secret too; this key only the parent holds.
 */
public final class NodeKey {
    private static final Logger LOG = LoggerFactory.getLogger(NodeKey.class);
    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final String publicKey;

    private NodeKey(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    /** The key in {@code file}, made there first if there is none. */
    public static NodeKey load(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
                        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
                KeyFactory f = KeyFactory.getInstance(ALGORITHM);
                PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0).strip())));
                PublicKey pub = f.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1).strip())));
                return new NodeKey(new KeyPair(pub, priv));
            }
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            Path tmp = file.resolveSibling(file.getFileName() + ".new");
            Files.writeString(tmp, "# Xinfang node key (Ed25519): private (PKCS#8), public (X.509), base64. Keep it secret.\n"
                    + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                    + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                LOG.warn("cannot restrict the permissions of {}", tmp);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.info("node key made in {}", file);
            return new NodeKey(pair);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("cannot load or make the node key " + file, e);
        }
    }

    /** The key of a node that runs from {@code etc/}. */
    public static NodeKey inEtc() {
        return load(Path.of(System.getProperty("karaf.etc", "etc"), "xinfang-node.key"));
    }

    /** The public key, X.509 DER in base64. */
    public String publicKey() {
        return publicKey;
    }

    /** A receipt for this chain head, signed now. */
    public Receipt receipt(String parent, String origin, long seq, String hash) {
        long at = System.currentTimeMillis();
        try {
            Signature sig = Signature.getInstance(ALGORITHM);
            sig.initSign(privateKey);
            sig.update(Receipt.signedText(parent, origin, seq, hash, at).getBytes(StandardCharsets.UTF_8));
            return new Receipt(parent, origin, seq, hash, at, publicKey, Base64.getEncoder().encodeToString(sig.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    /** Whether the receipt's signature is its key's over its fields (and the key is {@code expectedKey} if given). */
    public static boolean verifies(Receipt r, String expectedKey) {
        if (expectedKey != null && !expectedKey.equals(r.key())) {
            return false;
        }
        try {
            PublicKey pub = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(r.key())));
            Signature sig = Signature.getInstance(ALGORITHM);
            sig.initVerify(pub);
            sig.update(r.signedText().getBytes(StandardCharsets.UTF_8));
            return sig.verify(Base64.getDecoder().decode(r.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
