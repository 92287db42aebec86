package org.xinfang.store.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.xinfang.petition.Event;
import org.xinfang.petition.Petition;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.TimelineDigest;
import org.xinfang.sync.JournalEntry;

/**
 * Inserts journal rows and whole cases (row, petitioners, timeline) inside the caller's transaction,
 * one prepared statement per table, sent as JDBC batches on {@link #flush}. A pushed batch of 500
 * entries thus prepares four statements instead of a few thousand. Rows reach the database only on
 * {@link #flush}: flush before reading what was added.
 */
final class RowWriter implements AutoCloseable {
    private final Connection c;
    private PreparedStatement journal;
    private PreparedStatement petitions;
    private PreparedStatement petitioners;
    private PreparedStatement events;
    private PreparedStatement receptionCases;
    private PreparedStatement facts;
    /** The case's row among those whose words are not indexed yet ({@link SearchIndexer}). */
    private PreparedStatement pending;
    /** New cases added since the last {@link #flush}, for the register's count. */
    private int added;

    /** The row of the register's count this writer adds its new cases to ({@link CaseCount}). */
    private final int countStripe;

    RowWriter(Connection c) {
        this(c, CaseCount.OWN);
    }

    RowWriter(Connection c, int countStripe) {
        this.c = c;
        this.countStripe = countStripe;
    }

