package org.xinfang.store.jdbc.internal;

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
        long seq = JdbcPetitionStore.increment(c, "journal:" + node);
        String prev = seq == 1 ? JournalEntry.GENESIS : hashOf(c, node, seq - 1);
        if (prev == null) {
            throw new IllegalStateException("journal of " + node + " lacks entry " + (seq - 1));
        }
        String hash = JournalEntry.computeHash(prev, node, seq, type, entity, atMillis, payload);
        insert(c, new JournalEntry(node, seq, type, entity, atMillis, payload, prev, hash, List.of(node)));
        return seq;
    }

    /** Stores an entry at the next outbox position. */
    static long insert(Connection c, JournalEntry e) throws SQLException {
        return insertAt(c, e, JdbcPetitionStore.increment(c, "outbox"));
    }

    /**
     * Reserves {@code count} outbox positions at once and returns the first. Positions only order the
     * outbox; one left unused by a batch is a harmless gap.
     */
    static long reserve(Connection c, int count) throws SQLException {
        long last = JdbcPetitionStore.increment(c, "outbox", count);
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

    /** The highest sequence held of an origin, 0 if none. */
    static long held(Connection c, String origin) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(origin_seq) FROM xf_journal WHERE origin = ?")) {
            ps.setString(1, origin);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
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
        String payload = rs.getString(i++);
        String prev = rs.getString(i++);
        String hash = rs.getString(i++);
        String path = rs.getString(i);
        return new JournalEntry(origin, seq, type, entity, at, payload, prev, hash, List.of(path.split(PATH_SEPARATOR)));
    }

    static final String COLUMNS = "origin, origin_seq, entry_type, entity_id, at_millis, payload, prev_hash,"
            + " entry_hash, path";
}
