package org.xinfang.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the word index of new cases after they are stored (schema 24, issue 16). A writer of a new case
 * ({@link RowWriter#newCase}) no longer writes its ~26 rows of {@link SearchTerms} (hundreds for a real letter) in
 * its own transaction: it writes one row naming the case in {@code xf_search_pending}, and this indexer, a thread of
 * its own, writes the terms of up to {@link #BATCH} pending cases and deletes their pending rows in one transaction,
 * a block: one row per term the block's cases hold, with their ids (schema 25; a second for a term held by more
 * than a row keeps). So a registration's commit, which the node's registrations take one after another (group
 * commit), holds no index rows, and a term common to many cases of a block costs one row. The thread waits for a
 * block to fill (or {@link #IDLE_MILLIS}) before it takes the cases pending: the fuller the block, the fewer the rows
 * (a busy node registering the same matter many times over writes a few rows a block instead of ~26 a case; until
 * schema 26 two more a case, for its id and tracking code).
 *
 * <p>The search never depends on the indexer being prompt: it reads the pending cases first and takes every one
 * of them as a candidate, then the index ({@code JdbcPetitionStore.candidates}); a case moves from the one to the
 * other in a single transaction, so that in either order of commits it is found in one of them. A pending row left by
 * a crash is indexed at the next start.
 */
final class SearchIndexer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);
    /**
     * Rows a term may take in one block: its cases' ids, {@link SearchTerms#IDS_PER_ROW} to a row, in consecutive
     * block numbers that the transaction takes together ({@code search_block}).
     */
    static final int PARTS = 2;
    /**
     * Cases indexed per transaction (a block), at most: a term held by all of them fills {@link #PARTS} rows. The
     * bigger the block, the fewer its rows a case: a block of 500 of the intake benchmark's letters wrote 14.6 rows a
     * letter, one of 1,000 10.8 (each row an insert into the index's B-tree at a place of its own, most of the
     * indexer's work on Derby). A search reads up to {@link JdbcPetitionStore#CANDIDATES} cases pending besides the
     * index, so a block stays well under that.
     */
    static final int BATCH = PARTS * SearchTerms.IDS_PER_ROW;
    /**
     * Rows a transaction writes, about (a case is never split): one per term its cases hold, however many of them
     * hold it. A search waits for the indexer's transaction on Derby (its table lock), which lasts as long as its
     * rows take to write, so a block of letters that share few words is kept short; letters that share most of
     * theirs (a campaign, a form letter) still fill a block (before, the cap counted each case's terms, and a block of
     * letters held ~70 cases however much they shared).
     */
    static final int ROWS = 20_000;
    /** One indexer at a time in this JVM (a node runs one store; tests call {@link #indexAll} besides the thread). */
    private static final Object ONE_AT_A_TIME = new Object();
    /** How long the thread sleeps when nothing woke it (a child's push or an import writes cases too). */
    private static final long IDLE_MILLIS = 1000;

    static final String PEND = "INSERT INTO xf_search_pending (petition_id) VALUES (?)";

    private final DataSource dataSource;
    private final Object signal = new Object();
    /** Cases stored since the thread last looked (a hint: the thread looks every second anyway). */
    private int stored;
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

    /** Tells the thread that {@code cases} cases were stored: it goes on at once when they fill a block. */
    void stored(int cases) {
        synchronized (signal) {
            stored += cases;
            if (stored >= BATCH) {
                woken = true;
                signal.notifyAll();
            }
        }
    }

    private void wake() {
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
                synchronized (signal) {
                    stored = 0;
                }
                while (!closed && indexBlock(dataSource, BATCH).more()) {
                    // a block taken and more cases were pending: go on at once
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
        return indexBlock(dataSource, max).taken();
    }

    /** What one transaction did: the cases it took, and whether more were pending than it took. */
    record Block(int taken, boolean more) {
    }

    /** One transaction of the indexer, one at a time in this JVM. */
    private static Block indexBlock(DataSource dataSource, int max) throws SQLException {
        synchronized (ONE_AT_A_TIME) {
            return Sql.transaction(dataSource, c -> indexSome(c, max));
        }
    }

    private static Block indexSome(Connection c, int max) throws SQLException {
        int most = Math.min(max, BATCH);
        List<String> ids = pending(c, most);
        boolean beyond = ids.size() > most;
        if (beyond) {
            ids = ids.subList(0, most);
        }
        if (ids.isEmpty()) {
            return new Block(0, false);
        }
        // the ids in order, so that each term's list below is in order (a case holds a term once: a set) and the row's
        // ids share their first characters with the id before (SearchTerms.pack)
        ids = new ArrayList<>(ids);
        java.util.Collections.sort(ids);
        // term -> the block's cases holding it; written in the order of the terms (the index's order)
        Map<String, List<String>> rows = new HashMap<>();
        List<String> taken = new ArrayList<>();
        int skipped = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, tracking_code, kind, subject, content, category,"
                + " search_names FROM xf_petition WHERE id = ?");
                PreparedStatement people = c.prepareStatement("SELECT person_name FROM xf_petitioner"
                        + " WHERE petition_id = ? ORDER BY pos")) {
            for (String id : ids) {
                if (rows.size() >= ROWS) {
                    break;
                }
                if (!SearchTerms.packable(id)) {
                    skipped++;
                    // never seen (ids are <unit>-<number>): left pending, where the search takes it as a candidate
                    LOG.warn("word index: case id {} cannot be kept in the index; the search reads the case itself", id);
                    continue;
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
                        rows.computeIfAbsent(term, k -> new ArrayList<>(4)).add(id);
                    }
                }
            }
        }
        if (taken.isEmpty()) {
            return new Block(0, false); // only ids that stay pending
        }
        if (Dialect.of(c) == Dialect.DERBY) {
            // one table lock instead of a row lock for each row: Derby's lock manager was a quarter of the indexer's
            // CPU (intake at a district ~415/s -> ~500/s). Only the indexer writes the table; a search waits for one
            // indexer transaction at most. PostgreSQL takes no row locks for inserts: none.
            try (java.sql.Statement lock = c.createStatement()) {
                lock.execute("LOCK TABLE xf_search_posting IN EXCLUSIVE MODE");
            }
        }
        // the block's numbers: a term's ids take the first, and the next when they are more than a row holds
        long first = Sql.increment(c, "search_block", PARTS) - PARTS + 1;
        try (PreparedStatement write = c.prepareStatement(SearchTerms.INSERT)) {
            List<String> terms = new ArrayList<>(rows.keySet());
            java.util.Collections.sort(terms);
            for (String term : terms) {
                List<String> holding = rows.get(term);
                for (int part = 0; part * SearchTerms.IDS_PER_ROW < holding.size(); part++) {
                    write.setString(1, term);
                    write.setLong(2, first + part);
                    write.setString(3, SearchTerms.pack(holding.subList(part * SearchTerms.IDS_PER_ROW,
                            Math.min(holding.size(), (part + 1) * SearchTerms.IDS_PER_ROW))));
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
        return new Block(taken.size(), beyond || taken.size() < ids.size() - skipped);
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
