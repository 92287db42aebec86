package org.xinfang.store.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations, applied in order at start, each in its own transaction together with
 * the row that records it. Scripts are {@code migrations/V<n>__<name>.sql} next to this class and are
 * never edited once released: a change is a new version. A step that SQL alone cannot express portably
 * (moving data between column types) is written in Java here and named without {@code .sql}.
 * Scripts are portable SQL; the one word that differs, the binary column type, is written
 * {@code ${binary}} and filled in by {@link Dialect}.
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** Every migration, in order. Add new ones at the end. */
    static final List<String> SCRIPTS = List.of("V1__petitions.sql", "V2__sync.sql", "V3__repeat_index.sql",
            "V4__drop_redundant_index.sql", "V5__chain_heads.sql", "V6__journal_payload_utf8",
            "V7__child_rows_without_foreign_keys.sql", "V8__typed_events", "V9__reception_days.sql",
            "V10__screening.sql", "V11__digests.sql", "V12__import_keys.sql", "V13__reference_data.sql",
            "V14__assessments.sql", "V15__case_facts.sql", "V16__petitioner_gender_work_unit.sql",
            "V17__attachments.sql", "V18__alarm_counts.sql", "V19__inbox_newest_first.sql",
            "V20__personal_reads.sql", "V21__register_count.sql", "V22__search_terms", "V23__search_names",
            "V24__search_pending.sql", "V25__search_postings", "V26__search_without_ids");

    /** A migration step in Java, run inside the migration's transaction. */
    @FunctionalInterface
    interface Step {
        void apply(Connection c, Dialect dialect) throws SQLException;
    }

    private static final Map<String, Step> STEPS = Map.of("V6__journal_payload_utf8", Migrations::journalPayloadUtf8,
            "V8__typed_events", Migrations::typedEvents, "V22__search_terms", Migrations::searchTerms,
            "V23__search_names", Migrations::searchNames, "V25__search_postings", Migrations::searchPostings,
            "V26__search_without_ids", Migrations::searchWithoutIds);

    private Migrations() {
    }

    /** Applies what is missing; returns the schema version now in force. */
    static int apply(DataSource dataSource) {
        return apply(dataSource, SCRIPTS.size());
    }

    /** Applies what is missing up to {@code target} (tests migrate a database holding old rows). */
    static int apply(DataSource dataSource, int target) {
        try (Connection c = dataSource.getConnection()) {
            int current = currentVersion(c);
            Dialect dialect = Dialect.of(c);
            for (int i = current; i < target; i++) {
                int version = i + 1;
                String script = SCRIPTS.get(i);
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    if (STEPS.containsKey(script)) {
                        STEPS.get(script).apply(c, dialect);
                    } else {
                        for (String sql : statements(dialect.fill(read(script)))) {
                            st.execute(sql);
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO xf_schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                        ps.setInt(1, version);
                        ps.setString(2, script);
                        ps.setLong(3, System.currentTimeMillis());
                        ps.executeUpdate();
                    }
                    c.commit();
                    LOG.info("applied schema migration {}", script);
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw new IllegalStateException("schema migration " + script + " failed", e);
                } finally {
                    c.setAutoCommit(true);
                }
            }
            return Math.max(current, target);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the schema version", e);
        }
    }

    /**
     * V6: the journal keeps each entry's payload as UTF-8 bytes instead of characters. Derby writes a
     * character column one byte at a time through a synchronised stream, which made a third of the
     * cost of taking a pushed batch; bytes are copied whole. Existing rows are converted in steps of
     * 500, then the character column is dropped. The payload text and every hash stay as they were.
     */
    static void journalPayloadUtf8(Connection c, Dialect dialect) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE xf_journal ADD COLUMN payload_utf8 " + dialect.binary());
        }
        long after = Long.MIN_VALUE;
        try (PreparedStatement read = c.prepareStatement("SELECT pos, payload FROM xf_journal WHERE pos > ?"
                + " ORDER BY pos FETCH NEXT 500 ROWS ONLY");
                PreparedStatement write = c.prepareStatement("UPDATE xf_journal SET payload_utf8 = ? WHERE pos = ?")) {
            while (true) {
                read.setLong(1, after);
                int rows = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        write.setBytes(1, rs.getString(2).getBytes(StandardCharsets.UTF_8));
                        write.setLong(2, after);
                        write.addBatch();
                        rows++;
                    }
                }
                if (rows == 0) {
                    break;
                }
                write.executeBatch();
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE xf_journal DROP COLUMN payload");
            st.execute("ALTER TABLE xf_journal ADD CONSTRAINT xf_journal_payload CHECK (payload_utf8 IS NOT NULL)");
        }
    }

    /**
     * V8: typed events. Runs {@code V8__typed_events.sql} (new columns and tables), then gives every event
     * held an identity ({@code <case>/<seq>}, the same on every node that held the same timeline), the
     * typed attributes its note stated in the fixed wording of the release that wrote it, and its actor
     * as a person; and every case its version and timeline digest. Cases are converted 200 at a time.
     */
    static void typedEvents(Connection c, Dialect dialect) throws SQLException {
        script(c, dialect, "V8__typed_events.sql");
        String after = "";
        try (PreparedStatement page = c.prepareStatement("SELECT id, owner_unit FROM xf_petition WHERE id > ?"
                + " ORDER BY id FETCH NEXT 200 ROWS ONLY");
                PreparedStatement event = c.prepareStatement("UPDATE xf_event SET event_id = ?, attrs = ?, actor = ?,"
                        + " actor_name = ? WHERE petition_id = ? AND seq = ?");
                PreparedStatement petition = c.prepareStatement(
                        "UPDATE xf_petition SET case_version = ?, timeline_digest = ? WHERE id = ?")) {
            while (true) {
                Map<String, String> owners = new java.util.LinkedHashMap<>();
                page.setString(1, after);
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        owners.put(rs.getString(1), rs.getString(2));
                    }
                }
                if (owners.isEmpty()) {
                    break;
                }
                after = new ArrayList<>(owners.keySet()).get(owners.size() - 1);
                Map<String, List<Object[]>> events = new java.util.HashMap<>();
                String marks = String.join(", ", java.util.Collections.nCopies(owners.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT petition_id, seq, event_type, actor, note"
                        + " FROM xf_event WHERE petition_id IN (" + marks + ") ORDER BY petition_id, seq")) {
                    int i = 1;
                    for (String id : owners.keySet()) {
                        ps.setString(i++, id);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            events.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Object[] {
                                rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                        }
                    }
                }
                for (Map.Entry<String, String> kase : owners.entrySet()) {
                    List<Object[]> timeline = events.getOrDefault(kase.getKey(), List.of());
                    int lastAssigned = -1;
                    for (int i = 0; i < timeline.size(); i++) {
                        String type = (String) timeline.get(i)[1];
                        lastAssigned = "ASSIGNED".equals(type) ? i : "OBJECTED".equals(type) ? -1 : lastAssigned;
                    }
                    String digest = "";
                    for (int i = 0; i < timeline.size(); i++) {
                        Object[] e = timeline.get(i);
                        int seq = (Integer) e[0];
                        org.xinfang.petition.EventType type = org.xinfang.petition.EventType.valueOf((String) e[1]);
                        org.xinfang.petition.Person person = LegacyEvents.person((String) e[2]);
                        String id = LegacyEvents.id(kase.getKey(), seq);
                        digest = org.xinfang.petition.TimelineDigest.next(digest, id);
                        event.setString(1, id);
                        Sql.setNullable(event, 2, PetitionJson.attrsColumn(LegacyEvents.attributes(type,
                                (String) e[3], i == lastAssigned ? kase.getValue() : null)));
                        event.setString(3, person.login());
                        Sql.setNullable(event, 4, person.name());
                        event.setString(5, kase.getKey());
                        event.setInt(6, seq);
                        event.addBatch();
                    }
                    petition.setInt(1, timeline.size());
                    petition.setString(2, digest);
                    petition.setString(3, kase.getKey());
                    petition.addBatch();
                }
                event.executeBatch();
                petition.executeBatch();
            }
        }
        // a case copy queued for a child carries its whole timeline: bytes, without the 32,000 limit
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE xf_downbox ADD COLUMN payload_utf8 " + dialect.binary());
        }
        try (PreparedStatement read = c.prepareStatement("SELECT child_node, seq, payload FROM xf_downbox");
                PreparedStatement write = c.prepareStatement(
                        "UPDATE xf_downbox SET payload_utf8 = ? WHERE child_node = ? AND seq = ?")) {
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3)});
                }
            }
            for (Object[] row : rows) {
                write.setBytes(1, ((String) row[2]).getBytes(StandardCharsets.UTF_8));
                write.setString(2, (String) row[0]);
                write.setLong(3, (Long) row[1]);
                write.addBatch();
            }
            write.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE xf_downbox DROP COLUMN payload");
            st.execute("ALTER TABLE xf_downbox ADD CONSTRAINT xf_downbox_payload CHECK (payload_utf8 IS NOT NULL)");
            st.execute("ALTER TABLE xf_event ADD CONSTRAINT xf_event_id CHECK (event_id IS NOT NULL)");
            st.execute("ALTER TABLE xf_petition ADD CONSTRAINT xf_petition_version CHECK (case_version IS NOT NULL"
                    + " AND timeline_digest IS NOT NULL)");
        }
    }

    /**
     * V22: the word index of the staff search ({@link SearchTerms}). Creates the table ({@code V22__search_terms.sql},
     * first statement), writes the rows of every stored case, 500 cases at a time in the order of their ids (their
     * petitioners read by the same range of the petitioners' key), then creates the index (second statement).
     */
    static void searchTerms(Connection c, Dialect dialect) throws SQLException {
        List<String> script = statements(dialect.fill(read("V22__search_terms.sql")));
        try (Statement st = c.createStatement()) {
            st.execute(script.get(0));
        }
        String after = "";
        try (PreparedStatement page = c.prepareStatement("SELECT id, tracking_code, kind, subject, content, category"
                + " FROM xf_petition WHERE id > ? ORDER BY id FETCH NEXT 500 ROWS ONLY");
                PreparedStatement people = c.prepareStatement("SELECT petition_id, person_name FROM xf_petitioner"
                        + " WHERE petition_id >= ? AND petition_id <= ?");
                PreparedStatement write = c.prepareStatement(
                        "INSERT INTO xf_search_term (term, petition_id) VALUES (?, ?)")) { // schema 22's rows
            while (true) {
                List<String[]> cases = new ArrayList<>();
                page.setString(1, after);
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        cases.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)});
                    }
                }
                if (cases.isEmpty()) {
                    break;
                }
                after = cases.get(cases.size() - 1)[0];
                Map<String, List<String>> names = new java.util.HashMap<>();
                people.setString(1, cases.get(0)[0]);
                people.setString(2, after);
                try (ResultSet rs = people.executeQuery()) {
                    while (rs.next()) {
                        names.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
                for (String[] k : cases) {
                    for (String term : SearchTerms.of(k[0], k[1], k[2], names.getOrDefault(k[0], List.of()), k[3], k[4],
                            k[5])) {
                        write.setString(1, term);
                        write.setString(2, k[0]);
                        write.addBatch();
                    }
                }
                write.executeBatch();
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute(script.get(1));
        }
    }

    /**
     * V25: the word index packed ({@link SearchTerms}, {@code V25__search_postings.sql}): creates the table (first
     * statement), reads the rows of {@code xf_search_term} in the order of its key (term, case) and writes each term's
     * cases {@link SearchTerms#IDS_PER_ROW} to a row, in blocks 1, 2, ... of that term, moves the sequence of blocks
     * past the highest, creates the index (second statement) and drops the old table (third).
     */
    static void searchPostings(Connection c, Dialect dialect) throws SQLException {
        List<String> script = statements(dialect.fill(read("V25__search_postings.sql")));
        try (Statement st = c.createStatement()) {
            st.execute(script.get(0));
        }
        long highest = 0;
        Set<String> unpackable = new java.util.TreeSet<>();
        try (PreparedStatement read = c.prepareStatement("SELECT term, petition_id FROM xf_search_term"
                + " ORDER BY term, petition_id");
                PreparedStatement write = c.prepareStatement(SearchTerms.INSERT)) {
            read.setFetchSize(5000);
            String term = null;
            long block = 0;
            List<String> ids = new ArrayList<>();
            int batched = 0;
            try (ResultSet rs = read.executeQuery()) {
                while (true) {
                    boolean more = rs.next();
                    String next = more ? rs.getString(1) : null;
                    if (term != null && !ids.isEmpty() && (!term.equals(next) || ids.size() == SearchTerms.IDS_PER_ROW)) {
                        block++;
                        write.setString(1, term);
                        write.setLong(2, block);
                        write.setString(3, SearchTerms.pack(ids));
                        write.addBatch();
                        highest = Math.max(highest, block);
                        ids.clear();
                        if (++batched == 1000) {
                            write.executeBatch();
                            batched = 0;
                        }
                    }
                    if (term != null && !term.equals(next)) {
                        block = 0;
                    }
                    if (!more) {
                        break;
                    }
                    term = next;
                    String id = rs.getString(2);
                    if (SearchTerms.packable(id)) {
                        ids.add(id);
                    } else {
                        unpackable.add(id); // never seen (ids are <unit>-<number>): left to the search's pending cases
                    }
                }
            }
            write.executeBatch();
        }
        for (String id : unpackable) {
            try (PreparedStatement has = c.prepareStatement("SELECT 1 FROM xf_search_pending WHERE petition_id = ?")) {
                has.setString(1, id);
                try (ResultSet rs = has.executeQuery()) {
                    if (rs.next()) {
                        continue;
                    }
                }
            }
            try (PreparedStatement pend = c.prepareStatement(SearchIndexer.PEND)) {
                pend.setString(1, id);
                pend.executeUpdate();
            }
        }
        if (highest > 0) {
            Sql.increment(c, "search_block", (int) highest);
        }
        try (Statement st = c.createStatement()) {
            st.execute(script.get(1));
            st.execute(script.get(2));
        }
    }

    /**
     * V26: the word index without its rows of ids and tracking codes ({@link SearchTerms#mayBeIdOrCode} asks the cases'
     * own indexes instead): they go, found by their mark ({@link SearchTerms#MARK}, a prefix the index's order keeps
     * together). On PostgreSQL the ids get an index by prefix ({@code varchar_pattern_ops}): the key's order follows
     * the database's collation, which LIKE cannot use unless it is C; Derby compares by code point and uses its key.
     */
    static void searchWithoutIds(Connection c, Dialect dialect) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM xf_search_posting WHERE term LIKE ?")) {
            delete.setString(1, SearchTerms.MARK + "%");
            int rows = delete.executeUpdate();
            LOG.info("word index: {} rows of ids and tracking codes removed", rows);
        }
        if (dialect == Dialect.POSTGRESQL) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE INDEX xf_petition_id_prefix ON xf_petition (id varchar_pattern_ops)");
            }
        }
    }

    /**
     * V23: the petitioners' names of every stored case in its own row ({@link SearchTerms#names}): the column
     * ({@code V23__search_names.sql}), then 500 cases at a time in the order of their ids, their petitioners read by
     * the same range of the petitioners' key.
     */
    static void searchNames(Connection c, Dialect dialect) throws SQLException {
        script(c, dialect, "V23__search_names.sql");
        String after = "";
        try (PreparedStatement page = c.prepareStatement("SELECT id, kind FROM xf_petition WHERE id > ? ORDER BY id"
                + " FETCH NEXT 500 ROWS ONLY");
                PreparedStatement people = c.prepareStatement("SELECT petition_id, pos, person_name FROM xf_petitioner"
                        + " WHERE petition_id >= ? AND petition_id <= ?");
                PreparedStatement write = c.prepareStatement("UPDATE xf_petition SET search_names = ? WHERE id = ?")) {
            while (true) {
                List<String[]> cases = new ArrayList<>();
                page.setString(1, after);
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        cases.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
                if (cases.isEmpty()) {
                    break;
                }
                after = cases.get(cases.size() - 1)[0];
                Map<String, java.util.TreeMap<Integer, String>> names = new java.util.HashMap<>();
                people.setString(1, cases.get(0)[0]);
                people.setString(2, after);
                try (ResultSet rs = people.executeQuery()) {
                    while (rs.next()) {
                        names.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>()).put(rs.getInt(2),
                                rs.getString(3));
                    }
                }
                for (String[] k : cases) {
                    List<String> ordered = new ArrayList<>(names.getOrDefault(k[0], new java.util.TreeMap<>()).values());
                    Sql.setNullable(write, 1, SearchTerms.names(k[1], ordered));
                    write.setString(2, k[0]);
                    write.addBatch();
                }
                write.executeBatch();
            }
        }
    }

    /** Runs every statement of a migration script, its placeholders filled for the database. */
    private static void script(Connection c, Dialect dialect, String name) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements(dialect.fill(read(name)))) {
                st.execute(sql);
            }
        }
    }

    private static int currentVersion(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT MAX(version) FROM xf_schema_version")) {
            rs.next();
            int version = rs.getInt(1);
            if (version > SCRIPTS.size()) {
                throw new IllegalStateException("the database has schema version " + version
                        + " but this build knows only " + SCRIPTS.size() + ": refusing to run an older build on it");
            }
            return version;
        } catch (SQLException missing) {
            // no version table yet (Derby 42X05, PostgreSQL 42P01): a new database
            if (!"42X05".equals(missing.getSQLState()) && !"42P01".equals(missing.getSQLState())) {
                throw missing;
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE xf_schema_version (version INTEGER NOT NULL PRIMARY KEY,"
                        + " script VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
            }
            return 0;
        }
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the bundle: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + script, e);
        }
    }

    /** Splits a script on semicolons at line ends; drops comment lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
