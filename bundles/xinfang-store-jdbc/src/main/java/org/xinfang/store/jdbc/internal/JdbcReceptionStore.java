package org.xinfang.store.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.PetitionStore.StoreException;
import org.xinfang.reception.ReceptionDay;
import org.xinfang.reception.ReceptionStore;

/**
 * {@link ReceptionStore} in portable SQL, in the petition store's database (the store's migrations create
 * its tables). A change of this node's rota and its journal entry commit together; a child's session
 * arrives through {@link Receiver} and replaces the copy held here only with a higher version.
 */
public final class JdbcReceptionStore implements ReceptionStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcReceptionStore.class);
    private static final String UNIQUE_VIOLATION = "23505";
    /** How many session ids one look-up of their cases asks for. */
    private static final int CHUNK = 50;

    private final DataSource dataSource;

    public JdbcReceptionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String nextId(String unit) {
        return ReceptionDay.id(unit, Sql.nextSequence(dataSource, "reception-day"));
    }

    @Override
    public ReceptionDay insert(ReceptionDay day, String node) {
        try {
            Sql.transaction(dataSource, c -> {
                insertRow(c, day);
                String json = ReceptionJson.write(day);
                return Journal.appendOwn(c, node, ReceptionJson.ENTRY_TYPE, day.id(), json,
                        day.changedAt().toEpochMilli());
            });
            LOG.info("reception day {} of {} scheduled for {}", day.id(), day.unit(), day.date());
            return day;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("reception day " + day.id() + " is already stored", e);
            }
            throw new StoreException("cannot store reception day " + day.id(), e);
        }
    }

    @Override
    public ReceptionDay update(String id, UnaryOperator<ReceptionDay> change, String node) {
        return Sql.inTransaction(dataSource, "cannot change reception day " + id, c -> {
            // the session's row lock first, then the journal's: two changes of one session queue here
            if (!lock(c, id)) {
                throw new NotFoundException("未找到编号为 " + id + " 的接访日 / no reception day " + id);
            }
            ReceptionDay before = read(c, id).orElseThrow();
            ReceptionDay after = change.apply(before);
            if (!after.id().equals(before.id()) || !after.unit().equals(before.unit())
                    || after.version() != before.version() + 1) {
                throw new IllegalStateException("a change of " + id + " must keep its id and unit and take the next version");
            }
            writeRow(c, after);
            Journal.appendOwn(c, node, ReceptionJson.ENTRY_TYPE, id, ReceptionJson.write(after),
                    after.changedAt().toEpochMilli());
            return after;
        });
    }

    @Override
    public Optional<ReceptionDay> get(String id) {
        try (Connection c = dataSource.getConnection()) {
            return read(c, id);
        } catch (SQLException e) {
            throw new StoreException("cannot read reception day " + id, e);
        }
    }

    @Override
    public List<ReceptionDay> between(LocalDate from, LocalDate to, Collection<String> units) {
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(units));
        StringBuilder sql = new StringBuilder("SELECT payload_utf8 FROM xf_reception_day WHERE day_date >= ? AND day_date <= ?");
        if (!wanted.isEmpty()) {
            sql.append(" AND unit_code IN (").append(String.join(", ", Collections.nCopies(wanted.size(), "?"))).append(")");
        }
        sql.append(" ORDER BY day_date, start_time, id");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            for (int i = 0; i < wanted.size(); i++) {
                ps.setString(3 + i, wanted.get(i));
            }
            List<ReceptionDay> days = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(ReceptionJson.read(new String(rs.getBytes(1), StandardCharsets.UTF_8)));
                }
            }
            return days;
        } catch (SQLException e) {
            throw new StoreException("cannot list reception days", e);
        }
    }

    @Override
    public Map<String, List<String>> cases(Collection<String> ids) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(ids));
        Map<String, List<String>> found = new LinkedHashMap<>();
        if (all.isEmpty()) {
            return found;
        }
        int chunk = Math.min(CHUNK, all.size());
        String marks = String.join(", ", Collections.nCopies(chunk, "?"));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT day_id, petition_id FROM xf_reception_case WHERE day_id IN (" + marks + ")"
                        + " ORDER BY day_id, registered_at, petition_id")) {
            for (int from = 0; from < all.size(); from += chunk) {
                for (int i = 0; i < chunk; i++) {
                    // the last chunk is padded with its own last id: one statement text for every chunk
                    ps.setString(i + 1, all.get(Math.min(from + i, all.size() - 1)));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<String> list = found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                        if (!list.contains(rs.getString(2))) {
                            list.add(rs.getString(2));
                        }
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("cannot list the cases of reception days", e);
        }
    }

    /**
     * Takes a child's session in the caller's transaction (a pushed batch): stored when new, replacing the
     * copy held when its version is higher; an older or equal version changes nothing. True if stored.
     */
    static boolean receive(Connection c, ReceptionDay day) throws SQLException {
        Integer held = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT day_version FROM xf_reception_day WHERE id = ?")) {
            ps.setString(1, day.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    held = rs.getInt(1);
                }
            }
        }
        if (held == null) {
            insertRow(c, day);
            return true;
        }
        if (held >= day.version()) {
            return false;
        }
        writeRow(c, day);
        return true;
    }

    private static boolean lock(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE xf_reception_day SET day_version = day_version WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() > 0;
        }
    }

    private static Optional<ReceptionDay> read(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT payload_utf8 FROM xf_reception_day WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(ReceptionJson.read(new String(rs.getBytes(1), StandardCharsets.UTF_8)))
                        : Optional.empty();
            }
        }
    }

    private static void insertRow(Connection c, ReceptionDay d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO xf_reception_day (id, unit_code, day_date,"
                + " start_time, day_status, day_version, payload_utf8) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, d.id());
            ps.setString(2, d.unit());
            ps.setDate(3, Date.valueOf(d.date()));
            ps.setString(4, d.start().toString());
            ps.setString(5, d.status().name());
            ps.setInt(6, d.version());
            ps.setBytes(7, ReceptionJson.write(d).getBytes(StandardCharsets.UTF_8));
            ps.executeUpdate();
        }
    }

    private static void writeRow(Connection c, ReceptionDay d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE xf_reception_day SET day_date = ?, start_time = ?,"
                + " day_status = ?, day_version = ?, payload_utf8 = ? WHERE id = ?")) {
            ps.setDate(1, Date.valueOf(d.date()));
            ps.setString(2, d.start().toString());
            ps.setString(3, d.status().name());
            ps.setInt(4, d.version());
            ps.setBytes(5, ReceptionJson.write(d).getBytes(StandardCharsets.UTF_8));
            ps.setString(6, d.id());
            ps.executeUpdate();
        }
    }
}
