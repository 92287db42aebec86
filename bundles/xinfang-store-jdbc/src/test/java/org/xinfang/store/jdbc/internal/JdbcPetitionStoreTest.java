package org.xinfang.store.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Event;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Page;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionQuery;
import org.xinfang.petition.PetitionStore;
import org.xinfang.petition.PetitionSummary;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.Status;

class JdbcPetitionStoreTest {
    @TempDir
    Path dir;
    DataSource dataSource;
    JdbcPetitionStore store;

    @BeforeEach
    void start() throws Exception {
        dataSource = TestDatabases.fresh(dir);
        store = new JdbcPetitionStore(dataSource);
        store.start();
    }

    private static Petition petition(String id, String tracking, String subject, LocalDate received, long at,
            String unit, Event... events) {
        return new Petition(id, tracking, Kind.CLAIM, Channel.WALK_IN, subject, "详细内容：" + subject, "劳动社保",
                "510199", received, 3,
                List.of(new Petitioner("张三", "11010519491231002X", "13812345678", "柳树村3组"),
                        new Petitioner("李四", null, null, null)),
                unit, unit, Status.REGISTERED, Instant.ofEpochMilli(at),
                events.length > 0 ? List.of(events)
                        : List.of(new Event(1, Instant.ofEpochMilli(at), "REGISTERED", "clerk", unit, unit, null)));
    }

    @Test
    void storesAndReadsBackAPetitionWithPetitionersAndTimeline() {
        Petition p = petition("510199101201-0000001", "TRK0000001", "拖欠工资", LocalDate.of(2026, 11, 20),
                1_700_000_000_123L, "510199101201");
        store.insert(p, "hash1", "N1");
        assertEquals(p, store.get(p.id()).orElseThrow());
        PetitionStore.Tracked tracked = store.findByTrackingCode("TRK0000001").orElseThrow();
        assertEquals("hash1", tracked.verificationHash());
        assertNull(tracked.petition().petitioners().get(1).idNumber());
        assertTrue(store.get("nope").isEmpty());
    }

