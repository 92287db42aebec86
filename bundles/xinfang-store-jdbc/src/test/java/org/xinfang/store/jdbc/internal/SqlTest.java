package org.xinfang.store.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's sequences, on the real database. */
class SqlTest {
    @TempDir
    Path dir;

    /**
     * Two transactions that use a sequence for the first time at once (two children's first pushes at a new
     * parent) both find no row: the second waits for the first, then advances the row it made, instead of failing
     * on the key.
     */
    @Test
    void twoFirstUsesOfASequenceAtOnceBothAdvanceIt() throws Exception {
        DataSource ds = TestDatabases.fresh(dir, "sql");
        Migrations.apply(ds);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Connection first = ds.getConnection()) {
            first.setAutoCommit(false);
            // the first transaction makes the row (its first use), not yet committed: on PostgreSQL the second finds
            // no row, and its insert waits on the first's key and then fails; on Derby its update waits for the row
            try (var ps = first.prepareStatement("INSERT INTO xf_sequence (name, next_value) VALUES ('outbox', 1)")) {
                ps.executeUpdate();
            }
            Future<Long> second = other.submit(() -> {
                try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    long v = Sql.increment(c, "outbox");
                    c.commit();
                    return v;
                }
            });
            Thread.sleep(500);
            first.commit();
            assertEquals(2, second.get(60, TimeUnit.SECONDS));
        } finally {
            other.shutdownNow();
        }
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            assertEquals(3, Sql.increment(c, "outbox"));
            c.commit();
        }
    }
}
