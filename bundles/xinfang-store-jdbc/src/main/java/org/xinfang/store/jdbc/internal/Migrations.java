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
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations, applied in order at start, each in its own transaction together with
 * the row that records it. Scripts are {@code migrations/V<n>__<name>.sql} next to this class and are
 * never edited once released: a change is a new version.
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** Every migration, in order. Add new ones at the end. */
    static final List<String> SCRIPTS = List.of("V1__petitions.sql", "V2__sync.sql", "V3__repeat_index.sql",
            "V4__drop_redundant_index.sql");

    private Migrations() {
    }

    /** Applies what is missing; returns the schema version now in force. */
    static int apply(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            int current = currentVersion(c);
            for (int i = current; i < SCRIPTS.size(); i++) {
                int version = i + 1;
                String script = SCRIPTS.get(i);
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    for (String sql : statements(read(script))) {
                        st.execute(sql);
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
            return SCRIPTS.size();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the schema version", e);
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
