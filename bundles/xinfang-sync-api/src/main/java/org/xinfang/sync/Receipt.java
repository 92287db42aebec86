package org.xinfang.sync;

/**
 * A parent's signed statement that it holds a child's chain up to {@code seq}, whose entry has the hash
 * {@code hash}, at time {@code atMillis}: the child's history up to there is witnessed. The signature is
 * Ed25519 by the parent's node key over {@link #signedText()}; a node that rewrites or truncates its
 * journal later no longer matches the receipts it holds.
 *
 * @param parent the node that signed it
 * @param origin the chain it witnesses (the child's own)
 * @param key the parent's public key, X.509 DER in base64
 * @param signature base64
 */
public record Receipt(String parent, String origin, long seq, String hash, long atMillis, String key,
        String signature) {

    /** The text the signature covers. */
    public String signedText() {
        return signedText(parent, origin, seq, hash, atMillis);
    }

    /** The text a receipt with these fields signs. */
    public static String signedText(String parent, String origin, long seq, String hash, long atMillis) {
        return "xinfang-receipt\n" + parent + "\n" + origin + "\n" + seq + "\n" + hash + "\n" + atMillis;
    }
}
