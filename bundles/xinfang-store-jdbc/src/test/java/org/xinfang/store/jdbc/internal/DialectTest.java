package org.xinfang.store.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DialectTest {
    @TempDir
    Path dir;

    @Test
    void theDatabaseTheTestsRunOnIsRecognised() throws Exception {
        boolean postgres = System.getProperty("xinfang.test.jdbc.url", "").startsWith("jdbc:postgresql:");
        try (Connection c = TestDatabases.fresh(dir, "dialect").getConnection()) {
            assertEquals(postgres ? Dialect.POSTGRESQL : Dialect.DERBY, Dialect.of(c));
        }
    }

    @Test
    void scriptsGetTheBinaryTypeOfTheirDatabase() {
        assertEquals("ALTER TABLE t ADD COLUMN b BLOB", Dialect.DERBY.fill("ALTER TABLE t ADD COLUMN b ${binary}"));
        assertEquals("ALTER TABLE t ADD COLUMN b BYTEA",
                Dialect.POSTGRESQL.fill("ALTER TABLE t ADD COLUMN b ${binary}"));
    }

    @Test
    void anotherDatabaseIsRefusedByName() {
        DatabaseMetaData meta = (DatabaseMetaData) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> "H2");
        Connection c = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> meta);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Dialect.of(c));
        assertTrue(e.getMessage().contains("H2"), e.getMessage());
    }
}
