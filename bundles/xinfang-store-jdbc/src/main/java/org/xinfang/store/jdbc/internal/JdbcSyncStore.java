package org.xinfang.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionStore;
import org.xinfang.petition.PetitionStore.StoreException;
import org.xinfang.petition.TimelineDigest;
import org.xinfang.sync.ChainReport;
import org.xinfang.sync.JournalEntry;
import org.xinfang.sync.Message;
import org.xinfang.sync.Outgoing;
import org.xinfang.sync.ChainHead;
import org.xinfang.sync.ConsistencyReport;
import org.xinfang.sync.PushResult;
import org.xinfang.sync.Receipt;
import org.xinfang.sync.RefusedEntry;
import org.xinfang.sync.SyncAlarm;
import org.xinfang.sync.SyncRefusedException;
import org.xinfang.sync.SyncPolicy;
import org.xinfang.sync.SyncStore;
import org.xinfang.sync.WitnessCheck;

/** {@link SyncStore} in the same portable SQL and database as the petitions. */
public final class JdbcSyncStore implements SyncStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSyncStore.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final org.xinfang.attachment.AttachmentLimits attachmentLimits;
    private final AtomicInteger nonceCalls = new AtomicInteger();

    public JdbcSyncStore(DataSource dataSource) {
        this(dataSource, org.xinfang.attachment.AttachmentLimits.DEFAULT);
    }

    /** @param attachments the limits an attachment's fact pushed by a child is held to (per file, per case) */
    public JdbcSyncStore(DataSource dataSource, org.xinfang.attachment.AttachmentLimits attachments) {
        this.attachmentLimits = attachments;
        this.dataSource = dataSource;
    }

    private <T> T inTransaction(String what, Sql.Work<T> work) {
        return Sql.inTransaction(dataSource, "sync store: cannot " + what, work);
    }

    @Override
    public List<Outgoing> outbox(long afterPos, int limit) {
        return inTransaction("read the outbox", c -> {
            List<Outgoing> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT pos, " + Journal.COLUMNS
                    + " FROM xf_journal WHERE pos > ? ORDER BY pos FETCH NEXT ? ROWS ONLY")) {
                ps.setLong(1, afterPos);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Outgoing(rs.getLong(1), Journal.read(rs, 2)));
                    }
                }
            }
            return list;
        });
    }

    @Override
    public long lastPos() {
        return inTransaction("read the outbox", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(pos) FROM xf_journal");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public Optional<Long> positionOf(String origin, long seq) {
        return inTransaction("find a journal entry", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT pos FROM xf_journal WHERE origin = ? AND origin_seq = ?")) {
                ps.setString(1, origin);
                ps.setLong(2, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public PushResult receive(String fromNode, SyncPolicy policy, List<JournalEntry> entries) {
        try {
            return inTransaction("store a pushed batch", c -> new Receiver(c, fromNode, policy, attachmentLimits).run(entries));
        } catch (SyncRefusedException refused) {
            alarm(refused.reason(), fromNode, refused.getMessage());
            throw refused;
        }
    }

    @Override
    public List<RefusedEntry> refused(int limit) {
        return inTransaction("read refused entries", c -> {
            List<RefusedEntry> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT origin, origin_seq, petition_id, from_node, kind,"
                    + " reason, at_millis FROM xf_refused_entry ORDER BY at_millis DESC, origin, origin_seq"
                    + " FETCH NEXT ? ROWS ONLY")) {
                ps.setInt(1, Math.max(1, limit));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new RefusedEntry(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getLong(7)));
                    }
                }
            }
            return list;
        });
    }

    @Override
    public Map<String, Long> held() {
        return inTransaction("read held sequences", c -> {
            Map<String, Long> held = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT origin, last_seq FROM xf_chain_head");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.put(rs.getString(1), rs.getLong(2));
                }
            }
            return held;
        });
    }

    @Override
    public List<ChainReport> verifyChains() {
        return inTransaction("verify chains", c -> {
            Map<String, ChainReport> reports = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + Journal.COLUMNS
                    + " FROM xf_journal ORDER BY origin, origin_seq"); ResultSet rs = ps.executeQuery()) {
                String origin = null;
                long count = 0;
                long last = 0;
                String lastHash = null;
                long firstBroken = 0;
                while (rs.next()) {
                    JournalEntry e = Journal.read(rs, 1);
                    if (!e.origin().equals(origin)) {
                        if (origin != null) {
                            reports.put(origin, new ChainReport(origin, count, last, firstBroken == 0, firstBroken));
                        }
                        origin = e.origin();
                        count = 0;
                        last = 0;
                        lastHash = JournalEntry.GENESIS;
                        firstBroken = 0;
                    }
                    boolean links = e.seq() == last + 1 && e.prevHash().equals(lastHash) && e.hashIsValid();
                    if (!links && firstBroken == 0) {
                        firstBroken = last + 1;
                    }
                    count++;
                    last = e.seq();
                    lastHash = e.hash();
                }
                if (origin != null) {
                    reports.put(origin, new ChainReport(origin, count, last, firstBroken == 0, firstBroken));
                }
            }
            return new ArrayList<>(reports.values());
        });
    }

    @Override
    public List<Message> messagesFor(String childNode, long afterSeq, int limit) {
        return inTransaction("read messages", c -> {
            List<Message> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, msg_id, recipient, msg_type, payload_utf8,"
                    + " created_at FROM xf_downbox WHERE child_node = ? AND seq > ? ORDER BY seq"
                    + " FETCH NEXT ? ROWS ONLY")) {
                ps.setString(1, childNode);
                ps.setLong(2, afterSeq);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                new String(rs.getBytes(5), java.nio.charset.StandardCharsets.UTF_8), rs.getLong(6)));
                    }
                }
            }
            return list;
        });
    }

    @Override
    public void applyMessage(Message m, SyncPolicy policy, String cursorKey) {
        applyOnce(m, cursorKey, c -> {
            if ("CASE".equals(m.type())) {
                Copies.apply(c, m, policy);
            } else if (org.xinfang.reference.ReferenceStore.MESSAGE_TYPE.equals(m.type())) {
                JdbcReferenceStore.apply(c, m);
            } else if (JdbcScreeningStore.handles(m.type())) {
                JdbcScreeningStore.onMessage(c, m, policy);
            } else {
                String nextHop = policy.nextHop(m.recipient());
                if (nextHop != null) {
                    Downbox.enqueue(c, nextHop, m.id(), m.recipient(), m.type(), m.payload(), m.createdMillis());
                } else {
                    LOG.warn("message type {} is not known here; acknowledged, not applied", m.type());
                }
            }
            return null;
        });
    }

    /**
     * Runs {@code work} for a pulled message unless its id was applied before, records the id, and
     * moves the pull cursor: all in one transaction, so a crash between pulls repeats nothing twice.
     */
    private void applyOnce(Message m, String cursorKey, Sql.Work<Void> work) {
        inTransaction("apply a message", c -> {
            boolean seen;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM xf_applied_message WHERE msg_id = ?")) {
                ps.setString(1, m.id());
                try (ResultSet rs = ps.executeQuery()) {
                    seen = rs.next();
                }
            }
            if (!seen) {
                work.run(c);
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO xf_applied_message (msg_id, applied_at) VALUES (?, ?)")) {
                    ps.setString(1, m.id());
                    ps.setLong(2, System.currentTimeMillis());
                    ps.executeUpdate();
                }
            }
            putState(c, cursorKey, String.valueOf(m.seq()));
            return null;
        });
    }

    @Override
    public void queueForChildren(Message m, java.util.Collection<String> children) {
        inTransaction("queue a message for children", c -> {
            for (String child : children) {
                Downbox.enqueue(c, child, m.id(), m.recipient(), m.type(), m.payload(), m.createdMillis());
            }
            return null;
        });
    }

    @Override
    public void applyBroadcast(Message m, java.util.Collection<String> children, String cursorKey) {
        applyOnce(m, cursorKey, c -> {
            for (String child : children) {
                Downbox.enqueue(c, child, m.id(), m.recipient(), m.type(), m.payload(), m.createdMillis());
            }
            return null;
        });
    }

    @Override
    public Optional<String> state(String key) {
        return inTransaction("read sync state", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT val FROM xf_sync_state WHERE name = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    static String state(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT val FROM xf_sync_state WHERE name = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Override
    public void setState(String key, String value) {
        inTransaction("write sync state", c -> {
            putState(c, key, value);
            return null;
        });
    }

    private static void putState(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE xf_sync_state SET val = ? WHERE name = ?")) {
            up.setString(1, value);
            up.setString(2, key);
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO xf_sync_state (name, val) VALUES (?, ?)")) {
            ins.setString(1, key);
            ins.setString(2, value);
            ins.executeUpdate();
        }
    }

    @Override
    public void registerChild(String node, String secret) {
        inTransaction("register a child", c -> {
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE xf_sync_child SET secret = ?, registered_at = ? WHERE node_id = ?")) {
                up.setString(1, secret);
                up.setLong(2, System.currentTimeMillis());
                up.setString(3, node);
                if (up.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO xf_sync_child (node_id, secret,"
                    + " registered_at, last_seen) VALUES (?, ?, ?, 0)")) {
                ins.setString(1, node);
                ins.setString(2, secret);
                ins.setLong(3, System.currentTimeMillis());
                ins.executeUpdate();
            }
            // a new child gets the reference data held here with its registration
            JdbcReferenceStore.queueHeldFor(c, node);
            return null;
        });
    }

    @Override
    public Optional<String> childSecret(String node) {
        return inTransaction("read a child", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT secret FROM xf_sync_child WHERE node_id = ?")) {
                ps.setString(1, node);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Map<String, Long> children() {
        return inTransaction("list children", c -> {
            Map<String, Long> map = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT node_id, last_seen FROM xf_sync_child");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    map.put(rs.getString(1), rs.getLong(2));
                }
            }
            return map;
        });
    }

    @Override
    public void childSeen(String node, long atMillis) {
        inTransaction("note a child's call", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE xf_sync_child SET last_seen = ? WHERE node_id = ?")) {
                ps.setLong(1, atMillis);
                ps.setString(2, node);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean useNonce(String node, String nonce, long expiresMillis) {
        try {
            return inTransaction("use a nonce", c -> {
                if (nonceCalls.incrementAndGet() % 200 == 0) {
                    try (PreparedStatement del = c.prepareStatement("DELETE FROM xf_sync_nonce WHERE expires_at < ?")) {
                        del.setLong(1, System.currentTimeMillis());
                        del.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO xf_sync_nonce (node_id, nonce, expires_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, node);
                    ps.setString(2, nonce);
                    ps.setLong(3, expiresMillis);
                    ps.executeUpdate();
                }
                return true;
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void alarm(String kind, String node, String source, String message) {
        long now = System.currentTimeMillis();
        String from = source == null ? "" : clip(source, 64);
        String about = node == null || node.isEmpty() ? null : clip(node, 40);
        boolean counted = inTransaction("raise an alarm", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE xf_sync_alarm SET raised_count = raised_count + 1,"
                    + " last_at = ? WHERE kind = ? AND source = ? AND at_millis >= ?")) {
                ps.setLong(1, now);
                ps.setString(2, clip(kind, 40));
                ps.setString(3, from);
                ps.setLong(4, now - ALARM_INTERVAL_MILLIS);
                if (ps.executeUpdate() > 0) {
                    return true;
                }
            }
            long id = insertAlarm(c, kind, about, message, null, now);
            try (PreparedStatement ps = c.prepareStatement("UPDATE xf_sync_alarm SET source = ? WHERE id = ?")) {
                ps.setString(1, from);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return false;
        });
        if (!counted) {
            LOG.warn("sync alarm {} about {} from {}: {}", kind, about == null ? "an unknown node" : about, from, message);
        }
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    @Override
    public void alarmUpward(String self, String kind, String node, String message) {
        LOG.warn("sync alarm {} about {} (sent up): {}", kind, node, message);
        inTransaction("raise an alarm", c -> {
            raiseUpward(c, self, kind, node, message);
            return null;
        });
    }

    /** Keeps an alarm and journals it so that it travels up to the top of the network. */
    static void raiseUpward(Connection c, String self, String kind, String node, String message) throws SQLException {
        long now = System.currentTimeMillis();
        insertAlarm(c, kind, node, message, null, now);
        try {
            String payload = PetitionJson.MAPPER.writeValueAsString(Map.of("kind", kind, "node", node == null ? "" : node,
                    "message", message));
            Journal.appendOwn(c, self, "SYNC_ALARM", null, payload, now);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an alarm always serializes", e);
        }
    }

    /** An alarm journalled below: kind, node, message. */
    static String[] readAlarm(String payload) {
        try {
            var n = PetitionJson.MAPPER.readTree(payload);
            return new String[] {n.path("kind").asText("alarm"), n.path("node").asText(null), n.path("message").asText("")};
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a readable alarm", e);
        }
    }

    /** Keeps an alarm row, and only the newest {@link #ALARMS_KEPT}: ids are handed out one by one, so the rest go. */
    static long insertAlarm(Connection c, String kind, String node, String message, String raisedAt, long atMillis)
            throws SQLException {
        long id = Sql.increment(c, "alarm");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO xf_sync_alarm (id, at_millis, kind, node_id,"
                + " message, raised_at, last_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setLong(2, atMillis);
            ps.setString(3, clip(kind, 40));
            Sql.setNullable(ps, 4, node == null || node.isEmpty() ? null : clip(node, 40));
            ps.setString(5, clip(message, 1000));
            Sql.setNullable(ps, 6, raisedAt == null ? null : clip(raisedAt, 40));
            ps.setLong(7, atMillis);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM xf_sync_alarm WHERE id <= ?")) {
            ps.setLong(1, id - ALARMS_KEPT);
            ps.executeUpdate();
        }
        return id;
    }

    @Override
    public List<ChainHead> heads() {
        return inTransaction("read chain heads", c -> {
            List<ChainHead> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT origin, last_seq, last_hash, advanced_at, reported_seq,"
                    + " reported_at FROM xf_chain_head ORDER BY origin"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new ChainHead(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6)));
                }
            }
            return list;
        });
    }

    @Override
    public void reportHeads(String child, Map<String, Long> heads, java.util.function.Predicate<String> allowed) {
        inTransaction("note reported heads", c -> {
            long now = System.currentTimeMillis();
            for (Map.Entry<String, Long> h : new TreeMap<>(heads).entrySet()) {
                if (!allowed.test(h.getKey()) || h.getValue() == null || h.getValue() < 0) {
                    continue;
                }
                try (PreparedStatement up = c.prepareStatement("UPDATE xf_chain_head SET reported_seq = ?,"
                        + " reported_at = ? WHERE origin = ? AND (reported_seq IS NULL OR reported_seq <= ?)")) {
                    up.setLong(1, h.getValue());
                    up.setLong(2, now);
                    up.setString(3, h.getKey());
                    up.setLong(4, h.getValue());
                    if (up.executeUpdate() > 0) {
                        continue;
                    }
                }
                if (Journal.head(c, h.getKey()).seq() == 0 && !headRowExists(c, h.getKey())) {
                    try (PreparedStatement ins = c.prepareStatement("INSERT INTO xf_chain_head (origin, last_seq,"
                            + " last_hash, reported_seq, reported_at) VALUES (?, 0, ?, ?, ?)")) {
                        ins.setString(1, h.getKey());
                        ins.setString(2, JournalEntry.GENESIS);
                        ins.setLong(3, h.getValue());
                        ins.setLong(4, now);
                        ins.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    private static boolean headRowExists(Connection c, String origin) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM xf_chain_head WHERE origin = ?")) {
            ps.setString(1, origin);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void keepReceipt(Receipt r) {
        inTransaction("keep a receipt", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM xf_receipt WHERE origin = ? AND origin_seq = ?")) {
                ps.setString(1, r.origin());
                ps.setLong(2, r.seq());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return null; // one receipt per position is enough
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO xf_receipt (origin, origin_seq, entry_hash,"
                    + " at_millis, parent, parent_key, signature) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.origin());
                ps.setLong(2, r.seq());
                ps.setString(3, r.hash());
                ps.setLong(4, r.atMillis());
                ps.setString(5, r.parent());
                ps.setString(6, r.key());
                ps.setString(7, r.signature());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<WitnessCheck> witnessChecks(String self) {
        return inTransaction("check receipts", c -> {
            List<WitnessCheck> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.origin, r.origin_seq, r.entry_hash, r.at_millis,"
                    + " r.parent, r.parent_key, r.signature, j.entry_hash FROM xf_receipt r LEFT JOIN xf_journal j"
                    + " ON j.origin = r.origin AND j.origin_seq = r.origin_seq WHERE r.origin = ? ORDER BY r.origin_seq")) {
                ps.setString(1, self);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new WitnessCheck(new Receipt(rs.getString(5), rs.getString(1), rs.getLong(2),
                                rs.getString(3), rs.getLong(4), rs.getString(6), rs.getString(7)), rs.getString(8)));
                    }
                }
            }
            return list;
        });
    }

    @Override
    public void keepConsistencyReport(ConsistencyReport r) {
        inTransaction("keep a consistency report", c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM xf_consistency WHERE node_id = ?")) {
                del.setString(1, r.node());
                del.executeUpdate();
            }
            StringBuilder ids = new StringBuilder();
            for (String id : r.differing()) {
                if (ids.length() + id.length() + 1 > 32000) {
                    break; // the count is kept whole; the list as far as it fits
                }
                ids.append(ids.length() == 0 ? "" : ",").append(id);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO xf_consistency (node_id, parent, checked_at,"
                    + " cases, differing) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, r.node());
                ps.setString(2, r.parent());
                ps.setLong(3, r.checkedAtMillis());
                ps.setInt(4, r.cases());
                ps.setString(5, ids.toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<ConsistencyReport> consistencyReports() {
        return inTransaction("read consistency reports", c -> {
            List<ConsistencyReport> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT node_id, parent, checked_at, cases, differing"
                    + " FROM xf_consistency ORDER BY node_id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String ids = rs.getString(5);
                    list.add(new ConsistencyReport(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                            ids.isEmpty() ? List.of() : List.of(ids.split(","))));
                }
            }
            return list;
        });
    }

    @Override
    public List<SyncAlarm> alarms(int limit) {
        return inTransaction("read alarms", c -> {
            List<SyncAlarm> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, at_millis, kind, node_id, message, raised_at,"
                    + " source, raised_count, last_at FROM xf_sync_alarm ORDER BY id DESC FETCH NEXT ? ROWS ONLY")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String source = rs.getString(7);
                        list.add(new SyncAlarm(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), source == null || source.isEmpty() ? null : source,
                                rs.getInt(8), rs.getLong(9)));
                    }
                }
            }
            return list;
        });
    }
}
