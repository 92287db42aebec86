package org.xinfang.store.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.Person;
import org.xinfang.petition.PersonalField;
import org.xinfang.petition.PersonalRead;
import org.xinfang.petition.PersonalReads;
import org.xinfang.petition.PetitionStore.StoreException;

/**
 * The reads of full personal data, in the petition store's database: each stored and journalled
 * ({@code PERSONAL_DATA_READ}) in one transaction; the reads of the nodes below arrive through {@link Receiver}.
 */
public final class JdbcPersonalReads implements PersonalReads {
    /** The journal entry type of a recorded read. Field names of its payload are a wire contract. */
    static final String ENTRY_TYPE = "PERSONAL_DATA_READ";
    private static final int MAX_LIMIT = 1000;

    private final DataSource dataSource;

    public JdbcPersonalReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public PersonalRead record(String caseId, Person reader, String unit, String node, List<PersonalField> fields) {
        return Sql.inTransaction(dataSource, "cannot record a read of " + caseId, c -> {
            if (!caseHeld(c, caseId)) {
                throw new NotFoundException("未找到编号为 " + caseId + " 的信访事项 / no petition with id " + caseId);
            }
            long seq = Journal.nextOwn(c, node);
            PersonalRead r = new PersonalRead(node + "-" + seq, caseId, reader, unit, node,
                    Instant.ofEpochMilli(System.currentTimeMillis()), fields);
            insert(c, r);
            Journal.appendOwnAt(c, node, seq, ENTRY_TYPE, caseId, write(r), r.at().toEpochMilli());
            return r;
        });
    }

    @Override
    public List<PersonalRead> ofCase(String caseId, int limit) {
        return list("SELECT id, petition_id, reader, reader_name, reader_title, unit_code, node_id, read_at, fields"
                + " FROM xf_personal_read WHERE petition_id = ? ORDER BY read_at DESC, id DESC", limit, caseId);
    }

    @Override
    public List<PersonalRead> byReader(String node, String login, int limit) {
        return list("SELECT id, petition_id, reader, reader_name, reader_title, unit_code, node_id, read_at, fields"
                + " FROM xf_personal_read WHERE node_id = ? AND reader = ? ORDER BY read_at DESC, id DESC", limit,
                node, login);
    }

    private List<PersonalRead> list(String sql, int limit, String... args) {
        int max = Math.max(1, Math.min(limit, MAX_LIMIT));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(max);
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<PersonalRead> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && list.size() < max) {
                    List<PersonalField> fields = new ArrayList<>();
                    for (String f : rs.getString(9).split(",")) {
                        fields.add(PersonalField.fromJson(f));
                    }
                    list.add(new PersonalRead(rs.getString(1), rs.getString(2), new Person(rs.getString(3),
                            rs.getString(4), rs.getString(5)), rs.getString(6), rs.getString(7),
                            Instant.ofEpochMilli(rs.getLong(8)), fields));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new StoreException("cannot list reads", e);
        }
    }

    private static boolean caseHeld(Connection c, String caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM xf_petition WHERE id = ?")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Keeps a read that arrived from below; a read already held (the same entry twice) is kept once.
     *
     * @return false when the case is not held here
     */
    static boolean receive(Connection c, PersonalRead r) throws SQLException {
        if (!caseHeld(c, r.caseId())) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM xf_personal_read WHERE id = ?")) {
            ps.setString(1, r.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        insert(c, r);
        return true;
    }

    private static void insert(Connection c, PersonalRead r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO xf_personal_read (id, petition_id, reader,"
                + " reader_name, reader_title, unit_code, node_id, read_at, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.id());
            ps.setString(2, r.caseId());
            ps.setString(3, r.reader().login());
            Sql.setNullable(ps, 4, r.reader().name());
            Sql.setNullable(ps, 5, r.reader().title());
            ps.setString(6, r.unit());
            ps.setString(7, r.node());
            ps.setLong(8, r.at().toEpochMilli());
            ps.setString(9, String.join(",", r.fields().stream().map(PersonalField::json).toList()));
            ps.executeUpdate();
        }
    }

    static String write(PersonalRead r) {
        ObjectNode n = PetitionJson.MAPPER.createObjectNode();
        n.put("id", r.id());
        n.put("case", r.caseId());
        n.put("actor", r.reader().login());
        n.put("actorName", r.reader().name());
        n.put("actorTitle", r.reader().title());
        n.put("unit", r.unit());
        n.put("node", r.node());
        n.put("at", r.at().toEpochMilli());
        ArrayNode fields = n.putArray("fields");
        r.fields().forEach(f -> fields.add(f.json()));
        return n.toString();
    }

    /** @throws IllegalArgumentException when the text is not a valid read */
    static PersonalRead read(String json) {
        try {
            JsonNode n = PetitionJson.MAPPER.readTree(json);
            if (n == null || !n.isObject() || !n.path("fields").isArray() || !n.path("at").canConvertToLong()) {
                throw new IllegalArgumentException("a read is a JSON object with fields and a time");
            }
            List<PersonalField> fields = new ArrayList<>();
            for (JsonNode f : n.get("fields")) {
                fields.add(PersonalField.fromJson(f.asText()));
            }
            return new PersonalRead(text(n, "id"), text(n, "case"), new Person(text(n, "actor"),
                    n.path("actorName").isTextual() ? n.path("actorName").asText() : null,
                    n.path("actorTitle").isTextual() ? n.path("actorTitle").asText() : null),
                    text(n, "unit"), text(n, "node"), Instant.ofEpochMilli(n.get("at").asLong()), fields);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable read record: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v.asText();
    }
}
