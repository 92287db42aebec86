package org.xinfang.store.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.xinfang.sync.JournalEntry;

/**
 * The node's journal, written inside the caller's transaction: whatever commits a change commits
 * its journal entry, and a rollback takes both back, so sequences stay contiguous.
 */
final class Journal {
    static final String PATH_SEPARATOR = ">";

    private Journal() {
    }

    /** Appends a change made on this node; returns its sequence in the node's own chain. */
    static long appendOwn(Connection c, String node, String type, String entity, String payload, long atMillis)
            throws SQLException {
        long seq = nextOwn(c, node);
        appendOwnAt(c, node, seq, type, entity, payload, atMillis);
        return seq;
    }

    /**
     * Takes the next sequence of this node's own chain, for an entry whose payload must name it (an
     * event's identity is {@code node#seq}). The sequence row stays locked until commit: own appends are
     * serialised here. The caller appends the entry with {@link #appendOwnAt} in the same transaction.
     */
    static long nextOwn(Connection c, String node) throws SQLException {
        return Sql.increment(c, "journal:" + node);
    }

    /** Takes the next {@code count} sequences of this node's own chain at once; returns the first (as {@link #nextOwn}). */
    static long nextOwn(Connection c, String node, int count) throws SQLException {
        return Sql.increment(c, "journal:" + node, count) - count + 1;
    }

    /** Appends this node's own entry at the sequence {@link #nextOwn} gave. */
    static void appendOwnAt(Connection c, String node, long seq, String type, String entity, String payload,
            long atMillis) throws SQLException {
        Head head = head(c, node);
        if (head.seq() != seq - 1) {
            throw new IllegalStateException("journal of " + node + " ends at " + head.seq() + ", not " + (seq - 1));
        }
        String hash = JournalEntry.computeHash(head.hash(), node, seq, type, entity, atMillis, payload);
        insert(c, new JournalEntry(node, seq, type, entity, atMillis, payload, head.hash(), hash, List.of(node)));
        advance(c, node, seq, hash);
    }

    /** The identity of the event journalled at {@code seq} of {@code node}'s chain. */
    static String eventId(String node, long seq) {
        return node + "#" + seq;
    }

    /** The last entry held of a chain: its sequence and hash; (0, GENESIS) for a chain not held here. */
    record Head(long seq, String hash) {
        static final Head NONE = new Head(0, JournalEntry.GENESIS);
    }

    /** The head of an origin's chain, from the table kept beside the journal (one row per origin). */
    static Head head(Connection c, String origin) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_seq, last_hash FROM xf_chain_head WHERE origin = ?")) {
            ps.setString(1, origin);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : Head.NONE;
            }
        }
    }

    /** Moves an origin's head to an entry just written in the same transaction. */
    static void advance(Connection c, String origin, long seq, String hash) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE xf_chain_head SET last_seq = ?, last_hash = ?, advanced_at = ? WHERE origin = ?")) {
            up.setLong(1, seq);
            up.setString(2, hash);
            up.setLong(3, now);
            up.setString(4, origin);
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO xf_chain_head (origin, last_seq, last_hash, advanced_at) VALUES (?, ?, ?, ?)")) {
            ins.setString(1, origin);
            ins.setLong(2, seq);
            ins.setString(3, hash);
            ins.setLong(4, now);
            ins.executeUpdate();
        }
    }

    /** Stores an entry at the next outbox position. */
    static long insert(Connection c, JournalEntry e) throws SQLException {
        return insertAt(c, e, Sql.increment(c, "outbox"));
    }

    /**
     * Reserves {@code count} outbox positions at once and returns the first. Positions only order the
     * outbox; one left unused by a batch is a harmless gap.
     */
    static long reserve(Connection c, int count) throws SQLException {
        long last = Sql.increment(c, "outbox", count);
        return last - count + 1;
    }

    /** Stores an entry at a position reserved for it. */
    static long insertAt(Connection c, JournalEntry e, long pos) throws SQLException {
        try (RowWriter rows = new RowWriter(c)) {
            rows.journal(e, pos);
            rows.flush();
        }
        return pos;
    }

    /** The hash of an origin's entry, or null if not held. */
    static String hashOf(Connection c, String origin, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT entry_hash FROM xf_journal WHERE origin = ? AND origin_seq = ?")) {
            ps.setString(1, origin);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static JournalEntry read(ResultSet rs, int first) throws SQLException {
        int i = first;
        String origin = rs.getString(i++);
        long seq = rs.getLong(i++);
        String type = rs.getString(i++);
        String entity = rs.getString(i++);
        long at = rs.getLong(i++);
        String payload = new String(rs.getBytes(i++), StandardCharsets.UTF_8);
        String prev = rs.getString(i++);
        String hash = rs.getString(i++);
        String path = rs.getString(i);
        return new JournalEntry(origin, seq, type, entity, at, payload, prev, hash, List.of(path.split(PATH_SEPARATOR)));
    }

    static final String COLUMNS = "origin, origin_seq, entry_type, entity_id, at_millis, payload_utf8, prev_hash,"
            + " entry_hash, path";
}
