package org.xinfang.store.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Petition;
import org.xinfang.petition.Status;
import org.xinfang.rules.CaseFact;
import org.xinfang.rules.ClockRules;
import org.xinfang.rules.HolidayCalendar;

/**
 * Keeps {@code xf_case_fact}: the facts statistics count of each case ({@link CaseFact}), written in the
 * transaction that writes the case, wherever that happens (a registration, a step, a child's push, a
 * parent's copy, an import). The clocks are counted on the node's {@link ClockRules}, which the store is
 * given once when it starts; a node runs one store, so the rules are held here for every writer of cases.
 */
final class Facts {
    static final String COLUMNS = "case_id, received_on, kind, status, channel, category, owner_unit,"
            + " registered_by, headcount, repeated, supervised, major, rating, active_due, clocks";
    private static final String INSERT = "INSERT INTO xf_case_fact (" + COLUMNS
            + ", paused) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE xf_case_fact SET received_on = ?, kind = ?, status = ?,"
            + " channel = ?, category = ?, owner_unit = ?, registered_by = ?, headcount = ?, repeated = ?,"
            + " supervised = ?, major = ?, rating = ?, active_due = ?, clocks = ?, paused = ? WHERE case_id = ?";

    private static volatile ClockRules rules = ClockRules.PLAIN;

    private Facts() {
    }

    /** The calendar and tree the clocks are counted on from now on. */
    static void use(ClockRules given) {
        rules = given == null ? ClockRules.PLAIN : given;
    }

    static ClockRules rules() {
        return rules;
    }

    /** The facts of {@code p} as the rules count them now. */
    static CaseFact of(Petition p) {
        ClockRules r = rules;
        return CaseFact.of(p, r.calendar(), r.units());
    }

    /** A prepared insert, for a writer that adds many new cases in one batch. */
    static PreparedStatement prepareInsert(Connection c) throws SQLException {
        return c.prepareStatement(INSERT);
    }

    /** Binds {@code f} to a statement from {@link #prepareInsert}. */
    static void bindInsert(PreparedStatement ps, CaseFact f) throws SQLException {
        ps.setString(1, f.id());
        bindValues(ps, 2, f);
    }

    /** Writes the facts of a stored case after a change to it, in the caller's transaction. */
    static void write(Connection c, Petition p) throws SQLException {
        CaseFact f = of(p);
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            bindValues(ps, 1, f);
            ps.setString(16, f.id());
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            bindInsert(ps, f);
            ps.executeUpdate();
        }
    }

    private static void bindValues(PreparedStatement ps, int first, CaseFact f) throws SQLException {
        int i = first;
        ps.setDate(i++, Date.valueOf(f.receivedOn()));
        ps.setString(i++, f.kind().name());
        ps.setString(i++, f.status().name());
        ps.setString(i++, f.channel().name());
        Sql.setNullable(ps, i++, f.category());
        ps.setString(i++, f.owner());
        ps.setString(i++, f.registeredBy());
        ps.setInt(i++, f.headcount());
        ps.setInt(i++, f.repeated() ? 1 : 0);
        ps.setInt(i++, f.supervised() ? 1 : 0);
        ps.setInt(i++, f.major() ? 1 : 0);
        Sql.setNullable(ps, i++, f.rating());
        if (f.activeDue() == null) {
            ps.setNull(i++, java.sql.Types.DATE);
        } else {
            ps.setDate(i++, Date.valueOf(f.activeDue()));
        }
        ps.setString(i++, f.clocksText());
        if (paused(f)) {
            ps.setInt(i, 1);
        } else {
            ps.setNull(i, java.sql.Types.INTEGER);
        }
    }

    /**
     * Whether the case waits on an organ clock paused by a hearing and on no running one: it has no due day
     * then, and is found through the column {@code paused} (schema 21) for the list of every running clock.
     */
    static boolean paused(CaseFact f) {
        return f.activeDue() == null && !f.status().closed()
                && f.clocks().values().stream().anyMatch(k -> k.state() == CaseFact.ClockState.PAUSED);
    }

    /** A fact read from a row selected with {@link #COLUMNS} from column 1. */
    static CaseFact read(ResultSet rs) throws SQLException {
        Date due = rs.getDate(14);
        return new CaseFact(rs.getString(1), rs.getDate(2).toLocalDate(), Kind.valueOf(rs.getString(3)),
                Status.valueOf(rs.getString(4)), Channel.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getInt(9), rs.getInt(10) == 1, rs.getInt(11) == 1, rs.getInt(12) == 1,
                rs.getString(13), due == null ? null : due.toLocalDate(), CaseFact.clocks(rs.getString(15)));
    }

    /**
     * The calendar year by year, as a digest of each year's days: a year whose digest changed has due days
     * that may have moved. Written as {@code year=digest} items joined by {@code ,}.
     */
    static String fingerprint(HolidayCalendar calendar) {
        Map<Integer, StringBuilder> years = new TreeMap<>();
        new TreeMap<>(calendar.days()).forEach((day, type) -> years.computeIfAbsent(day.getYear(),
                y -> new StringBuilder()).append(day).append(type.name()).append(';'));
        calendar.noticeYears().forEach(y -> years.computeIfAbsent(y, k -> new StringBuilder()).append("notice"));
        StringBuilder b = new StringBuilder();
        years.forEach((year, days) -> {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(year).append('=').append(sha(days.toString()));
        });
        return b.toString();
    }

    /** The first year whose days differ between two fingerprints, or null when none does. */
    static Integer firstChangedYear(String before, String now) {
        Map<Integer, String> a = years(before);
        Map<Integer, String> b = years(now);
        TreeMap<Integer, Boolean> changed = new TreeMap<>();
        a.forEach((y, d) -> {
            if (!d.equals(b.get(y))) {
                changed.put(y, true);
            }
        });
        b.forEach((y, d) -> {
            if (!d.equals(a.get(y))) {
                changed.put(y, true);
            }
        });
        return changed.isEmpty() ? null : changed.firstKey();
    }

    private static Map<Integer, String> years(String fingerprint) {
        Map<Integer, String> m = new TreeMap<>();
        if (fingerprint == null || fingerprint.isEmpty()) {
            return m;
        }
        for (String item : fingerprint.split(",")) {
            int eq = item.indexOf('=');
            m.put(Integer.parseInt(item.substring(0, eq)), item.substring(eq + 1));
        }
        return m;
    }

    private static String sha(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The earliest day a case whose clocks may run through {@code year} can have been received on. */
    static LocalDate receivedFromForYear(int year) {
        // a case's clocks end within two years of receipt (triage, handling with extension, review, re-review)
        return LocalDate.of(year - 2, 1, 1);
    }
}
