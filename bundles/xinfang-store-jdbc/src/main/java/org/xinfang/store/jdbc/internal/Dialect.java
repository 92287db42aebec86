package org.xinfang.store.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The few words of SQL that differ between the databases the store runs on. Everything else in the
 * store is the same portable SQL on both.
 */
enum Dialect {
    /** Embedded Apache Derby, the default on every node. */
    DERBY("BLOB"),
    /** PostgreSQL, for a district that outgrows one machine. */
    POSTGRESQL("BYTEA");

    private final String binary;

    Dialect(String binary) {
        this.binary = binary;
    }

    /** The type of a column of bytes of any length. */
    String binary() {
        return binary;
    }

    /** A migration script with its placeholders ({@code ${binary}}) filled in. */
    String fill(String script) {
        return script.replace("${binary}", binary);
    }

    static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        if (product.startsWith("Apache Derby")) {
            return DERBY;
        }
        if (product.startsWith("PostgreSQL")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("the petition store runs on Apache Derby or PostgreSQL, not on " + product);
    }
}
