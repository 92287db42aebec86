package org.xinfang.store.jdbc.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Event;
import org.xinfang.petition.HistoricRegister;
import org.xinfang.petition.EventType;
import org.xinfang.petition.Kind;
import org.xinfang.petition.NewEvent;
import org.xinfang.petition.Person;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.Page;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionQuery;
import org.xinfang.petition.PetitionStore;
import org.xinfang.petition.PetitionSummary;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.Status;
import org.xinfang.petition.TimelineDigest;
import org.xinfang.petition.VersionConflictException;

/**
 * {@link PetitionStore} in portable SQL. Works on whatever {@link DataSource} it is given: the
 * embedded Derby of every node by default, PostgreSQL when configured.
 */
public final class JdbcPetitionStore implements org.xinfang.rules.FactStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcPetitionStore.class);

    static final String PETITION_COLUMNS = "id, tracking_code, kind, channel, subject, content, category,"
            + " location, received_on, headcount, registered_by, owner_unit, status, registered_at";
    private static final String SUMMARY_COLUMNS = "p.id, p.tracking_code, p.kind, p.channel, p.subject, p.category,"
            + " p.received_on, p.registered_by, p.owner_unit, p.status, p.registered_at,"
            + " (SELECT r.person_name FROM xf_petitioner r WHERE r.petition_id = p.id AND r.pos = 0)";

    /** How many ids {@link #stored} asks for in one statement. */
    private static final int STORED_CHUNK = 50;

    private final DataSource dataSource;
    /** Writes the word index of new cases after their transactions ({@link SearchIndexer}); started by {@link #start}. */
    private final SearchIndexer indexer;

    public JdbcPetitionStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.indexer = new SearchIndexer(dataSource);
        // a node runs one store; until it is given the node's rules (Blueprint, tests) it counts on plain ones
        Facts.use(org.xinfang.rules.ClockRules.PLAIN);
    }

    /** Blueprint: the calendar and tree each case's clocks are counted on (the node's). */
    public void setClockRules(org.xinfang.rules.ClockRules rules) {
        Facts.use(rules);
    }

    /** Brings the schema up to date; called once when the store starts. */
    public void start() {
        int version = Migrations.apply(dataSource);
        int derived = deriveMissingFacts();
        if (derived > 0) {
            LOG.info("derived the statistics facts of {} cases stored before them", derived);
        }
        checkCalendar();
        LOG.info("petition store ready, schema version {}", version);
    }

    /**
     * What a node calls (Blueprint): {@link #start}, then the indexer's thread, which also takes what was left pending.
     * A test that calls {@link #start} alone has no thread: its new cases stay pending until it indexes them.
     */
    public void open() {
        start();
        indexer.start();
    }

    /** Stops the indexer's thread (Blueprint, when the bundle stops); what it left pending is indexed at the next start. */
    public void close() {
        indexer.close();
    }

    /** How many cases {@link #deriveMissingFacts} and {@link #checkCalendar} read whole at a time. */
    private static final int FACT_CHUNK = 500;

    /** The calendar the stored facts were last checked against (identity: the node keeps one until it changes). */
    private volatile org.xinfang.rules.HolidayCalendar checkedCalendar;

    /** Derives the facts of every case that has none (stored before schema 15), a chunk per transaction. */
    int deriveMissingFacts() {
        // every writer of cases keeps the facts from schema 15 on: once all were derived, none can be missing
        if ("complete".equals(factState("facts"))) {
            return 0;
        }
        int done = 0;
        while (true) {
            List<String> ids = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT p.id FROM xf_petition p LEFT JOIN xf_case_fact f"
                            + " ON f.case_id = p.id WHERE f.case_id IS NULL")) {
                ps.setMaxRows(FACT_CHUNK);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("cannot find the cases without statistics facts", e);
            }
            if (!ids.isEmpty()) {
                done += rewriteFacts(ids);
            }
            if (ids.size() < FACT_CHUNK) {
                setFactState("facts", "complete");
                return done;
            }
        }
    }

    private String factState(String name) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT state_value FROM xf_fact_state WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the state of the statistics facts", e);
        }
    }

    private void setFactState(String name, String value) {
        Sql.runInTransaction(dataSource, "cannot record the state of the statistics facts", c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM xf_fact_state WHERE name = ?");
                    PreparedStatement ins = c.prepareStatement(
                            "INSERT INTO xf_fact_state (name, state_value) VALUES (?, ?)")) {
                del.setString(1, name);
                del.executeUpdate();
                ins.setString(1, name);
                ins.setString(2, value);
                ins.executeUpdate();
            }
        });
    }

    /**
     * Derives the facts of these cases again, each under its row lock so that a step applied meanwhile
     * is not overwritten with what was read before it; returns how many were written.
     */
    private int rewriteFacts(List<String> ids) {
        return Sql.inTransaction(dataSource, "cannot derive the statistics facts of " + ids.size() + " cases", c -> {
            int n = 0;
            for (String id : ids) {
                if (lock(c, id)) {
                    Optional<Tracked> t = load(c, "id", id);
                    if (t.isPresent()) {
                        Facts.write(c, t.get().petition());
                        n++;
                    }
                }
            }
            return n;
        });
    }

    /**
     * The due days of the facts were counted on a calendar: when the node's calendar changed since (a year's
     * State Council notice loaded, a day corrected), the facts of the cases whose clocks may run through a
     * changed year are derived again before anything is counted.
     */
    private synchronized void checkCalendar() {
        org.xinfang.rules.HolidayCalendar calendar = Facts.rules().calendar();
        if (calendar == checkedCalendar) {
            return;
        }
        String now = Facts.fingerprint(calendar);
        String before = factState("calendar");
        Integer changed = before == null ? null : Facts.firstChangedYear(before, now);
        if (changed != null) {
            java.time.LocalDate from = Facts.receivedFromForYear(changed);
            List<String> ids = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT case_id FROM xf_case_fact WHERE received_on >= ?"
                            + " ORDER BY case_id")) {
                ps.setDate(1, java.sql.Date.valueOf(from));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("cannot list the cases to count again", e);
            }
            for (int i = 0; i < ids.size(); i += FACT_CHUNK) {
                rewriteFacts(ids.subList(i, Math.min(ids.size(), i + FACT_CHUNK)));
            }
            LOG.info("the calendar changed from {}: counted the clocks of {} cases received since {} again", changed,
                    ids.size(), from);
        }
        if (!now.equals(before)) {
            setFactState("calendar", now);
        }
        checkedCalendar = calendar;
    }

    @Override
    public void eachFact(java.time.LocalDate from, java.time.LocalDate to,
            java.util.function.Consumer<org.xinfang.rules.CaseFact> each) {
        checkCalendar();
        // in a transaction: PostgreSQL streams by the fetch size only inside one
        Sql.runInTransaction(dataSource, "cannot read the statistics facts from " + from + " to " + to, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + Facts.COLUMNS
                    + " FROM xf_case_fact WHERE received_on BETWEEN ? AND ?")) {
                ps.setFetchSize(1000);
                ps.setDate(1, java.sql.Date.valueOf(from));
                ps.setDate(2, java.sql.Date.valueOf(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(Facts.read(rs));
                    }
                }
            }
        });
    }

    @Override
    public Map<java.time.LocalDate, Long> receivedPerDay(java.time.LocalDate from, java.time.LocalDate to) {
        Map<java.time.LocalDate, Long> days = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT received_on, COUNT(*) FROM xf_case_fact"
                        + " WHERE received_on BETWEEN ? AND ? GROUP BY received_on")) {
            ps.setDate(1, java.sql.Date.valueOf(from));
            ps.setDate(2, java.sql.Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
                }
            }
            return days;
        } catch (SQLException e) {
            throw new StoreException("cannot count the cases received from " + from + " to " + to, e);
        }
    }

    @Override
    public List<org.xinfang.rules.CaseFact> factsDue(java.time.LocalDate from, java.time.LocalDate to) {
        return factsDue(from, to, 0);
    }

    @Override
    public List<org.xinfang.rules.CaseFact> factsDue(java.time.LocalDate from, java.time.LocalDate to, int limit) {
        checkCalendar();
        List<org.xinfang.rules.CaseFact> list = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        String where = dueWhere(from, to, args);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + Facts.COLUMNS + " FROM xf_case_fact WHERE "
                        + where + " ORDER BY active_due, case_id")) {
            if (limit > 0) {
                ps.setMaxRows(limit);
            }
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(Facts.read(rs));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new StoreException("cannot read the cases by due day", e);
        }
    }

    @Override
    public long countDue(java.time.LocalDate from, java.time.LocalDate to) {
        checkCalendar();
        List<Object> args = new ArrayList<>();
        String where = dueWhere(from, to, args);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM xf_case_fact WHERE " + where)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count the cases by due day", e);
        }
    }

    @Override
    public List<org.xinfang.rules.CaseFact> factsPaused() {
        checkCalendar();
        List<org.xinfang.rules.CaseFact> list = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + Facts.COLUMNS + " FROM xf_case_fact"
                        + " WHERE paused = 1 ORDER BY case_id")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(Facts.read(rs));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new StoreException("cannot read the cases whose clock is paused", e);
        }
    }

    private static String dueWhere(java.time.LocalDate from, java.time.LocalDate to, List<Object> args) {
        StringBuilder where = new StringBuilder("active_due IS NOT NULL");
        if (from != null) {
            where.append(" AND active_due >= ?");
            args.add(java.sql.Date.valueOf(from));
        }
        if (to != null) {
            where.append(" AND active_due <= ?");
            args.add(java.sql.Date.valueOf(to));
        }
        return where.toString();
    }

    /**
     * The case in the current row (columns {@link #PETITION_COLUMNS}) with its timeline and petitioners read
     * before; null when its timeline was not read (a case registered between the statements).
     */
    private static Petition whole(ResultSet rs, Map<String, List<Event>> timelines,
            Map<String, TreeMap<Integer, Petitioner>> people) throws SQLException {
        String id = rs.getString(1);
        List<Event> timeline = timelines.get(id);
        if (timeline == null) {
            return null;
        }
        timeline.sort(Comparator.comparingInt(Event::seq));
        TreeMap<Integer, Petitioner> byPos = people.get(id);
        return petition(rs, byPos == null ? List.of() : new ArrayList<>(byPos.values()), timeline);
    }

    /** The case in the current row, columns {@link #PETITION_COLUMNS} from the first, with these people and steps. */
    private static Petition petition(ResultSet rs, List<Petitioner> petitioners, List<Event> timeline)
            throws SQLException {
        return new Petition(rs.getString(1), rs.getString(2), Kind.valueOf(rs.getString(3)),
                Channel.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getDate(9).toLocalDate(), rs.getInt(10), petitioners, rs.getString(11), rs.getString(12),
                Status.valueOf(rs.getString(13)), Instant.ofEpochMilli(rs.getLong(14)), timeline);
    }

    @Override
    public List<Petition> wholeByIds(List<String> ids) {
        Map<String, Petition> found = new HashMap<>();
        // each table probed by its own key (petition_id leads the children's keys), never through a join:
        // Derby would scan every petitioner of the register to join it to a handful of cases
        int chunk = 100;
        Sql.runInTransaction(dataSource, "cannot read " + ids.size() + " cases by id", c -> {
            for (int from = 0; from < ids.size(); from += chunk) {
                List<Object> part = new ArrayList<>(new LinkedHashSet<>(ids.subList(from,
                        Math.min(ids.size(), from + chunk))));
                String in = " IN (" + marks(part.size()) + ")";
                Map<String, TreeMap<Integer, Petitioner>> people = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT petition_id, pos, person_name, id_number,"
                        + " phone, address, gender, work_unit FROM xf_petitioner WHERE petition_id" + in)) {
                    bind(ps, part);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            // the whole person, as every other reader of cases has it (gender and work unit too)
                            people.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getInt(2),
                                    petitioner(rs, 3));
                        }
                    }
                }
                Map<String, List<Event>> timelines = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT petition_id, " + EVENT_COLUMNS
                        + " FROM xf_event WHERE petition_id" + in)) {
                    bind(ps, part);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            timelines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(event(rs, 2));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT " + PETITION_COLUMNS
                        + " FROM xf_petition WHERE id" + in)) {
                    bind(ps, part);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Petition p = whole(rs, timelines, people);
                            if (p != null) {
                                found.put(p.id(), p);
                            }
                        }
                    }
                }
            }
        });
        List<Petition> ordered = new ArrayList<>();
        for (String id : ids) {
            Petition p = found.get(id);
            if (p != null) {
                ordered.add(p);
            }
        }
        return ordered;
    }

    @Override
    public long nextSequence(String name) {
        return Sql.nextSequence(dataSource, name);
    }

    @Override
    public Petition insert(Petition given, String verificationHash, String node) {
        return registrations.insert(given, null, null, verificationHash, node);
    }

    @Override
    public Petition insertNumbered(Petition given, String sequence, java.util.function.LongFunction<String> numbering,
            String verificationHash, String node) {
        return registrations.insert(given, sequence, numbering, verificationHash, node);
    }

    /**
     * Registrations committed together (group commit, issue 16): each registration's rows and its journal entry
     * are written in the same transaction as ever, but the registrations that arrive while a commit waits for the
     * disk share the next one, so one fsync makes many durable. Each caller waits for the commit that holds its
     * registration; one that fails (a tracking code taken) is undone alone, to its savepoint.
     */
    private final class Registrations {
        private static final int MAX_BATCH = 256;

        private final class Pending {
            final Petition given;
            final String sequence;
            final java.util.function.LongFunction<String> numbering;
            final String verificationHash;
            final String node;
            final java.util.concurrent.CompletableFuture<Petition> done = new java.util.concurrent.CompletableFuture<>();

            Pending(Petition given, String sequence, java.util.function.LongFunction<String> numbering,
                    String verificationHash, String node) {
                this.given = given;
                this.sequence = sequence;
                this.numbering = numbering;
                this.verificationHash = verificationHash;
                this.node = node;
            }
        }

        private final java.util.ArrayDeque<Pending> queue = new java.util.ArrayDeque<>();
        private boolean committing;

        Petition insert(Petition given, String sequence, java.util.function.LongFunction<String> numbering,
                String verificationHash, String node) {
            Pending me = new Pending(given, sequence, numbering, verificationHash, node);
            synchronized (queue) {
                queue.add(me);
                // wait until a commit holds this registration, or until no one commits: then lead
                while (!me.done.isDone() && committing) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new StoreException("interrupted while registering " + given.id(), e);
                    }
                }
                if (!me.done.isDone()) {
                    committing = true;
                }
            }
            if (!me.done.isDone()) {
                // lead: commit what has queued up (this registration with it), then hand over
                try {
                    while (!me.done.isDone()) {
                        List<Pending> batch = new ArrayList<>();
                        synchronized (queue) {
                            while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
                                batch.add(queue.poll());
                            }
                        }
                        commit(batch);
                    }
                } finally {
                    synchronized (queue) {
                        committing = false;
                        queue.notifyAll();
                    }
                }
            }
            try {
                return me.done.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new StoreException("cannot store petition " + given.id(), e.getCause());
            }
        }

        /** Groups of more than one registration committed together (tests: the fast way is taken). */
        private final java.util.concurrent.atomic.AtomicLong together = new java.util.concurrent.atomic.AtomicLong();

        private void commit(List<Pending> batch) {
            if (batch.size() > 1) {
                try {
                    commitTogether(batch);
                    together.incrementAndGet();
                    return;
                } catch (SQLException | RuntimeException e) {
                    // one of them refused (a tracking code taken, about one in 10^14) or the commit failed: nothing
                    // of the group was kept; each again on its own, behind a savepoint
                    LOG.debug("a group of {} registrations is committed one by one: {}", batch.size(), e.toString());
                }
            }
            commitEach(batch);
        }

        /**
         * The group as one: each sequence (the case numbers, the node's chain, the outbox) advanced once for all, the
         * chain's head read and moved once, every row sent in one batch per table. All or nothing: a failure leaves no
         * trace and no registration answered.
         */
        private void commitTogether(List<Pending> batch) throws SQLException {
            List<Petition> stored = new ArrayList<>();
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (RowWriter rows = new RowWriter(c)) {
                    Map<String, Long> numbers = new HashMap<>();
                    Map<String, Long> ownSeqs = new HashMap<>();
                    Map<String, Journal.Head> heads = new HashMap<>();
                    Map<String, Integer> perSequence = new HashMap<>();
                    Map<String, Integer> perNode = new HashMap<>();
                    for (Pending r : batch) {
                        if (r.sequence != null) {
                            perSequence.merge(r.sequence, 1, Integer::sum);
                        }
                        perNode.merge(r.node, 1, Integer::sum);
                    }
                    for (Map.Entry<String, Integer> e : perSequence.entrySet()) {
                        numbers.put(e.getKey(), Sql.increment(c, e.getKey(), e.getValue()) - e.getValue() + 1);
                    }
                    for (Map.Entry<String, Integer> e : perNode.entrySet()) {
                        long first = Journal.nextOwn(c, e.getKey(), e.getValue());
                        Journal.Head head = Journal.head(c, e.getKey());
                        if (head.seq() != first - 1) {
                            throw new IllegalStateException("journal of " + e.getKey() + " ends at " + head.seq()
                                    + ", not " + (first - 1));
                        }
                        ownSeqs.put(e.getKey(), first);
                        heads.put(e.getKey(), head);
                    }
                    long pos = Journal.reserve(c, batch.size());
                    for (Pending r : batch) {
                        Petition given = r.sequence == null ? r.given
                                : renamed(r.given, r.numbering.apply(numbers.merge(r.sequence, 1L, Long::sum) - 1));
                        long seq = ownSeqs.merge(r.node, 1L, Long::sum) - 1;
                        Petition p = withEventIds(given, Journal.eventId(r.node, seq));
                        Journal.Head head = heads.get(r.node);
                        String payload = PetitionJson.write(p, r.verificationHash);
                        long at = p.registeredAt().toEpochMilli();
                        String hash = org.xinfang.sync.JournalEntry.computeHash(head.hash(), r.node, seq,
                                "PETITION_REGISTERED", p.id(), at, payload);
                        rows.journal(new org.xinfang.sync.JournalEntry(r.node, seq, "PETITION_REGISTERED", p.id(), at,
                                payload, head.hash(), hash, List.of(r.node)), pos++);
                        heads.put(r.node, new Journal.Head(seq, hash));
                        rows.newCase(p, r.verificationHash, r.node, seq, r.node);
                        stored.add(p);
                    }
                    rows.flush();
                    for (Map.Entry<String, Journal.Head> e : heads.entrySet()) {
                        Journal.advance(c, e.getKey(), e.getValue().seq(), e.getValue().hash());
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done.complete(stored.get(i));
            }
            indexer.stored(batch.size());
            synchronized (queue) {
                queue.notifyAll(); // those of this batch return
            }
        }

        private void commitEach(List<Pending> batch) {
            List<Pending> written = new ArrayList<>();
            List<Petition> stored = new ArrayList<>();
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    for (Pending r : batch) {
                        java.sql.Savepoint before = batch.size() == 1 ? null : c.setSavepoint();
                        try {
                            // the journal entry's sequence is the registration event's identity and the case's provenance
                            Petition given = r.sequence == null ? r.given
                                    : renamed(r.given, r.numbering.apply(Sql.increment(c, r.sequence)));
                            long seq = Journal.nextOwn(c, r.node);
                            Petition p = withEventIds(given, Journal.eventId(r.node, seq));
                            Journal.appendOwnAt(c, r.node, seq, "PETITION_REGISTERED", p.id(),
                                    PetitionJson.write(p, r.verificationHash), p.registeredAt().toEpochMilli());
                            insertRows(c, p, r.verificationHash, r.node, seq, r.node);
                            if (before != null) {
                                c.releaseSavepoint(before);
                            }
                            written.add(r);
                            stored.add(p);
                        } catch (SQLException | RuntimeException e) {
                            if (before == null) {
                                throw e;
                            }
                            c.rollback(before);
                            r.done.completeExceptionally(refusal(r.given, e));
                        }
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException | RuntimeException e) {
                for (Pending r : batch) {
                    r.done.completeExceptionally(refusal(r.given, e));
                }
                synchronized (queue) {
                    queue.notifyAll();
                }
                return;
            }
            for (int i = 0; i < written.size(); i++) {
                written.get(i).done.complete(stored.get(i));
            }
            if (!written.isEmpty()) {
                indexer.stored(written.size());
            }
            synchronized (queue) {
                queue.notifyAll(); // those of this batch return
            }
        }

        private RuntimeException refusal(Petition given, Exception e) {
            if (e instanceof SQLException sql && Sql.UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return new DuplicateException("petition " + given.id() + " or tracking code is already stored", sql);
            }
            if (e instanceof RuntimeException r) {
                return r;
            }
            return new StoreException("cannot store petition " + given.id(), e);
        }
    }

    private final Registrations registrations = new Registrations();

    /** How many groups of registrations were committed together so far (tests). */
    long groupsCommittedTogether() {
        return registrations.together.get();
    }

    @Override
    public List<Petition> insertImported(List<Imported> cases, String node) {
        try {
            return Sql.transaction(dataSource, c -> {
                List<Petition> stored = new ArrayList<>();
                for (Imported i : cases) {
                    stored.add(insertImported(c, i, node));
                }
                return stored;
            });
        } catch (SQLException e) {
            if (Sql.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new DuplicateException("a petition id or tracking code of the batch is already stored", e);
            }
            throw new StoreException("cannot store imported petitions", e);
        }
    }

    /** One historic case in the caller's transaction: its key first, then the case and both journal entries. */
    private static Petition insertImported(Connection c, Imported i, String node) throws SQLException {
        Petition given = i.petition();
        Event registered = given.timeline().get(0);
        String source = registered.attrs().get(org.xinfang.petition.Attr.IMPORTED_FROM);
        String number = registered.attrs().get(org.xinfang.petition.Attr.SOURCE_NUMBER);
        if (source == null || number == null || given.timeline().size() != 1) {
            throw new IllegalArgumentException("an imported case is registered naming its source and source number");
        }
        // the key first: a second import of the same row waits here for the first and is refused
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO xf_import_key (source_name, source_number,"
                + " petition_id, imported_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, source);
            ps.setString(2, number);
            ps.setString(3, given.id());
            ps.setLong(4, given.registeredAt().toEpochMilli());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (Sql.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new HistoricRegister.AlreadyImportedException(source, number, e);
            }
            throw e;
        }
        long seq = Journal.nextOwn(c, node);
        Petition p = withEventIds(given, Journal.eventId(node, seq));
        Journal.appendOwnAt(c, node, seq, "PETITION_REGISTERED", p.id(), PetitionJson.write(p, i.verificationHash()),
                p.registeredAt().toEpochMilli());
        insertRows(c, p, i.verificationHash(), node, seq, node);
        // closed at once, as a step of its own: a registration carries nothing but itself (docs/sync.md)
        return appendLocked(c, new Tracked(p, i.verificationHash()), i.closing(), List.of());
    }

    @Override
    public long nextSequences(String name, int count) {
        return Sql.nextSequences(dataSource, name, count);
    }

    @Override
    public Map<String, String> importedIds(String source, Collection<String> sourceNumbers) {
        Map<String, String> found = new HashMap<>();
        // one key at a time: an IN list made Derby scan the whole key table for every chunk (minutes at 100,000)
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT petition_id FROM xf_import_key"
                        + " WHERE source_name = ? AND source_number = ?")) {
            ps.setString(1, source);
            for (String number : new LinkedHashSet<>(sourceNumbers)) {
                ps.setString(2, number);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        found.put(number, rs.getString(1));
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("cannot read the import keys of " + source, e);
        }
    }

    /** A new case whose registration event takes the identity of its journal entry. */
    private static Petition renamed(Petition p, String id) {
        return new Petition(id, p.trackingCode(), p.kind(), p.channel(), p.subject(), p.content(), p.category(),
                p.location(), p.receivedAt(), p.headcount(), p.petitioners(), p.registeredBy(), p.owner(), p.status(),
                p.registeredAt(), p.timeline());
    }

    private static Petition withEventIds(Petition p, String registrationId) {
        List<Event> timeline = new ArrayList<>();
        for (Event e : p.timeline()) {
            timeline.add(e.seq() == 1 ? new Event(1, registrationId, e.at(), e.type(), e.actor(), e.unit(), e.node(),
                    e.attrs(), e.note()) : e);
        }
        return with(p, timeline);
    }

    /** The case with this timeline, its status and owner derived from it. */
    static Petition with(Petition p, List<Event> timeline) {
        return PetitionJson.derive(new Petition(p.id(), p.trackingCode(), p.kind(), p.channel(), p.subject(),
                p.content(), p.category(), p.location(), p.receivedAt(), p.headcount(), p.petitioners(),
                p.registeredBy(), p.owner(), p.status(), p.registeredAt(), timeline));
    }

    /** Inserts a whole petition: its row, petitioners and timeline. */
    static void insertRows(Connection c, Petition p, String verificationHash, String originNode, long originSeq,
            String path) throws SQLException {
        try (RowWriter rows = new RowWriter(c)) {
            rows.newCase(p, verificationHash, originNode, originSeq, path);
            rows.flush();
        }
    }

    /** The ids of those given that are stored here, looked up a few dozen at a time. */
    static Set<String> stored(Connection c, Collection<String> ids) throws SQLException {
        return stored(c, "id", ids);
    }

    /**
     * The values of those given that a stored petition has in {@code column} (its id or its tracking code),
     * looked up a few dozen at a time.
     */
    static Set<String> stored(Connection c, String column, Collection<String> values) throws SQLException {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(new LinkedHashSet<>(values));
        // one statement text for every chunk (the last padded with its own last value), so it is compiled once
        int chunk = Math.min(STORED_CHUNK, all.size());
        if (chunk == 0) {
            return found;
        }
        String marks = String.join(", ", Collections.nCopies(chunk, "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM xf_petition WHERE " + column
                + " IN (" + marks + ")")) {
            for (int from = 0; from < all.size(); from += chunk) {
                for (int i = 0; i < chunk; i++) {
                    ps.setString(i + 1, all.get(Math.min(from + i, all.size() - 1)));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        }
        return found;
    }

    /**
     * Replaces a stored case's timeline by {@code p}'s (a copy the parent sent): its state and owner
     * follow from the timeline. The petitioners and the registration facts never change.
     */
    static void replaceTimeline(Connection c, Petition p) throws SQLException {
        Petition derived = PetitionJson.derive(p);
        try (PreparedStatement ps = c.prepareStatement("UPDATE xf_petition SET owner_unit = ?, status = ?,"
                + " case_version = ?, timeline_digest = ? WHERE id = ?")) {
            ps.setString(1, derived.owner());
            ps.setString(2, derived.status().name());
            ps.setInt(3, derived.version());
            ps.setString(4, TimelineDigest.of(derived.timeline()));
            ps.setString(5, derived.id());
            if (ps.executeUpdate() == 0) {
                // never a timeline without its case (no foreign key checks this since schema 7)
                throw new IllegalStateException("petition " + p.id() + " is not stored here");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM xf_event WHERE petition_id = ?")) {
            ps.setString(1, p.id());
            ps.executeUpdate();
        }
        try (RowWriter rows = new RowWriter(c)) {
            for (Event e : derived.timeline()) {
                rows.event(p.id(), e);
            }
            rows.flush();
        }
        Facts.write(c, derived);
    }

    /**
     * Appends an event to a stored case at version {@code before.version()}, in the caller's
     * transaction; the case's state, owner, version and digest follow.
     *
     * @throws VersionConflictException when the case is no longer at that version
     */
    static Petition appendEvent(Connection c, Petition before, String digestBefore, Event e) throws SQLException {
        List<Event> timeline = new ArrayList<>(before.timeline());
        timeline.add(e.atPosition(before.version() + 1));
        Petition after = with(before, timeline);
        try (PreparedStatement ps = c.prepareStatement("UPDATE xf_petition SET owner_unit = ?, status = ?,"
                + " case_version = ?, timeline_digest = ? WHERE id = ? AND case_version = ?")) {
            ps.setString(1, after.owner());
            ps.setString(2, after.status().name());
            ps.setInt(3, after.version());
            ps.setString(4, TimelineDigest.next(digestBefore, e.id()));
            ps.setString(5, before.id());
            ps.setInt(6, before.version());
            if (ps.executeUpdate() == 0) {
                throw new VersionConflictException(before.id(), before.version(), version(c, before.id()));
            }
        }
        try (RowWriter rows = new RowWriter(c)) {
            rows.event(before.id(), after.timeline().get(after.version() - 1));
            rows.flush();
        }
        Facts.write(c, after);
        return after;
    }

    /** A stored case's version, -1 when it is not stored. */
    static int version(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT case_version FROM xf_petition WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    /** A stored case's timeline digest, null when it is not stored. */
    static String digest(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT timeline_digest FROM xf_petition WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Takes the row lock of a stored case for the rest of the caller's transaction, so that what is
     * read next is what the transaction writes on; true when the case is stored.
     */
    static boolean lock(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE xf_petition SET case_version = case_version WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() > 0;
        }
    }

    @Override
    public Petition append(String id, int basedOn, NewEvent event, Collection<String> copyTo) {
        return Sql.inTransaction(dataSource, "cannot record a step on petition " + id, c -> {
            // the case's row lock first, then the journal's: the order every writer takes them in
            if (!lock(c, id)) {
                throw new NotFoundException("未找到信访事项 / no such petition: " + id);
            }
            Tracked before = load(c, "id", id).orElseThrow();
            if (before.petition().version() != basedOn) {
                throw new VersionConflictException(id, basedOn, before.petition().version());
            }
            Petition after = appendLocked(c, before, event, copyTo);
            return after;
        });
    }

    /**
     * Records a step on a case whose row lock the caller holds, read as {@code before}: the event, its
     * journal entry (a step based on that version) and the copies for the holders below, in the caller's
     * transaction.
     */
    static Petition appendLocked(Connection c, Tracked before, NewEvent event, Collection<String> copyTo)
            throws SQLException {
        String id = before.petition().id();
        int basedOn = before.petition().version();
        String node = event.node();
        long seq = Journal.nextOwn(c, node);
        Event recorded = event.recorded(basedOn + 1, Journal.eventId(node, seq));
        String digestBefore = digest(c, id);
        Petition after = appendEvent(c, before.petition(), digestBefore, recorded);
        Journal.appendOwnAt(c, node, seq, "CASE_EVENT", id, PetitionJson.writeStep(id, basedOn, digestBefore,
                event), event.at().toEpochMilli());
        Downbox.sendCopies(c, after, before.verificationHash(), List.of(), copyTo, event.at().toEpochMilli());
        return after;
    }

    @Override
    public Optional<Provenance> provenance(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT origin_node, origin_seq, path FROM xf_petition WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long seq = rs.getLong(2);
                Long originSeq = rs.wasNull() ? null : seq;
                String path = rs.getString(3);
                return Optional.of(new Provenance(rs.getString(1), originSeq,
                        path == null ? java.util.List.of() : java.util.List.of(path.split(">"))));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the provenance of " + id, e);
        }
    }

    @Override
    public Optional<Petition> get(String id) {
        return load("id", id).map(Tracked::petition);
    }

    @Override
    public Optional<Tracked> findByTrackingCode(String trackingCode) {
        return load("tracking_code", trackingCode);
    }

    private Optional<Tracked> load(String column, String value) {
        // one consistent read of the petition and its children
        return Sql.inTransaction(dataSource, "cannot read petition by " + column, c -> load(c, column, value));
    }

    static Optional<Tracked> load(Connection c, String column, String value) throws SQLException {
        {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + PETITION_COLUMNS
                    + ", verification_hash FROM xf_petition WHERE " + column + " = ?")) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String id = rs.getString(1);
                    Petition p = petition(rs, petitioners(c, id), events(c, id));
                    return Optional.of(new Tracked(p, rs.getString(15)));
                }
            }
        }
    }

    /** A petitioner row read from column {@code first} on: name, ID number, phone, address, gender, work unit. */
    private static Petitioner petitioner(ResultSet rs, int first) throws SQLException {
        String gender = rs.getString(first + 4);
        return new Petitioner(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2),
                rs.getString(first + 3), gender == null ? null : org.xinfang.petition.Gender.valueOf(gender),
                rs.getString(first + 5));
    }

    private static List<Petitioner> petitioners(Connection c, String id) throws SQLException {
        List<Petitioner> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT person_name, id_number, phone, address, gender,"
                + " work_unit FROM xf_petitioner WHERE petition_id = ? ORDER BY pos")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(petitioner(rs, 1));
                }
            }
        }
        return list;
    }

    /** The columns of xf_event that {@link #event} reads, in its order. */
    private static final String EVENT_COLUMNS = "seq, event_id, at_millis, event_type, actor, actor_name, actor_title,"
            + " unit_code, node_id, attrs, note";

    private static List<Event> events(Connection c, String id) throws SQLException {
        List<Event> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EVENT_COLUMNS
                + " FROM xf_event WHERE petition_id = ? ORDER BY seq")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(event(rs, 1));
                }
            }
        }
        return list;
    }

    /** An event read from the columns {@link #EVENT_COLUMNS}, starting at {@code first}. */
    private static Event event(ResultSet rs, int first) throws SQLException {
        int i = first;
        int seq = rs.getInt(i++);
        String id = rs.getString(i++);
        Instant at = Instant.ofEpochMilli(rs.getLong(i++));
        EventType type = EventType.valueOf(rs.getString(i++));
        Person actor = new Person(rs.getString(i++), rs.getString(i++), rs.getString(i++));
        String unit = rs.getString(i++);
        String node = rs.getString(i++);
        Attributes attrs = PetitionJson.attrs(type, rs.getString(i++));
        return new Event(seq, id, at, type, actor, unit, node, attrs, rs.getString(i));
    }

    @Override
    public List<Petition> whole(Set<Status> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        List<Object> names = statuses.stream().map(Status::name).sorted().map(Object.class::cast).toList();
        return wholeWhere("p.status IN (" + String.join(", ", Collections.nCopies(names.size(), "?")) + ")",
                names);
    }

    @Override
    public List<Petition> wholeOwned(String unit, Set<Status> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(unit);
        statuses.stream().map(Status::name).sorted().forEach(args::add);
        List<String> ids = new ArrayList<>();
        // the owner's index first (a unit's cases), their states checked on the rows found
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM xf_petition WHERE owner_unit = ? AND status IN ("
                        + marks(statuses.size()) + ") ORDER BY registered_at DESC, id DESC")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot find the cases held by " + unit, e);
        }
        return wholeByIds(ids);
    }

    @Override
    public List<Petition> wholeWithEvent(EventType eventType) {
        // the cases through the index of event types (schema 21), then each read by id: a join of the events made
        // the home page read every event of a million cases for its alerts, supervisions and leaders' cases
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT DISTINCT petition_id FROM xf_event"
                        + " WHERE event_type = ?")) {
            ps.setString(1, eventType.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot find the cases with a " + eventType + " event", e);
        }
        List<Petition> cases = new ArrayList<>(wholeByIds(ids));
        cases.sort(Comparator.comparing(Petition::registeredAt).thenComparing(Petition::id).reversed());
        return cases;
    }

    @Override
    public List<Petition> wholeReceived(java.time.LocalDate from, java.time.LocalDate to) {
        return wholeWhere("p.received_on BETWEEN ? AND ?", List.of(java.sql.Date.valueOf(from), java.sql.Date.valueOf(to)));
    }

    /**
     * The petitions that satisfy {@code where} (on alias p), whole, in one transaction: one statement
     * for their petitioners, one for their timelines, one for the rows. A case registered between the
     * statements has no timeline read yet and is left for the next call.
     */
    private List<Petition> wholeWhere(String where, List<Object> args) {
        return Sql.inTransaction(dataSource, "cannot read the cases where " + where, c -> {
            Map<String, TreeMap<Integer, Petitioner>> people = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.petition_id, r.pos, r.person_name, r.id_number,"
                    + " r.phone, r.address, r.gender, r.work_unit FROM xf_petitioner r JOIN xf_petition p"
                    + " ON p.id = r.petition_id WHERE "
                    + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        people.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getInt(2), petitioner(rs, 3));
                    }
                }
            }
            Map<String, List<Event>> timelines = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT e.petition_id, e."
                    + EVENT_COLUMNS.replace(", ", ", e.") + " FROM xf_event e JOIN xf_petition p ON p.id = e.petition_id"
                    + " WHERE " + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        timelines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(event(rs, 2));
                    }
                }
            }
            List<Petition> cases = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT p." + PETITION_COLUMNS.replace(", ", ", p.")
                    + " FROM xf_petition p WHERE " + where + " ORDER BY p.registered_at DESC, p.id DESC")) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Petition p = whole(rs, timelines, people);
                        if (p != null) {
                            cases.add(p);
                        }
                    }
                }
            }
            return cases;
        });
    }

    /**
     * The closed states as an SQL list ({@link Status#closedStates()}). A historic case imported as archived is
     * closed too, so it is no longer offered as an open case of the same person (its record is kept and found by
     * search as before).
     */
    private static final String CLOSED_STATES = Status.closedStates().stream().map(st -> "'" + st.name() + "'")
            .sorted().collect(java.util.stream.Collectors.joining(", "));

    @Override
    public List<PetitionSummary> openWithIdNumbers(java.util.Collection<String> idNumbers, String excludeId) {
        List<String> numbers = idNumbers.stream().filter(java.util.Objects::nonNull).distinct().limit(20).toList();
        if (numbers.isEmpty()) {
            return List.of();
        }
        // from the person's petitioner rows (id_number index) to their cases: the cost grows with the
        // person's own cases, not with the register
        String marks = String.join(", ", java.util.Collections.nCopies(numbers.size(), "?"));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT DISTINCT "
                + SUMMARY_COLUMNS + " FROM xf_petitioner q JOIN xf_petition p ON p.id = q.petition_id"
                + " WHERE q.id_number IN (" + marks + ") AND p.id <> ? AND p.status NOT IN (" + CLOSED_STATES + ")"
                + " ORDER BY p.registered_at DESC, p.id DESC"
                + " FETCH NEXT 20 ROWS ONLY")) {
            for (int i = 0; i < numbers.size(); i++) {
                ps.setString(i + 1, numbers.get(i));
            }
            ps.setString(numbers.size() + 1, excludeId == null ? "" : excludeId);
            List<PetitionSummary> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(summary(rs));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new StoreException("cannot look for repeat petitions", e);
        }
    }

    private static PetitionSummary summary(ResultSet rs) throws SQLException {
        return new PetitionSummary(rs.getString(1), rs.getString(2), Kind.valueOf(rs.getString(3)),
                Channel.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getDate(7).toLocalDate(),
                rs.getString(8), rs.getString(9), Status.valueOf(rs.getString(10)), Instant.ofEpochMilli(rs.getLong(11)),
                rs.getString(12));
    }

    @Override
    public List<Conflict> conflicts(String caseId, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT event_id,"
                + " petition_id, event_type, actor, actor_name, actor_title, unit_code, at_millis, refused_by, reason,"
                + " noticed_at FROM xf_conflict" + (caseId == null ? "" : " WHERE petition_id = ?")
                + " ORDER BY noticed_at DESC, event_id FETCH NEXT ? ROWS ONLY")) {
            int i = 1;
            if (caseId != null) {
                ps.setString(i++, caseId);
            }
            ps.setInt(i, Math.max(1, limit));
            List<Conflict> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Conflict(rs.getString(1), rs.getString(2), EventType.valueOf(rs.getString(3)),
                            new Person(rs.getString(4), rs.getString(5), rs.getString(6)), rs.getString(7),
                            Instant.ofEpochMilli(rs.getLong(8)), rs.getString(9), rs.getString(10),
                            Instant.ofEpochMilli(rs.getLong(11))));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new StoreException("cannot read conflict notices", e);
        }
    }

    /** Keeps a conflict notice for a step of this node, once per event; true when it is new. */
    static boolean keepConflict(Connection c, Conflict k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM xf_conflict WHERE event_id = ?")) {
            ps.setString(1, k.eventId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO xf_conflict (event_id, petition_id, event_type,"
                + " actor, actor_name, actor_title, unit_code, at_millis, refused_by, reason, noticed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, k.eventId());
            ps.setString(2, k.caseId());
            ps.setString(3, k.type().name());
            ps.setString(4, k.actor().login());
            Sql.setNullable(ps, 5, k.actor().name());
            Sql.setNullable(ps, 6, k.actor().title());
            ps.setString(7, k.unit());
            ps.setLong(8, k.at().toEpochMilli());
            ps.setString(9, k.refusedBy());
            ps.setString(10, k.reason().length() > 1000 ? k.reason().substring(0, 1000) : k.reason());
            ps.setLong(11, k.noticedAt().toEpochMilli());
            ps.executeUpdate();
        }
        return true;
    }

    @Override
    public List<CaseDigest> digests() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, case_version, timeline_digest, registered_by, owner_unit FROM xf_petition ORDER BY id")) {
            List<CaseDigest> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new CaseDigest(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new StoreException("cannot read the digests of the cases", e);
        }
    }

    /** The WHERE clause of a list without filters. */
    private static final String UNFILTERED = " WHERE 1 = 1";

    /**
     * The list's filters as a WHERE clause on alias p, its arguments added to {@code args}; the word index is read
     * through {@code c} to narrow the words of the search box to their candidates ({@link #candidates}).
     */
    private static String where(Connection c, PetitionQuery q, List<Object> args) throws SQLException {
        StringBuilder where = new StringBuilder(UNFILTERED);
        if (q.status() != null) {
            where.append(" AND p.status = ?");
            args.add(q.status().name());
        }
        if (q.kind() != null) {
            where.append(" AND p.kind = ?");
            args.add(q.kind().name());
        }
        if (q.channel() != null) {
            where.append(" AND p.channel = ?");
            args.add(q.channel().name());
        }
        if (q.unit() != null) {
            where.append(" AND (p.registered_by = ? OR p.owner_unit = ?)");
            args.add(q.unit());
            args.add(q.unit());
        }
        if (q.from() != null) {
            where.append(" AND p.received_on >= ?");
            args.add(Date.valueOf(q.from()));
        }
        if (q.to() != null) {
            where.append(" AND p.received_on <= ?");
            args.add(Date.valueOf(q.to()));
        }
        if (q.categories() != null) {
            where.append(" AND LOWER(p.category) IN (").append(marks(q.categories().size())).append(")");
            q.categories().stream().sorted().forEach(k -> args.add(k.toLowerCase(Locale.ROOT)));
        }
        if (q.ids() != null) {
            where.append(" AND p.id IN (").append(marks(q.ids().size())).append(")");
            q.ids().stream().sorted().forEach(args::add);
        }
        for (String word : q.words()) {
            // a case number (or its beginning) and a tracking code are found through their own indexes: at a million
            // cases, matching them inside every subject and content took seconds (issue 16)
            if (CASE_NUMBER.matcher(word).matches()) {
                boolean whole = word.matches(".*-[0-9]{7}");
                where.append(whole ? " AND p.id = ?" : " AND p.id LIKE ? ESCAPE '\\'");
                args.add(whole ? word : escapeLike(word) + "%");
                continue;
            }
            if (TRACKING_CODE.matcher(word).matches() && word.chars().anyMatch(Character::isDigit)
                    && word.chars().anyMatch(Character::isLetter)) {
                where.append(" AND p.tracking_code = ?");
                args.add(word.toUpperCase(Locale.ROOT));
                continue;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            String contained = "%" + escapeLike(lower) + "%";
            String idNumber = q.personalData() && ID_NUMBER.matcher(word).matches() ? word.toUpperCase(Locale.ROOT) : null;
            String narrowed = candidates(c, lower, idNumber, args);
            where.append(narrowed);
            // a case's id whole or its beginning, its tracking code, a petitioner, or the words of the matter; a
            // 检举控告 by its id and tracking code only (its words and accuser are sealed: Disclosure)
            boolean caseless = caseless(lower);
            where.append(" AND (" + folded("p.id", caseless) + " LIKE ? ESCAPE '\\' OR "
                    + folded("p.tracking_code", caseless) + " = ? OR p.kind <> 'ACCUSATION' AND (");
            args.add(escapeLike(lower) + "%");
            args.add(lower);
            where.append(petitioners(c, contained, idNumber, caseless, args));
            where.append(" OR " + folded("p.subject", caseless) + " LIKE ? ESCAPE '\\' OR "
                    + folded("p.content", caseless) + " LIKE ? ESCAPE '\\' OR " + folded("p.category", caseless)
                    + " LIKE ? ESCAPE '\\'))");
            args.add(contained);
            args.add(contained);
            args.add(contained);
        }
        return where.toString();
    }

    /** The most candidates of a word the search lists by id; a word with more is searched by the scan of before. */
    static final int CANDIDATES = 2000;
    /**
     * The most cases of one bigram read from the word index, at the least; a bigram held by more does not narrow the
     * word. Reading the index costs about as much per row as the scan per case, so a bigram is read when it holds at
     * most an eighth of the register ({@link #posting}): at 1M cases on Derby, the three bigrams of 城乡建设 (each in
     * some 145,000 cases) took longer to read than the scan after them, while the two of a name (王某5, each in about
     * a tenth) leave some 900 candidates in a few hundred milliseconds.
     */
    static final int POSTING = 50_000;

    /**
     * Bigrams found held by more cases than {@link #posting} allows, remembered so that the next search does not read
     * the index only to find that out again (a common word's three bigrams cost some 380,000 rows at 1M cases). A
     * bigram's cases only grow, so an entry stays true; whatever it says, the search finds the same cases (it decides
     * only whether a scan or the index narrows them). Forgotten all at once when full.
     */
    private static final Set<String> COMMON_BIGRAMS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final int COMMON_BIGRAMS_KEPT = 10_000;

    /** How many cases of one bigram the search reads from the word index in a register of this size. */
    private static int posting(Connection c) throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE - 1, Math.max(POSTING, CaseCount.total(c) / 8));
    }

    /** The most cases of one id number listed by id in a word's condition; more are asked of each case. */
    private static final int ID_NUMBER_CASES = 50;

    /**
     * Whether a word has no character that has a case or is made by lower-casing (a combining mark): then a text
     * holds it exactly when the text's lower case does, and a column is compared as it is. Chinese words, digits
     * and punctuation are such words. Lower-casing every column of every case was most of a scan's cost on
     * PostgreSQL: a word in a seventh of a million cases counted in 0.83-0.96 s through LOWER, 0.24-0.26 s without
     * (Derby's scan costs mostly elsewhere: 0.9-2.2 s against 0.9-1.3).
     */
    static boolean caseless(String word) {
        return word.codePoints().allMatch(cp -> Character.toLowerCase(cp) == cp && Character.toUpperCase(cp) == cp
                && Character.toTitleCase(cp) == cp && !Character.isLowerCase(cp) && !Character.isUpperCase(cp)
                && !Character.isTitleCase(cp) && Character.getType(cp) != Character.NON_SPACING_MARK);
    }

    /** A column as the search compares it with a lower-cased word: lower-cased itself unless the word is caseless. */
    private static String folded(String column, boolean caseless) {
        return caseless ? column : "LOWER(" + column + ")";
    }

    /**
     * The petitioners' part of a word's condition: a name of the case's own row holds the word
     * ({@code search_names}, schema 23: a scan of the register at 1M cases on Derby took 4.2 s with an EXISTS over
     * the petitioners of each case, 0.5 s without it), or for a case whose names did not fit there, one of its
     * petitioners' rows; with an id number, the cases of that number (found through its index, listed by id).
     */
    private static String petitioners(Connection c, String contained, String idNumber, boolean caseless,
            List<Object> args) throws SQLException {
        // the mark between two names is no character of a word: a word holding it is asked of each petitioner
        StringBuilder b = new StringBuilder(contained.indexOf(SearchTerms.MARK) >= 0 ? "1 = 0"
                : folded("p.search_names", caseless) + " LIKE ? ESCAPE '\\'");
        b.append(" OR " + (contained.indexOf(SearchTerms.MARK) >= 0 ? "" : "p.search_names IS NULL AND ") + "EXISTS (SELECT 1 FROM xf_petitioner r WHERE r.petition_id = p.id"
                + " AND " + folded("r.person_name", caseless) + " LIKE ? ESCAPE '\\')");
        if (contained.indexOf(SearchTerms.MARK) < 0) {
            args.add(contained);
        }
        args.add(contained);
        if (idNumber != null) {
            Set<String> ids = new java.util.TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT petition_id FROM xf_petitioner WHERE id_number = ?")) {
                ps.setMaxRows(ID_NUMBER_CASES + 1);
                ps.setString(1, idNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            if (ids.size() > ID_NUMBER_CASES) {
                b.append(" OR EXISTS (SELECT 1 FROM xf_petitioner r WHERE r.petition_id = p.id AND r.id_number = ?)");
                args.add(idNumber);
            } else if (!ids.isEmpty()) {
                b.append(" OR p.id IN (").append(marks(ids.size())).append(")");
                args.addAll(ids);
            }
        }
        return b.toString();
    }

    /**
     * The cases that may hold a word of the search box, as a condition on p.id ({@link SearchTerms}): the cases that
     * hold every bigram of the word (but a bigram held by more than {@link #posting}), read from the word index alone
     * and intersected here, listed by id. This is a superset of the cases whose name, subject,
     * content or category contains the word; the condition after it confirms each. Empty (every case is a candidate,
     * the scan of before) for a word of one character, for one that some case's id begins with or some tracking code
     * may be, and for a common word (more than {@link #CANDIDATES} candidates): reading that many cases by id costs more than reading the register in order.
     */
    private static String candidates(Connection c, String lower, String idNumber, List<Object> args)
            throws SQLException {
        List<String> bigrams = SearchTerms.ofWord(lower);
        if (bigrams.isEmpty() || SearchTerms.mayBeIdOrCode(c, lower)) {
            return "";
        }
        // the cases not indexed yet are candidates, read before the index: a case leaves them for the index in one
        // transaction, so whichever commits between the two reads, it is found in one of them (SearchIndexer)
        List<String> pending = SearchIndexer.pending(c, CANDIDATES);
        if (pending.size() > CANDIDATES) {
            return "";
        }
        // each bigram's cases narrow the ones before, until few enough are left to confirm by id
        int posting = posting(c);
        Set<String> found = null;
        for (String term : bigrams) {
            if (COMMON_BIGRAMS.contains(term)) {
                continue;
            }
            List<String> ids = SearchTerms.holding(c, term, posting);
            if (ids.size() > posting) {
                if (COMMON_BIGRAMS.size() >= COMMON_BIGRAMS_KEPT) {
                    COMMON_BIGRAMS.clear();
                }
                COMMON_BIGRAMS.add(term);
                continue;
            }
            if (found == null) {
                found = new HashSet<>(ids);
            } else {
                found.retainAll(new HashSet<>(ids));
            }
            if (found.size() <= CANDIDATES) {
                break;
            }
        }
        if (found == null) {
            return "";
        }
        found.addAll(pending);
        if (idNumber != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT petition_id FROM xf_petitioner WHERE id_number = ?")) {
                ps.setString(1, idNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        }
        Set<String> sorted = new java.util.TreeSet<>(found);
        if (sorted.isEmpty()) {
            return " AND 1 = 0";
        }
        if (sorted.size() > CANDIDATES) {
            return "";
        }
        args.addAll(sorted);
        return " AND p.id IN (" + marks(sorted.size()) + ")";
    }

    /** The list's order, with the id as the tiebreaker so that pages never overlap. */
    private static String order(PetitionQuery q) {
        String direction = q.ascending() ? " ASC" : " DESC";
        return q.sort() == PetitionQuery.Sort.ID ? " ORDER BY p.id" + direction
                : " ORDER BY " + sortColumn(q.sort()) + direction + ", p.id" + direction;
    }

    @Override
    public void eachSummary(PetitionQuery q, java.util.function.Consumer<PetitionSummary> each) {
        if (q.ids() != null && q.ids().isEmpty() || q.categories() != null && q.categories().isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>();
        // in a transaction: PostgreSQL streams by the fetch size only inside one
        Sql.runInTransaction(dataSource, "cannot list petitions", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SUMMARY_COLUMNS + " FROM xf_petition p"
                    + where(c, q, args) + order(q))) {
                ps.setFetchSize(500);
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(summary(rs));
                    }
                }
            }
        });
    }

    @Override
    public Page<PetitionSummary> find(PetitionQuery q) {
        if (q.ids() != null && q.ids().isEmpty() || q.categories() != null && q.categories().isEmpty()) {
            return new Page<>(List.of(), 0, q.offset(), q.limit());
        }
        List<Object> args = new ArrayList<>();
        String order = order(q);
        return Sql.inTransaction(dataSource, "cannot list petitions", c -> {
            String where = where(c, q, args);
            long total;
            if (args.isEmpty() && UNFILTERED.equals(where)) {
                // the whole register: its count is kept with every new case (schema 21), not counted here
                total = CaseCount.total(c);
            } else {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM xf_petition p" + where)) {
                    bind(ps, args);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total = rs.getLong(1);
                    }
                }
            }
            List<PetitionSummary> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SUMMARY_COLUMNS + " FROM xf_petition p"
                    + where + order + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                List<Object> paged = new ArrayList<>(args);
                paged.add(q.offset());
                paged.add(q.limit());
                bind(ps, paged);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(summary(rs));
                    }
                }
            }
            return new Page<>(items, total, q.offset(), q.limit());
        });
    }

    /** A resident identity card number (GB 11643): 17 digits and a check digit or X. */
    private static final java.util.regex.Pattern ID_NUMBER = java.util.regex.Pattern.compile("[0-9]{17}[0-9Xx]");
    /** A case number of a unit with a numeric code, or its beginning: {@code 510199-0001234}, {@code 510199101201-00}. */
    private static final java.util.regex.Pattern CASE_NUMBER = java.util.regex.Pattern.compile("[0-9]{6,}-[0-9]{0,7}");
    /**
     * A tracking code: ten letters and digits, in either case (those issued here avoid look-alikes; imported and
     * generated ones may not). With a digit and a letter in it, it is looked up as a tracking code only.
     */
    private static final java.util.regex.Pattern TRACKING_CODE = java.util.regex.Pattern.compile("[0-9A-Za-z]{10}");

    /** The column a list is ordered by before its id; statuses in the order a case passes them. */
    private static String sortColumn(PetitionQuery.Sort sort) {
        return switch (sort) {
            case RECEIVED_AT -> "p.received_on";
            case REGISTERED_AT -> "p.registered_at";
            case ID -> "p.id";
            case OWNER -> "p.owner_unit";
            case SUBJECT -> "p.subject";
            case STATUS -> {
                StringBuilder b = new StringBuilder("CASE p.status");
                for (Status s : Status.values()) {
                    b.append(" WHEN '").append(s.name()).append("' THEN ").append(s.ordinal());
                }
                yield b.append(" END").toString();
            }
        };
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** {@code text} for a LIKE pattern with {@code ESCAPE '\'}: its wildcards taken literally. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (arg instanceof Date d) {
                ps.setDate(i + 1, d);
            } else {
                ps.setString(i + 1, (String) arg);
            }
        }
    }
}
