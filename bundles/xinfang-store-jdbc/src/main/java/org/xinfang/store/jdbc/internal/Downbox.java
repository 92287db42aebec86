package org.xinfang.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionStore;
import org.xinfang.petition.TimelineDigest;

/**
 * The messages a node queues for its children (xf_downbox), written in the transaction of the change they
 * carry: cases as they are now, assignments, settings. The children fetch them on their own pulls.
 */
final class Downbox {
    private Downbox() {
    }

    /**
     * Queues the case as it is now for each of these children, in the caller's transaction, with the
     * conflict notices that go with it. The same copy is queued for a child once.
     */
    static void sendCopies(Connection c, Petition p, String verificationHash, List<PetitionStore.Conflict> notices,
            Collection<String> children, long atMillis) throws SQLException {
        if (children.isEmpty()) {
            return;
        }
        String payload = PetitionJson.write(p, verificationHash, notices);
        StringBuilder key = new StringBuilder(p.id()).append('\n').append(p.version()).append('\n')
                .append(TimelineDigest.of(p.timeline()));
        notices.forEach(n -> key.append('\n').append(n.eventId()));
        String msgId = "c:" + TimelineDigest.next("", key.toString()).substring(0, 40);
        for (String child : children) {
            enqueue(c, child, msgId, child, "CASE", payload, atMillis);
        }
    }

    /** Queues a message for a child inside the caller's transaction; a message id is queued once. */
    static void enqueue(Connection c, String child, String msgId, String recipient, String type, String payload,
            long createdMillis) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM xf_downbox WHERE child_node = ? AND msg_id = ?")) {
            ps.setString(1, child);
            ps.setString(2, msgId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        long seq = Sql.increment(c, "downbox:" + child);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO xf_downbox (child_node, seq, msg_id, recipient,"
                + " msg_type, payload_utf8, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, child);
            ps.setLong(2, seq);
            ps.setString(3, msgId);
            ps.setString(4, recipient);
            ps.setString(5, type);
            ps.setBytes(6, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ps.setLong(7, createdMillis);
            ps.executeUpdate();
        }
    }
}
