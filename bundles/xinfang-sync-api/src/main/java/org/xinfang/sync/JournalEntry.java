package org.xinfang.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a node's journal: a change that must leave the node, as it travels upward. Entries of
 * one origin form a chain: contiguous sequence numbers from 1, each naming the SHA-256 hash of the one
 * before. The path (the nodes it passed) is not part of the hash: relays append to it.
 *
 * @param origin the node where the change happened
 * @param seq its position in the origin's journal, from 1, without gaps
 * @param type what changed, e.g. {@code PETITION_REGISTERED}
 * @param entity the id of the record changed (a petition id)
 * @param atMillis when it happened at the origin (epoch milliseconds)
 * @param payload the change, JSON, exactly as hashed
 * @param prevHash hash of the origin's previous entry, {@link #GENESIS} for the first
 * @param hash SHA-256 over the other fields; see {@link #computeHash}
 * @param path node ids the entry travelled through, origin first
 */
public record JournalEntry(String origin, long seq, String type, String entity, long atMillis, String payload,
        String prevHash, String hash, List<String> path) {

    /** The previous hash of an origin's first entry. */
    public static final String GENESIS = "0".repeat(64);

    public JournalEntry {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be positive");
        }
        path = List.copyOf(path);
    }

    /** The hash an entry with these fields must carry. */
    public static String computeHash(String prevHash, String origin, long seq, String type, String entity,
            long atMillis, String payload) {
        String text = prevHash + "\n" + origin + "\n" + seq + "\n" + type + "\n" + (entity == null ? "" : entity)
                + "\n" + atMillis + "\n" + payload;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether {@link #hash} is the hash of the other fields. */
    public boolean hashIsValid() {
        return hash.equals(computeHash(prevHash, origin, seq, type, entity, atMillis, payload));
    }

    /** The same entry with {@code node} appended to its path. */
    public JournalEntry via(String node) {
        if (!path.isEmpty() && path.get(path.size() - 1).equals(node)) {
            return this;
        }
        List<String> longer = new java.util.ArrayList<>(path);
        longer.add(node);
        return new JournalEntry(origin, seq, type, entity, atMillis, payload, prevHash, hash, longer);
    }
}
