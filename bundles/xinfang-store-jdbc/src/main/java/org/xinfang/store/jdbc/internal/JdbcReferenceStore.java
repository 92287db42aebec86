package org.xinfang.store.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.petition.PetitionStore.StoreException;
import org.xinfang.reference.ReferenceStore;
import org.xinfang.sync.Message;

/**
 * {@link ReferenceStore} in the petitions' database ({@code xf_reference}). A change at the top is queued
 * for every child in the same transaction ({@code REFERENCE} message, id {@code name@version} from the top
 * node); a child applies it under the same rule and passes it on, so the whole tree converges on the top's
 * highest version whatever order the messages come in.
 */
public final class JdbcReferenceStore implements ReferenceStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcReferenceStore.class);

    private final DataSource dataSource;

    public JdbcReferenceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Document> get(String name) {
        try (Connection c = dataSource.getConnection()) {
            return held(c, name);
        } catch (SQLException e) {
            throw new StoreException("reference store: cannot read " + name, e);
        }
    }

    @Override
    public Document replace(String name, long expectedVersion, String payload) {
        Document replaced = Sql.inTransaction(dataSource, "reference store: cannot replace " + name, c -> {
            Document next = new Document(name, expectedVersion + 1, payload);
            if (!write(c, next, expectedVersion)) {
                // end the failed transaction first: PostgreSQL answers nothing more inside it
                c.rollback();
                long current = held(c, name).map(Document::version).orElse(0L);
                throw new StaleException(name, expectedVersion, current);
            }
            Message m = message(next);
            for (String child : children(c)) {
                Downbox.enqueue(c, child, m.id(), m.recipient(), m.type(), m.payload(), m.createdMillis());
            }
            return next;
        });
        LOG.info("reference data {} replaced: version {}", name, replaced.version());
        return replaced;
    }

    /** Applies a copy from the parent if it is newer than the one held, and passes it on to the children. */
    static void apply(Connection c, Message m) throws SQLException {
        Document d = read(m.payload());
        Optional<Document> now = held(c, d.name());
        if (now.isPresent() && now.get().version() >= d.version()) {
            LOG.info("reference data {} version {} is not newer than the one held ({})", d.name(), d.version(),
                    now.get().version());
            return;
        }
        if (!write(c, d, now.map(Document::version).orElse(0L))) {
            throw new SQLException("reference data " + d.name() + " changed while applying");
        }
        for (String child : children(c)) {
            Downbox.enqueue(c, child, m.id(), m.recipient(), m.type(), m.payload(), m.createdMillis());
        }
        LOG.info("reference data {} version {} taken from the parent", d.name(), d.version());
    }

    /** Queues what is held for a child just registered, so it needs no change at the top to catch up. */
    static void queueHeldFor(Connection c, String child) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, doc_version, payload_utf8 FROM xf_reference");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Document d = new Document(rs.getString(1), rs.getLong(2),
                        new String(rs.getBytes(3), StandardCharsets.UTF_8));
                // the id names the version and content, so a copy the child already took is not applied again
                Message m = message(d);
                Downbox.enqueue(c, child, m.id(), m.recipient(), m.type(), m.payload(), m.createdMillis());
            }
        }
    }

    /** The message carrying {@code d}; its id names the document, version and content, unique in the tree. */
    static Message message(Document d) {
        ObjectNode n = PetitionJson.MAPPER.createObjectNode();
        n.put("name", d.name());
        n.put("version", d.version());
        n.put("document", d.payload());
        String digest = JdbcDigestStore.sha256(d.payload().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        return new Message(0, "reference:" + d.name() + "@" + d.version() + ":" + digest, "*", MESSAGE_TYPE,
                n.toString(), System.currentTimeMillis());
    }

    static Document read(String payload) throws SQLException {
        try {
            JsonNode n = PetitionJson.MAPPER.readTree(payload);
            String name = n.path("name").asText("");
            long version = n.path("version").asLong(0);
            String document = n.path("document").asText(null);
            if (name.isEmpty() || name.length() > 40 || version < 1 || document == null) {
                throw new SQLException("a reference message without name, version or document");
            }
            return new Document(name, version, document);
        } catch (IOException e) {
            throw new SQLException("a reference message that is not JSON", e);
        }
    }

    private static Optional<Document> held(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT doc_version, payload_utf8 FROM xf_reference WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Document(name, rs.getLong(1),
                        new String(rs.getBytes(2), StandardCharsets.UTF_8))) : Optional.empty();
            }
        }
    }

    /** Writes {@code d} over version {@code over} (0: none held); false when that is no longer what is held. */
    private static boolean write(Connection c, Document d, long over) throws SQLException {
        byte[] bytes = d.payload().getBytes(StandardCharsets.UTF_8);
        if (over > 0) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE xf_reference SET doc_version = ?, payload_utf8 = ?,"
                    + " updated_at = ? WHERE name = ? AND doc_version = ?")) {
                ps.setLong(1, d.version());
                ps.setBytes(2, bytes);
                ps.setLong(3, System.currentTimeMillis());
                ps.setString(4, d.name());
                ps.setLong(5, over);
                return ps.executeUpdate() == 1;
            }
        }
        if (held(c, d.name()).isPresent()) {
            return false; // someone wrote the first version already
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO xf_reference (name, doc_version, payload_utf8, updated_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, d.name());
            ps.setLong(2, d.version());
            ps.setBytes(3, bytes);
            ps.setLong(4, System.currentTimeMillis());
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false; // another writer inserted the first version first
            }
            throw e;
        }
    }

    private static List<String> children(Connection c) throws SQLException {
        List<String> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT node_id FROM xf_sync_child ORDER BY node_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(rs.getString(1));
            }
        }
        return list;
    }
}
