package org.xinfang.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import javax.sql.DataSource;
import org.xinfang.petition.PetitionStore.StoreException;

/** Small JDBC helpers every store of this bundle uses: transactions, nullable text, the node's sequences. */
final class Sql {
    /** SQLState of a unique key violation (SQL standard; Derby and PostgreSQL alike). */
    static final String UNIQUE_VIOLATION = "23505";

    private Sql() {
    }

    /** What a transaction does with its connection; its result is returned once committed. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** A transaction's work with no result. */
    @FunctionalInterface
    interface Step {
        void run(Connection c) throws SQLException;
    }

    /**
     * Runs the work in a transaction of its own on a connection of the pool: committed when the work returns,
     * rolled back when it throws (the exception then passes on unchanged).
     */
    static <T> T transaction(DataSource dataSource, Work<T> work) throws SQLException {
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
        }
    }

    /** {@link #transaction}, a database failure reported as a {@link StoreException} saying {@code failure}. */
    static <T> T inTransaction(DataSource dataSource, String failure, Work<T> work) {
        try {
            return transaction(dataSource, work);
        } catch (SQLException e) {
            throw new StoreException(failure, e);
        }
    }

    /** {@link #inTransaction(DataSource, String, Work)} for work with no result. */
    static void runInTransaction(DataSource dataSource, String failure, Step step) {
        inTransaction(dataSource, failure, (Work<Void>) c -> {
            step.run(c);
            return null;
        });
    }

    static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    /** Advances a node sequence in a transaction of its own; returns its new value. */
    static long nextSequence(DataSource dataSource, String name) {
        return nextSequences(dataSource, name, 1);
    }

    /** Takes {@code count} values of a node sequence in a transaction of its own; returns the first. */
    static long nextSequences(DataSource dataSource, String name, int count) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction(dataSource, c -> increment(c, name, count) - count + 1);
            } catch (SQLException e) {
                // two first uses at once both find no row and insert it: the second takes the row the first made
                if (attempt == 1 && UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    continue;
                }
                throw new StoreException("cannot advance sequence " + name, e);
            }
        }
    }

    static long increment(Connection c, String name) throws SQLException {
        return increment(c, name, 1);
    }

    /** Advances a sequence by {@code by} inside the caller's transaction; returns its new value. */
    static long increment(Connection c, String name, int by) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE xf_sequence SET next_value = next_value + ? WHERE name = ?")) {
            up.setInt(1, by);
            up.setString(2, name);
            if (up.executeUpdate() == 0) {
                // the sequence's first use: two transactions at once (two children's first pushes) both find no
                // row; the second's insert fails on the key once the first commits, and it advances that row
                Savepoint before = c.getAutoCommit() ? null : c.setSavepoint();
                try (PreparedStatement ins = c.prepareStatement(
                        "INSERT INTO xf_sequence (name, next_value) VALUES (?, ?)")) {
                    ins.setString(1, name);
                    ins.setLong(2, by);
                    ins.executeUpdate();
                    return by;
                } catch (SQLException e) {
                    if (before == null || !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    c.rollback(before);
                    if (up.executeUpdate() == 0) {
                        throw e;
                    }
                }
            }
        }
        try (PreparedStatement get = c.prepareStatement("SELECT next_value FROM xf_sequence WHERE name = ?")) {
            get.setString(1, name);
            try (ResultSet rs = get.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