    @Test
    void aFailedInsertLeavesNothingBehind() throws Exception {
        Petition first = petition("A-1", "TRK1", "一", LocalDate.of(2026, 11, 1), 1000, "U1");
        store.insert(first, "h", "N1");
        // same tracking code: the petition row fails after nothing else was written; and an event
        // list that breaks the primary key fails after the petition row was written
        Petition sameCode = petition("A-2", "TRK1", "二", LocalDate.of(2026, 11, 1), 2000, "U1");
        assertThrows(PetitionStore.DuplicateException.class, () -> store.insert(sameCode, "h", "N1"));
        Event e = new Event(1, Instant.ofEpochMilli(3000), "REGISTERED", "clerk", "U1", "U1", null);
        Petition twiceSeq = petition("A-3", "TRK3", "三", LocalDate.of(2026, 11, 1), 3000, "U1", e, e);
        assertThrows(PetitionStore.DuplicateException.class, () -> store.insert(twiceSeq, "h", "N1"));
        assertFalse(store.get("A-3").isPresent());
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            assertEquals(1, count(st, "SELECT COUNT(*) FROM xf_petition"));
            assertEquals(2, count(st, "SELECT COUNT(*) FROM xf_petitioner"));
            assertEquals(1, count(st, "SELECT COUNT(*) FROM xf_event"));
            // the journal entry of a failed change is rolled back with it: the chain stays contiguous
            assertEquals(1, count(st, "SELECT COUNT(*) FROM xf_journal"));
            assertEquals(1, count(st, "SELECT MAX(origin_seq) FROM xf_journal"));
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void sequencesCountFromOneAndSurviveARestart() {
        assertEquals(1, store.nextSequence("petition"));
        assertEquals(2, store.nextSequence("petition"));
        assertEquals(1, store.nextSequence("other"));
        JdbcPetitionStore again = new JdbcPetitionStore(dataSource);
        again.start();
        assertEquals(3, again.nextSequence("petition"));
    }

    @Test
    void findsByFiltersNewestFirstWithPaging() {
        store.insert(petition("V-1", "T1", "拖欠工资", LocalDate.of(2026, 10, 1), 1000, "V"), "h", "N1");
        store.insert(petition("V-2", "T2", "土地承包纠纷", LocalDate.of(2026, 10, 15), 2000, "V"), "h", "N1");
        store.insert(petition("W-1", "T3", "道路维修建议", LocalDate.of(2026, 11, 1), 3000, "W"), "h", "N1");
        store.insert(petition("W-2", "T4", "100%_special", LocalDate.of(2026, 11, 2), 4000, "W"), "h", "N1");

        Page<PetitionSummary> all = store.find(PetitionQuery.all(2));
        assertEquals(4, all.total());
        assertEquals(List.of("W-2", "W-1"), all.items().stream().map(PetitionSummary::id).toList());
        assertEquals("张三", all.items().get(0).firstPetitioner());

        Page<PetitionSummary> second = store.find(new PetitionQuery(null, null, null, null, null, null, 2, 2));
        assertEquals(List.of("V-2", "V-1"), second.items().stream().map(PetitionSummary::id).toList());

        assertEquals(List.of("V-2", "V-1"), ids(new PetitionQuery(null, "V", null, null, null, null, 0, 10)));
        assertEquals(List.of("V-2"), ids(new PetitionQuery(null, null, null, LocalDate.of(2026, 10, 2),
                LocalDate.of(2026, 10, 31), null, 0, 10)));
        assertEquals(List.of("V-2"), ids(new PetitionQuery(null, null, null, null, null, "土地", 0, 10)));
        // LIKE wildcards in the search text are taken literally
        assertEquals(List.of("W-2"), ids(new PetitionQuery(null, null, null, null, null, "0%_", 0, 10)));
        assertEquals(List.of(), ids(new PetitionQuery(Status.ACCEPTED, null, null, null, null, null, 0, 10)));
        assertEquals(4, ids(new PetitionQuery(Status.REGISTERED, null, Kind.CLAIM, null, null, null, 0, 10)).size());
    }

    private List<String> ids(PetitionQuery q) {
        return store.find(q).items().stream().map(PetitionSummary::id).toList();
    }

    @Test
    void openCasesOfTheSamePetitionerAreFoundAsPossibleRepeats() {
        store.insert(petition("R-1", "TR1", "拖欠工资", LocalDate.of(2026, 10, 1), 1000, "V"), "h", "N1");
        store.insert(petition("R-2", "TR2", "拖欠工资又来访", LocalDate.of(2026, 11, 1), 2000, "V"), "h", "N1");
        assertEquals(List.of("R-1"), store.openWithIdNumbers(List.of("11010519491231002X"), "R-2").stream()
                .map(PetitionSummary::id).toList());
        assertEquals(List.of(), store.openWithIdNumbers(List.of("440524188001010014"), "R-2"));
        assertEquals(List.of(), store.openWithIdNumbers(java.util.Arrays.asList((String) null), "R-2"));
    }

    @Test
    void migrationsAreAppliedOnceAndSplitOnStatementEnds() {
        new JdbcPetitionStore(dataSource).start();
        assertEquals(List.of("CREATE TABLE a (x INTEGER)", "CREATE INDEX b ON a (x)"),
                Migrations.statements("-- comment\nCREATE TABLE a (x INTEGER);\n\nCREATE INDEX b ON a (x);\n"));
    }

    @Test
    void wholeCasesAreReadByStatusOrByAnEventTypeWithPetitionersAndTimelineInOrder() {
        Event registered = new Event(1, Instant.ofEpochMilli(1000), "REGISTERED", "clerk", "U1", "N1", null);
        Event supervised = new Event(2, Instant.ofEpochMilli(2000), "SUPERVISED", "督查", "U0", "N0", "督办");
        Event answered = new Event(3, Instant.ofEpochMilli(3000), "SUPERVISION_ANSWERED", "head", "U1", "N1", "已答复");
        Petition open = petition("W-1", "TRKW1", "一", LocalDate.of(2026, 11, 1), 1000, "U1", registered, supervised,
                answered);
        Petition newer = petition("W-2", "TRKW2", "二", LocalDate.of(2026, 11, 2), 5000, "U1", registered);
        Petition closed = new Petition("W-3", "TRKW3", Kind.CLAIM, Channel.LETTER, "三", "内容", null, null,
                LocalDate.of(2026, 11, 3), 1, List.of(new Petitioner("王五", null, null, null)), "U1", "U1",
                Status.TERMINATED, Instant.ofEpochMilli(9000), List.of(registered, supervised));
        for (Petition p : List.of(open, newer, closed)) {
            store.insert(p, "h", "N1");
        }

        List<Petition> registeredOnes = store.whole(Set.of(Status.REGISTERED));
        assertEquals(List.of(newer, open), registeredOnes, "whole cases, newest registration first");
        assertEquals(List.of(closed), store.whole(Set.of(Status.TERMINATED, Status.MEDIATED)));
        assertEquals(List.of(), store.whole(Set.of()));
        assertEquals(List.of(closed, open), store.wholeWithEvent("SUPERVISED"));
        assertEquals(List.of(), store.wholeWithEvent("HEARING_STARTED"));
    }

    @Test
    void aTimelineIsNeverWrittenWithoutItsCase() throws Exception {
        Petition absent = petition("X-1", "TRKX1", "无", LocalDate.of(2026, 11, 1), 1000, "U1");
        try (Connection c = dataSource.getConnection()) {
            assertThrows(IllegalStateException.class, () -> JdbcPetitionStore.updateStored(c, absent));
            try (Statement st = c.createStatement()) {
                assertEquals(0, count(st, "SELECT COUNT(*) FROM xf_event"));
            }
        }
    }
}
