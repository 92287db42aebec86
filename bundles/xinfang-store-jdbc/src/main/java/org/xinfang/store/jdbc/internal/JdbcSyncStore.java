package org.xinfang.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.petition.PetitionStore.StoreException;
import org.xinfang.sync.ChainReport;
import org.xinfang.sync.JournalEntry;
import org.xinfang.sync.Message;
import org.xinfang.sync.Outgoing;
import org.xinfang.sync.PushResult;
import org.xinfang.sync.SyncAlarm;
import org.xinfang.sync.SyncRefusedException;
import org.xinfang.sync.SyncStore;

/** {@link SyncStore} in the same portable SQL and database as the petitions. */
public final class JdbcSyncStore implements SyncStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSyncStore.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final AtomicInteger nonceCalls = new AtomicInteger();

    public JdbcSyncStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("sync store: cannot " + what, e);
        }
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
    public PushResult receive(String fromNode, Predicate<String> originAllowed, List<JournalEntry> entries,
            String self) {
        try {
            return inTransaction("store a pushed batch", c -> {
                Map<String, Long> held = new HashMap<>();
                Map<String, String> lastHash = new HashMap<>();
                // hashes of the entries taken from this batch, not yet written: a repeat within the batch
                Map<OriginSeq, String> taken = new HashMap<>();
                List<Accepted> accepted = new ArrayList<>();
                Set<String> advanced = new LinkedHashSet<>();
                int duplicates = 0;
                for (JournalEntry e : entries) {
                    if (!originAllowed.test(e.origin())) {
                        throw new SyncRefusedException(403, "foreign_origin", e.origin(), 0,
                                "node " + fromNode + " may not send entries of " + e.origin());
                    }
                    if (!held.containsKey(e.origin())) {
                        Journal.Head head = Journal.head(c, e.origin());
                        held.put(e.origin(), head.seq());
                        lastHash.put(e.origin(), head.hash());
                    }
                    long have = held.get(e.origin());
                    if (e.seq() <= have) {
                        String stored = taken.containsKey(new OriginSeq(e.origin(), e.seq()))
                                ? taken.get(new OriginSeq(e.origin(), e.seq())) : Journal.hashOf(c, e.origin(), e.seq());
                        if (!e.hash().equals(stored)) {
                            throw new SyncRefusedException(409, "conflict", e.origin(), have + 1, "entry "
                                    + e.origin() + "#" + e.seq() + " differs from the one already held");
                        }
                        duplicates++;
                        continue;
                    }
                    if (e.seq() != have + 1) {
                        throw new SyncRefusedException(409, "gap", e.origin(), have + 1, "entry " + e.origin()
                                + "#" + e.seq() + " skips sequence; expected " + (have + 1));
                    }
                    if (!e.prevHash().equals(lastHash.get(e.origin())) || !e.hashIsValid()) {
                        throw new SyncRefusedException(409, "broken_chain", e.origin(), have + 1, "entry "
                                + e.origin() + "#" + e.seq() + " does not continue the hash chain");
                    }
                    JournalEntry relayed = e.via(self);
                    accepted.add(new Accepted(relayed, snapshotOf(relayed)));
                    held.put(e.origin(), e.seq());
                    lastHash.put(e.origin(), e.hash());
                    taken.put(new OriginSeq(e.origin(), e.seq()), e.hash());
                    advanced.add(e.origin());
                }
                if (!accepted.isEmpty()) {
                    store(c, accepted);
                    for (String origin : advanced) {
                        Journal.advance(c, origin, held.get(origin), lastHash.get(origin));
                    }
                }
                return new PushResult(held, accepted.size(), duplicates);
            });
        } catch (SyncRefusedException refused) {
            alarm(refused.reason(), fromNode, refused.getMessage());
            throw refused;
        }
    }

    private record OriginSeq(String origin, long seq) {
    }

    /** An entry that continues its chain, and the case it carries (null for a type not applied here). */
    private record Accepted(JournalEntry entry, PetitionJson.Snapshot snapshot) {
    }

    private static PetitionJson.Snapshot snapshotOf(JournalEntry e) {
        return switch (e.type()) {
            case "PETITION_REGISTERED", "CASE_UPDATED" -> PetitionJson.read(e.payload());
            default -> null;
        };
    }

    /**
     * Writes accepted entries at consecutive outbox positions and applies their cases, in the caller's
     * transaction: new cases go in JDBC batches, a case already stored here is updated in place.
     */
    private static void store(Connection c, List<Accepted> accepted) throws SQLException {
        long pos = Journal.reserve(c, accepted.size());
        Set<String> known = JdbcPetitionStore.stored(c, accepted.stream().filter(a -> a.snapshot() != null)
                .map(a -> a.snapshot().petition().id()).toList());
        try (RowWriter rows = new RowWriter(c)) {
            for (Accepted a : accepted) {
                JournalEntry e = a.entry();
                rows.journal(e, pos++);
                if (a.snapshot() == null) {
                    LOG.warn("journal entry type {} is not known here; kept and relayed, not applied", e.type());
                } else if (known.add(a.snapshot().petition().id())) {
                    rows.newCase(a.snapshot().petition(), a.snapshot().verificationHash(), e.origin(), e.seq(),
                            String.join(Journal.PATH_SEPARATOR, e.path()));
                } else {
                    rows.flush(); // the case may have been added by this batch: it must be in the table first
                    JdbcPetitionStore.updateStored(c, a.snapshot().petition());
                }
            }
            rows.flush();
        }
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
                boolean intact = true;
                while (rs.next()) {
                    JournalEntry e = Journal.read(rs, 1);
                    if (!e.origin().equals(origin)) {
                        if (origin != null) {
                            reports.put(origin, new ChainReport(origin, count, last, intact));
                        }
                        origin = e.origin();
                        count = 0;
                        last = 0;
                        lastHash = JournalEntry.GENESIS;
                        intact = true;
                    }
                    intact &= e.seq() == last + 1 && e.prevHash().equals(lastHash) && e.hashIsValid();
                    count++;
                    last = e.seq();
                    lastHash = e.hash();
                }
                if (origin != null) {
                    reports.put(origin, new ChainReport(origin, count, last, intact));
                }
            }
            return new ArrayList<>(reports.values());
        });
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
        long seq = JdbcPetitionStore.increment(c, "downbox:" + child);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO xf_downbox (child_node, seq, msg_id, recipient,"
                + " msg_type, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, child);
            ps.setLong(2, seq);
            ps.setString(3, msgId);
            ps.setString(4, recipient);
            ps.setString(5, type);
            ps.setString(6, payload);
            ps.setLong(7, createdMillis);
            ps.executeUpdate();
        }
    }

    @Override
    public List<Message> messagesFor(String childNode, long afterSeq, int limit) {
        return inTransaction("read messages", c -> {
            List<Message> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, msg_id, recipient, msg_type, payload,"
                    + " created_at FROM xf_downbox WHERE child_node = ? AND seq > ? ORDER BY seq"
                    + " FETCH NEXT ? ROWS ONLY")) {
                ps.setString(1, childNode);
                ps.setLong(2, afterSeq);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getLong(6)));
                    }
                }
            }
            return list;
        });
    }

    @Override
    public void applyMessage(Message m, String nextHop, String cursorKey) {
        applyOnce(m, cursorKey, c -> {
            if (nextHop != null) {
                enqueue(c, nextHop, m.id(), m.recipient(), m.type(), m.payload(), m.createdMillis());
            } else if ("CASE".equals(m.type())) {
                JdbcPetitionStore.upsert(c, PetitionJson.read(m.payload()), null, -1, null);
            } else {
                LOG.warn("message type {} is not known here; acknowledged, not applied", m.type());
            }
            return null;
        });
    }

    /**
     * Runs {@code work} for a pulled message unless its id was applied before, records the id, and
     * moves the pull cursor: all in one transaction, so a crash between pulls repeats nothing twice.
     */
    private void applyOnce(Message m, String cursorKey, Work<Void> work) {
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
                enqueue(c, child, m.id(), m.recipient(), m.type(), m.payload(), m.createdMillis());
            }
            return null;
        });
    }

    @Override
    public void applyBroadcast(Message m, java.util.Collection<String> children, String cursorKey) {
        applyOnce(m, cursorKey, c -> {
            for (String child : children) {
                enqueue(c, child, m.id(), m.recipient(), m.type(), m.payload(), m.createdMillis());
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
    public void alarm(String kind, String node, String message) {
        LOG.warn("sync alarm {} from {}: {}", kind, node, message);
        inTransaction("raise an alarm", c -> {
            long id = JdbcPetitionStore.increment(c, "alarm");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO xf_sync_alarm (id, at_millis, kind, node_id,"
                    + " message) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setLong(2, System.currentTimeMillis());
                ps.setString(3, kind);
                JdbcPetitionStore.setNullable(ps, 4, node);
                ps.setString(5, message.length() > 1000 ? message.substring(0, 1000) : message);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<SyncAlarm> alarms(int limit) {
        return inTransaction("read alarms", c -> {
            List<SyncAlarm> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, at_millis, kind, node_id, message"
                    + " FROM xf_sync_alarm ORDER BY id DESC FETCH NEXT ? ROWS ONLY")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new SyncAlarm(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5)));
                    }
                }
            }
            return list;
        });
    }
}