    /** Adds a journal row at a position reserved for it. */
    void journal(JournalEntry e, long pos) throws SQLException {
        if (journal == null) {
            journal = c.prepareStatement("INSERT INTO xf_journal (pos, origin, origin_seq, entry_type, entity_id,"
                    + " at_millis, payload_utf8, prev_hash, entry_hash, path, stored_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        PreparedStatement ps = journal;
        ps.setLong(1, pos);
        ps.setString(2, e.origin());
        ps.setLong(3, e.seq());
        ps.setString(4, e.type());
        Sql.setNullable(ps, 5, e.entity());
        ps.setLong(6, e.atMillis());
        ps.setBytes(7, e.payload().getBytes(StandardCharsets.UTF_8));
        ps.setString(8, e.prevHash());
        ps.setString(9, e.hash());
        ps.setString(10, String.join(Journal.PATH_SEPARATOR, e.path()));
        ps.setLong(11, System.currentTimeMillis());
        ps.addBatch();
    }

    /**
     * Adds a case that is not stored here yet: its row, petitioners, timeline, facts, and its place among the cases
     * whose words are to be indexed ({@link SearchIndexer}).
     */
    void newCase(Petition p, String verificationHash, String originNode, long originSeq, String path)
            throws SQLException {
        if (petitions == null) {
            petitions = c.prepareStatement("INSERT INTO xf_petition (" + JdbcPetitionStore.PETITION_COLUMNS
                    + ", verification_hash, origin_node, origin_seq, path, case_version, timeline_digest, search_names)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        PreparedStatement ps = petitions;
        int i = 1;
        ps.setString(i++, p.id());
        ps.setString(i++, p.trackingCode());
        ps.setString(i++, p.kind().name());
        ps.setString(i++, p.channel().name());
        ps.setString(i++, p.subject());
        ps.setString(i++, p.content());
        Sql.setNullable(ps, i++, p.category());
        Sql.setNullable(ps, i++, p.location());
        ps.setDate(i++, Date.valueOf(p.receivedAt()));
        ps.setInt(i++, p.headcount());
        ps.setString(i++, p.registeredBy());
        ps.setString(i++, p.owner());
        ps.setString(i++, p.status().name());
        ps.setLong(i++, p.registeredAt().toEpochMilli());
        ps.setString(i++, verificationHash);
        Sql.setNullable(ps, i++, originNode);
        if (originSeq > 0) {
            ps.setLong(i++, originSeq);
        } else {
            ps.setNull(i++, Types.BIGINT);
        }
        Sql.setNullable(ps, i++, path);
        ps.setInt(i++, p.version());
        ps.setString(i++, TimelineDigest.of(p.timeline()));
        Sql.setNullable(ps, i, SearchTerms.names(p.kind().name(),
                p.petitioners().stream().map(org.xinfang.petition.Petitioner::name).toList()));
        ps.addBatch();
        for (int pos = 0; pos < p.petitioners().size(); pos++) {
            petitioner(p.id(), pos, p.petitioners().get(pos));
        }
        for (Event e : p.timeline()) {
            event(p.id(), e);
        }
        receptionCase(p);
        if (facts == null) {
            facts = Facts.prepareInsert(c);
        }
        Facts.bindInsert(facts, Facts.of(p));
        facts.addBatch();
        // its words are indexed after this transaction, with other cases' (SearchIndexer); the search reads it meanwhile
        if (pending == null) {
            pending = c.prepareStatement(SearchIndexer.PEND);
        }
        pending.setString(1, p.id());
        pending.addBatch();
        added++;
    }

    /** A walk-in registered during a leader reception session is listed with the session (领导接访日). */
    private void receptionCase(Petition p) throws SQLException {
        if (p.timeline().isEmpty()) {
            return;
        }
        String day = p.timeline().get(0).attrs().get(org.xinfang.petition.Attr.RECEPTION_DAY);
        if (day == null) {
            return;
        }
        if (receptionCases == null) {
            receptionCases = c.prepareStatement(
                    "INSERT INTO xf_reception_case (day_id, petition_id, registered_at) VALUES (?, ?, ?)");
        }
        receptionCases.setString(1, day);
        receptionCases.setString(2, p.id());
        receptionCases.setLong(3, p.registeredAt().toEpochMilli());
        receptionCases.addBatch();
    }

    private void petitioner(String petitionId, int pos, Petitioner person) throws SQLException {
        if (petitioners == null) {
            petitioners = c.prepareStatement("INSERT INTO xf_petitioner"
                    + " (petition_id, pos, person_name, id_number, phone, address, gender, work_unit)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        }
        PreparedStatement ps = petitioners;
        ps.setString(1, petitionId);
        ps.setInt(2, pos);
        ps.setString(3, person.name());
        Sql.setNullable(ps, 4, person.idNumber());
        Sql.setNullable(ps, 5, person.phone());
        Sql.setNullable(ps, 6, person.address());
        Sql.setNullable(ps, 7, person.gender() == null ? null : person.gender().name());
        Sql.setNullable(ps, 8, person.workUnit());
        ps.addBatch();
    }

    /** Adds an event to a case's timeline; the case is stored, or added to this writer before. */
    void event(String petitionId, Event e) throws SQLException {
        if (events == null) {
            events = c.prepareStatement("INSERT INTO xf_event (petition_id, seq, at_millis, event_type, actor,"
                    + " unit_code, node_id, note, event_id, attrs, actor_name, actor_title)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        PreparedStatement ps = events;
        ps.setString(1, petitionId);
        ps.setInt(2, e.seq());
        ps.setLong(3, e.at().toEpochMilli());
        ps.setString(4, e.type().name());
        ps.setString(5, e.actor().login());
        ps.setString(6, e.unit());
        ps.setString(7, e.node());
        Sql.setNullable(ps, 8, e.note());
        ps.setString(9, e.id());
        Sql.setNullable(ps, 10, PetitionJson.attrsColumn(e.attrs()));
        Sql.setNullable(ps, 11, e.actor().name());
        Sql.setNullable(ps, 12, e.actor().title());
        ps.addBatch();
    }

    /** Sends what was added, cases before the rows that refer to them. */
    void flush() throws SQLException {
        for (PreparedStatement ps : new PreparedStatement[] {journal, petitions, petitioners, events, receptionCases, facts,
                pending}) {
            if (ps != null) {
                ps.executeBatch();
            }
        }
        if (added > 0) {
            CaseCount.add(c, countStripe, added);
            added = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement ps : new PreparedStatement[] {journal, petitions, petitioners, events, receptionCases, facts,
                pending}) {
            try {
                if (ps != null) {
                    ps.close();
                }
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
