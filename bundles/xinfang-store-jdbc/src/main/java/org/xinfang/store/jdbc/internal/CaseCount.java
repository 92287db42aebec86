package org.xinfang.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How many cases the register holds ({@code xf_case_count}, schema 21): every writer of new cases adds to it in
 * its own transaction ({@link RowWriter#flush}), so the inbox's unfiltered total is exact without counting the
 * register. The count is kept in {@link #STRIPES} rows, its sum the total, one row for each kind of writer, so that
 * writers of different kinds never wait for one another's row and no two can deadlock on it: the node's own
 * registrations and imports (which take the node's own journal chain before their cases, so are one at a time
 * anyway), a parent's copies (one pull at a time), and a child's push (by the child, among the rest; two pushes
 * that share a row both take it before the journal's positions, so one waits for the other's commit).
 */
final class CaseCount {
    static final int STRIPES = 16;
    /** The row of this node's own registrations and imports (and generated registers). */
    static final int OWN = 0;
    /** The row of the cases a parent's copies bring. */
    static final int COPIES = 1;

    /** The row of the cases a child's push brings. */
    static int child(String from) {
        return 2 + Math.floorMod(from.hashCode(), STRIPES - 2);
    }

    private CaseCount() {
    }

    /** Adds {@code n} new cases to the count's row {@code stripe}, in the caller's transaction. */
    static void add(Connection c, int stripe, int n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE xf_case_count SET cases = cases + ? WHERE stripe = ?")) {
            ps.setInt(1, n);
            ps.setInt(2, stripe);
            if (ps.executeUpdate() == 0) {
                throw new IllegalStateException("the register's count has no row " + stripe + " (schema 21)");
            }
        }
    }

    /** How many cases the register holds, as the caller's transaction sees them. */
    static long total(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT SUM(cases) FROM xf_case_count");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
