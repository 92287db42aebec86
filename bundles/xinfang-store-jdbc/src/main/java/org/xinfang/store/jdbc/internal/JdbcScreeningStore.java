package org.xinfang.store.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
import org.xinfang.screening.ScreeningForm;
import org.xinfang.screening.ScreeningReport;
import org.xinfang.screening.ScreeningStore;
import org.xinfang.sync.Message;
import org.xinfang.sync.SyncPolicy;

/**
 * {@link ScreeningStore} in portable SQL, in the petition store's database (the store's migrations create its
 * tables). A change of a report and its journal entry (and, for a change made above the unit, its message down)
 * commit together. A child's report arrives through {@link Receiver}, a parent's through {@link #onMessage}; either
 * replaces the copy held only with a higher version.
 */
public final class JdbcScreeningStore implements ScreeningStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcScreeningStore.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String RECEIVED = "received";

    private final DataSource dataSource;

    public JdbcScreeningStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<ScreeningReport> get(String unit, YearMonth month) {
        try (Connection c = dataSource.getConnection()) {
            return read(c, unit, month);
        } catch (SQLException e) {
            throw new StoreException("cannot read the screening report of " + unit + " " + month, e);
        }
    }

    @Override
    public ScreeningReport insert(ScreeningReport report, String node) {
        if (report.version() != 1) {
            throw new IllegalArgumentException("a new report is version 1");
        }
        try {
            Sql.transaction(dataSource, c -> {
                insertRow(c, report);
                return Journal.appendOwn(c, node, ScreeningJson.ENTRY_TYPE, report.id(), ScreeningJson.write(report),
                        report.changedAt().toEpochMilli());
            });
            LOG.info("screening report {} started", report.id());
            return report;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("screening report " + report.id() + " is already stored", e);
            }
            throw new StoreException("cannot store screening report " + report.id(), e);
        }
    }

    @Override
    public ScreeningReport update(String unit, YearMonth month, UnaryOperator<ScreeningReport> change, String node,
            String downVia) {
        String id = ScreeningReport.id(unit, month);
        return Sql.inTransaction(dataSource, "cannot change screening report " + id, c -> {
            // the report's row lock first, then the journal's, then the downbox: the order every writer takes
            if (!lock(c, unit, month)) {
                throw new NotFoundException("未找到" + unit + " " + month + " 的矛盾纠纷排查报表 / no screening report " + id);
            }
            ScreeningReport before = read(c, unit, month).orElseThrow();
            ScreeningReport after = change.apply(before);
            if (!after.unit().equals(unit) || !after.month().equals(month) || after.version() != before.version() + 1) {
                throw new IllegalStateException("a change of " + id + " must keep its unit and month and take the next version");
            }
            writeRow(c, after);
            String json = ScreeningJson.write(after);
            Journal.appendOwn(c, node, ScreeningJson.ENTRY_TYPE, id, json, after.changedAt().toEpochMilli());
            if (downVia != null) {
                // node ids are unit codes: the message is for the node of the report's unit
                Downbox.enqueue(c, downVia, messageId(after), unit, ScreeningJson.ENTRY_TYPE, json,
                        after.changedAt().toEpochMilli());
            }
            return after;
        });
    }

    /** One message per report version: a relay or a repeated pull applies it once. */
    private static String messageId(ScreeningReport r) {
        return "s:" + r.id() + ":" + r.version();
    }

    @Override
    public List<ScreeningReport> month(YearMonth month, Collection<String> units) {
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(units));
        StringBuilder sql = new StringBuilder("SELECT payload_utf8 FROM xf_screening_report WHERE report_month = ?");
        if (!wanted.isEmpty()) {
            sql.append(" AND unit_code IN (").append(String.join(", ", Collections.nCopies(wanted.size(), "?"))).append(")");
        }
        sql.append(" ORDER BY unit_code");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, month.toString());
            for (int i = 0; i < wanted.size(); i++) {
                ps.setString(2 + i, wanted.get(i));
            }
            return list(ps);
        } catch (SQLException e) {
            throw new StoreException("cannot list the screening reports of " + month, e);
        }
    }

    @Override
    public List<ScreeningReport> ofUnit(String unit, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT payload_utf8"
                + " FROM xf_screening_report WHERE unit_code = ? ORDER BY report_month DESC FETCH NEXT ? ROWS ONLY")) {
            ps.setString(1, unit);
            ps.setInt(2, Math.max(1, limit));
            return list(ps);
        } catch (SQLException e) {
            throw new StoreException("cannot list the screening reports of " + unit, e);
        }
    }

    @Override
    public Optional<YearMonth> firstMonth() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT MIN(report_month) FROM xf_screening_report"); ResultSet rs = ps.executeQuery()) {
            String first = rs.next() ? rs.getString(1) : null;
            return first == null ? Optional.empty() : Optional.of(YearMonth.parse(first));
        } catch (SQLException e) {
            throw new StoreException("cannot read the first month of screening", e);
        }
    }

    private static List<ScreeningReport> list(PreparedStatement ps) throws SQLException {
        List<ScreeningReport> reports = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                reports.add(ScreeningJson.read(new String(rs.getBytes(1), StandardCharsets.UTF_8)));
            }
        }
        return reports;
    }

    @Override
    public Optional<ScreeningForm> receivedForm() {
        try (Connection c = dataSource.getConnection()) {
            return form(c, RECEIVED).map(ScreeningJson::readForm);
        } catch (SQLException e) {
            throw new StoreException("cannot read the screening form", e);
        }
    }

    @Override
    public void sendForm(ScreeningForm form, Map<String, String> viaByUnit) {
        String json = ScreeningJson.write(form);
        long now = System.currentTimeMillis();
        Sql.runInTransaction(dataSource, "cannot send the screening form", c -> {
            for (Map.Entry<String, String> e : viaByUnit.entrySet()) {
                String unit = e.getKey();
                if (form(c, unit).filter(json::equals).isPresent()) {
                    continue; // this unit has it already
                }
                putForm(c, unit, now, json);
                Downbox.enqueue(c, e.getValue(), "sf:" + unit + ":" + now, unit, ScreeningJson.FORM_MESSAGE, json,
                        now);
            }
        });
    }

    /**
     * Takes a message of this capability from the parent, in the caller's transaction: a report changed above its
     * unit (kept here when its version is higher, on every node on the way) or the district's form (kept by the
     * node it is for, the newest winning); then passes it on toward its recipient.
     */
    static void onMessage(Connection c, Message m, SyncPolicy policy) throws SQLException {
        String next = policy.nextHop(m.recipient());
        if (ScreeningJson.ENTRY_TYPE.equals(m.type())) {
            ScreeningReport r;
            try {
                r = ScreeningJson.read(m.payload());
            } catch (IllegalArgumentException unreadable) {
                LOG.warn("screening message {} cannot be read; not applied: {}", m.id(), unreadable.getMessage());
                return;
            }
            if (!r.unit().equals(m.recipient()) || next == null && !m.recipient().equals(policy.self())) {
                LOG.warn("screening message {} carries the report of {} but is for {}; not applied", m.id(), r.unit(),
                        m.recipient());
                return;
            }
            if (receive(c, r)) {
                LOG.info("screening report {} version {} ({}) arrived from above", r.id(), r.version(), r.state());
            }
        } else if (ScreeningJson.FORM_MESSAGE.equals(m.type()) && next == null) {
            ScreeningJson.readForm(m.payload()); // only a valid form is kept
            Optional<Long> held = issuedAt(c, RECEIVED);
            if (held.isEmpty() || held.get() < m.createdMillis()) {
                putForm(c, RECEIVED, m.createdMillis(), m.payload());
                LOG.info("screening form of {} received", ScreeningJson.readForm(m.payload()).definedBy());
            }
        } else if (!ScreeningJson.FORM_MESSAGE.equals(m.type())) {
            LOG.warn("message type {} is not known here; acknowledged, not applied", m.type());
        }
        if (next != null) {
            Downbox.enqueue(c, next, m.id(), m.recipient(), m.type(), m.payload(), m.createdMillis());
        }
    }

    /** Whether the message type is one of this capability's. */
    static boolean handles(String messageType) {
        return ScreeningJson.ENTRY_TYPE.equals(messageType) || ScreeningJson.FORM_MESSAGE.equals(messageType);
    }

    /**
     * Takes a report from a child (a pushed batch) or from the parent (a message), in the caller's transaction:
     * stored when new, replacing the copy held when its version is higher; an older or equal version changes
     * nothing. True if stored.
     */
    static boolean receive(Connection c, ScreeningReport r) throws SQLException {
        Integer held = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT report_version FROM xf_screening_report WHERE unit_code = ? AND report_month = ?")) {
            ps.setString(1, r.unit());
            ps.setString(2, r.month().toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    held = rs.getInt(1);
                }
            }
        }
        if (held == null) {
            insertRow(c, r);
            return true;
        }
        if (held >= r.version()) {
            return false;
        }
        writeRow(c, r);
        return true;
    }

    private static boolean lock(Connection c, String unit, YearMonth month) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE xf_screening_report SET report_version = report_version"
                + " WHERE unit_code = ? AND report_month = ?")) {
            ps.setString(1, unit);
            ps.setString(2, month.toString());
            return ps.executeUpdate() > 0;
        }
    }

    private static Optional<ScreeningReport> read(Connection c, String unit, YearMonth month) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT payload_utf8 FROM xf_screening_report WHERE unit_code = ? AND report_month = ?")) {
            ps.setString(1, unit);
            ps.setString(2, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(ScreeningJson.read(new String(rs.getBytes(1), StandardCharsets.UTF_8)))
                        : Optional.empty();
            }
        }
    }

    private static void insertRow(Connection c, ScreeningReport r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO xf_screening_report (unit_code, report_month,"
                + " report_state, report_version, payload_utf8) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, r.unit());
            ps.setString(2, r.month().toString());
            ps.setString(3, r.state().name());
            ps.setInt(4, r.version());
            ps.setBytes(5, ScreeningJson.write(r).getBytes(StandardCharsets.UTF_8));
            ps.executeUpdate();
        }
    }

    private static void writeRow(Connection c, ScreeningReport r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE xf_screening_report SET report_state = ?,"
                + " report_version = ?, payload_utf8 = ? WHERE unit_code = ? AND report_month = ?")) {
            ps.setString(1, r.state().name());
            ps.setInt(2, r.version());
            ps.setBytes(3, ScreeningJson.write(r).getBytes(StandardCharsets.UTF_8));
            ps.setString(4, r.unit());
            ps.setString(5, r.month().toString());
            ps.executeUpdate();
        }
    }

    private static Optional<String> form(Connection c, String slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT payload_utf8 FROM xf_screening_form WHERE slot = ?")) {
            ps.setString(1, slot);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new String(rs.getBytes(1), StandardCharsets.UTF_8)) : Optional.empty();
            }
        }
    }

    private static Optional<Long> issuedAt(Connection c, String slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT issued_at FROM xf_screening_form WHERE slot = ?")) {
            ps.setString(1, slot);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static void putForm(Connection c, String slot, long issuedAt, String json) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE xf_screening_form SET issued_at = ?, payload_utf8 = ? WHERE slot = ?")) {
            up.setLong(1, issuedAt);
            up.setBytes(2, json.getBytes(StandardCharsets.UTF_8));
            up.setString(3, slot);
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement(
                "INSERT INTO xf_screening_form (slot, issued_at, payload_utf8) VALUES (?, ?, ?)")) {
            in.setString(1, slot);
            in.setLong(2, issuedAt);
            in.setBytes(3, json.getBytes(StandardCharsets.UTF_8));
            in.executeUpdate();
        }
    }
}
