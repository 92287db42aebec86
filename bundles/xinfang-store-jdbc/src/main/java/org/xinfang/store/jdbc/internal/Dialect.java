package org.xinfang.store.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The few words of SQL that differ between the databases the store runs on. Everything else in the
 * store is the same portable SQL on both.
 */
enum Dialect {
    /** Embedded Apache Derby, the default on every node. */
    DERBY("BLOB", ""),
    /** PostgreSQL, for a district that outgrows one machine. */
    POSTGRESQL("BYTEA", " varchar_pattern_ops");

    private final String binary;
    /**
     * The operator class after an indexed text column whose index must also serve {@code LIKE 'prefix%'}: none on
     * Derby (it compares characters); on PostgreSQL one that compares characters whatever the database's collation.
     */
    private final String patternOps;

    Dialect(String binary, String patternOps) {
        this.binary = binary;
        this.patternOps = patternOps;
    }

    /** The type of a column of bytes of any length. */
    String binary() {
        return binary;
    }

    /** A migration script with its placeholders ({@code ${binary}}, {@code ${pattern_ops}}) filled in. */
    String fill(String script) {
        return script.replace("${binary}", binary).replace("${pattern_ops}", patternOps);
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
