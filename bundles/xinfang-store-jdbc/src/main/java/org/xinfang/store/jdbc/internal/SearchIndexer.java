package org.xinfang.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the word index of new cases after they are stored (schema 24, issue 16). A writer of a new case
 * ({@link RowWriter#newCase}) no longer writes its ~26 rows of {@link SearchTerms} (hundreds for a real letter) in
 * its own transaction: it writes one row naming the case in {@code xf_search_pending}, and this indexer, a thread of
 * its own, writes the terms of a few hundred pending cases and deletes their pending rows in one transaction. So a
 * registration's commit, which the node's registrations take one after another (group commit), holds no index
 * rows, and the index rows of many cases are written together in the order of their terms.
 *
 * <p>The search never depends on the indexer being prompt: it reads the pending cases first and takes every one
 * of them as a candidate, then the index ({@code JdbcPetitionStore.candidates}); a case moves from the one to the
 * other in a single transaction, so that in either order of commits it is found in one of them. A pending row left by
 * a crash is indexed at the next start.
 */
final class SearchIndexer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);
    /** Cases indexed per transaction, at most. */
    static final int BATCH = 200;
    /**
     * Term rows written per transaction, about (a case is never split): under Derby's lock escalation threshold
     * (5,000 row locks of one table), so that a search is not kept waiting on a table lock.
     */
    static final int ROWS = 4000;
    /** One indexer at a time in this JVM (a node runs one store; tests call {@link #indexAll} besides the thread). */
    private static final Object ONE_AT_A_TIME = new Object();
    /** How long the thread sleeps when nothing woke it (a child's push or an import writes cases too). */
    private static final long IDLE_MILLIS = 1000;

    static final String PEND = "INSERT INTO xf_search_pending (petition_id) VALUES (?)";

    private final DataSource dataSource;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean closed;
    private Thread thread;

    SearchIndexer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Starts the thread (once). */
    synchronized void start() {
        if (thread != null || closed) {
            return;
        }
        thread = new Thread(this::run, "xinfang-search-indexer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Tells the thread that cases were stored. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = thread;
        }
        wake();
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        long backoff = IDLE_MILLIS;
        while (!closed) {
            try {
                while (!closed && indexSome(dataSource, BATCH) > 0) {
                    // more are waiting: go on at once
                }
                backoff = IDLE_MILLIS;
            } catch (SQLException | RuntimeException e) {
                // the pending rows stay; the search finds their cases meanwhile. Try again later.
                LOG.warn("word index: cannot index new cases now ({}); trying again in {} s", e.toString(), backoff / 1000);
                backoff = Math.min(60_000, backoff * 2);
            }
            synchronized (signal) {
                if (!woken && !closed) {
                    try {
                        signal.wait(backoff);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    /** Indexes every pending case now (tests; a node's thread does it on its own). */
    static int indexAll(DataSource dataSource) throws SQLException {
        int total = 0;
        for (int n = indexSome(dataSource, BATCH); n > 0; n = indexSome(dataSource, BATCH)) {
            total += n;
        }
        return total;
    }

    /**
     * Writes the terms of at most {@code max} pending cases and deletes their pending rows, in one transaction;
     * returns how many it took.
     */
    static int indexSome(DataSource dataSource, int max) throws SQLException {
        synchronized (ONE_AT_A_TIME) {
            return indexSomeAlone(dataSource, max);
        }
    }

    private static int indexSomeAlone(DataSource dataSource, int max) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int n = indexSome(c, max);
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static int indexSome(Connection c, int max) throws SQLException {
        List<String> ids = pending(c, max);
        if (ids.size() > max) {
            ids = ids.subList(0, max);
        }
        if (ids.isEmpty()) {
            return 0;
        }
        // term -> cases, so that the rows go in in the index's order
        Map<String, List<String>> rows = new TreeMap<>();
        List<String> taken = new ArrayList<>();
        int count = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, tracking_code, kind, subject, content, category,"
                + " search_names FROM xf_petition WHERE id = ?");
                PreparedStatement people = c.prepareStatement("SELECT person_name FROM xf_petitioner"
                        + " WHERE petition_id = ? ORDER BY pos")) {
            for (String id : ids) {
                if (count >= ROWS) {
                    break;
                }
                taken.add(id);
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        continue; // cases are never deleted; nothing to index if it were
                    }
                    String kind = rs.getString(3);
                    String names = rs.getString(7);
                    // the names are in the case's row (schema 23) unless an accusation's (never indexed) or too long
                    List<String> people1 = org.xinfang.petition.Kind.ACCUSATION.name().equals(kind) ? List.of()
                            : names != null ? splitNames(names) : names(people, id);
                    for (String term : SearchTerms.of(rs.getString(1), rs.getString(2), kind, people1, rs.getString(4),
                            rs.getString(5), rs.getString(6))) {
                        rows.computeIfAbsent(term, k -> new ArrayList<>(2)).add(id);
                        count++;
                    }
                }
            }
        }
        if (Dialect.of(c) == Dialect.DERBY) {
            // one table lock instead of a row lock for each of up to ~4,000 rows: Derby's lock manager was a quarter
            // of the indexer's CPU (intake at a district ~415/s -> ~500/s). Only the indexer writes the table; a
            // search waits for one indexer transaction at most. PostgreSQL takes no row locks for inserts: none.
            try (java.sql.Statement lock = c.createStatement()) {
                lock.execute("LOCK TABLE xf_search_term IN EXCLUSIVE MODE");
            }
        }
        try (PreparedStatement write = c.prepareStatement(SearchTerms.INSERT)) {
            for (Map.Entry<String, List<String>> e : rows.entrySet()) {
                for (String id : new TreeSet<>(e.getValue())) {
                    write.setString(1, e.getKey());
                    write.setString(2, id);
                    write.addBatch();
                }
            }
            write.executeBatch();
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM xf_search_pending WHERE petition_id = ?")) {
            for (String id : taken) {
                delete.setString(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        return taken.size();
    }

    /** The cases waiting for their index rows, at most {@code max} (more: the list has {@code max + 1}). */
    static List<String> pending(Connection c, int max) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT petition_id FROM xf_search_pending")) {
            ps.setMaxRows(max + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && ids.size() <= max) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** The names kept in a case's row ({@link SearchTerms#names}): each behind the mark. */
    private static List<String> splitNames(String names) {
        List<String> out = new ArrayList<>();
        for (String name : names.split(String.valueOf(SearchTerms.MARK), -1)) {
            out.add(name);
        }
        if (!out.isEmpty() && out.get(0).isEmpty()) {
            out.remove(0); // before the first mark
        }
        return out;
    }

    private static List<String> names(PreparedStatement people, String id) throws SQLException {
        List<String> out = new ArrayList<>();
        people.setString(1, id);
        try (ResultSet rs = people.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
