package org.xinfang.store.jdbc.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Real databases for store tests: a fresh embedded Derby in a temporary directory by default, or the
 * database named by {@code -Dxinfang.test.jdbc.url} (e.g. PostgreSQL), emptied first.
 */
final class TestDatabases {
    private TestDatabases() {
    }

    static DataSource fresh(Path dir) throws SQLException {
        return fresh(dir, "db");
    }

    /** A fresh database named {@code name}: a Derby directory, or a PostgreSQL schema of that name. */
    static DataSource fresh(Path dir, String name) throws SQLException {
        String url = System.getProperty("xinfang.test.jdbc.url", "");
        if (url.isBlank()) {
            EmbeddedDataSource ds = new EmbeddedDataSource();
            ds.setDatabaseName(dir.resolve(name).toString());
            ds.setCreateDatabase("create");
            return ds;
        }
        String user = System.getProperty("xinfang.test.jdbc.user", "");
        String password = System.getProperty("xinfang.test.jdbc.password", "");
        String schema = "t_" + name.toLowerCase();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("CREATE SCHEMA " + schema);
        }
        DataSource ds = new UrlDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user,
                password);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String table : new String[] {"xf_conflict", "xf_refused_entry", "xf_receipt", "xf_consistency",
                "xf_chain_head", "xf_journal", "xf_downbox", "xf_applied_message", "xf_sync_child",
                "xf_import_key", "xf_sync_nonce", "xf_sync_alarm", "xf_sync_state", "xf_event", "xf_petitioner", "xf_petition", "xf_sequence",
                "xf_schema_version"}) {
                st.execute("DROP TABLE IF EXISTS " + table);
            }
        }
        return ds;
    }

    private record UrlDataSource(String url, String user, String password) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return DriverManager.getConnection(url, u, p);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
