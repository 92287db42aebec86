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
import org.xinfang.petition.Attr;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
import org.xinfang.petition.Gender;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Page;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionQuery;
import org.xinfang.petition.PetitionStore;
import org.xinfang.petition.PetitionSummary;
import org.xinfang.petition.Person;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.RedirectChannel;
import org.xinfang.petition.Status;
import org.xinfang.petition.VersionConflictException;
import org.xinfang.petition.Step;

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
                List.of(new Petitioner("张三", "11010519491231002X", "13812345678", "柳树村3组", Gender.FEMALE, "柳树村小学"),
                        new Petitioner("李四", null, null, null)),
                unit, unit, Status.REGISTERED, Instant.ofEpochMilli(at),
                events.length > 0 ? List.of(events) : List.of(Cases.registered(unit, Instant.ofEpochMilli(at))));
    }

    /** Each case's statistics facts are written with it and follow every step, in the same transaction. */
    @Test
    void theFactsOfACaseAreWrittenWithItAndFollowEachStep() {
        LocalDate received = LocalDate.of(2026, 11, 2);
        Petition p = petition("F-1", "TRKF1", "拖欠工资", received, 1_762_000_000_000L, "T1");
        store.insert(p, "h", "N1");
        store.insert(petition("F-2", "TRKF2", "道路", received.plusDays(1), 1_762_100_000_000L, "T1"), "h", "N1");
        java.util.Map<String, org.xinfang.rules.CaseFact> facts = new java.util.TreeMap<>();
        store.eachFact(received, received.plusDays(1), f -> facts.put(f.id(), f));
        assertEquals(Set.of("F-1", "F-2"), facts.keySet());
        org.xinfang.rules.CaseFact f1 = facts.get("F-1");
        assertEquals(Status.REGISTERED, f1.status());
        assertEquals("劳动社保", f1.category());
        assertEquals(3, f1.headcount());
        // counted on the plain rules (every unit competent): the acceptance notice's 15 days run from receipt
        assertEquals(received.plusDays(15), f1.clocks().get(Step.NOTICE).due(), "clocks: " + f1.clocks());
        assertEquals(f1.clocks().get(Step.NOTICE).due(), f1.activeDue());
        assertEquals(List.of("F-1", "F-2"), store.factsDue(null, null).stream().map(org.xinfang.rules.CaseFact::id)
                .toList(), "waiting cases by due day");
        assertEquals(1, store.factsDue(null, f1.activeDue()).size());

        // a step today, weeks after the 15 days: the case is final, waits on no clock, its notice clock met late
        store.append("F-1", 1, Cases.reason(EventType.NOT_ACCEPTED, "T1"), List.of());
        facts.clear();
        store.eachFact(received, received, f -> facts.put(f.id(), f));
        assertEquals(Status.NOT_ACCEPTED, facts.get("F-1").status());
        assertNull(facts.get("F-1").activeDue());
        assertEquals(org.xinfang.rules.CaseFact.ClockState.LATE, facts.get("F-1").clocks().get(Step.NOTICE).state());
        assertTrue(facts.get("F-1").missed(Step.NOTICE, received));
        assertEquals(List.of("F-2"), store.factsDue(null, null).stream().map(org.xinfang.rules.CaseFact::id).toList());

        // a refused step changes nothing, facts included
        assertThrows(VersionConflictException.class,
                () -> store.append("F-1", 1, Cases.reason(EventType.REDIRECTED, "T1"), List.of()));
        store.eachFact(received, received, f -> assertEquals(Status.NOT_ACCEPTED, f.status()));
        assertEquals(java.util.Map.of(received, 1L, received.plusDays(1), 1L),
                store.receivedPerDay(received, received.plusDays(5)));
        assertEquals(List.of("F-2", "F-1"), store.wholeByIds(List.of("F-2", "nope", "F-1")).stream().map(Petition::id)
                .toList(), "whole, in the order asked, those not held left out");
    }

    /** A unit's own cases in the states asked for, whole, newest first; not those of other units or states. */
    @Test
    void wholeOwnedReadsAUnitsCasesInTheStatesAsked() {
        store.insert(petition("W-1", "TRKW1", "一", LocalDate.of(2026, 11, 1), 1_762_000_000_001L, "T1"), "h", "N1");
        store.insert(petition("W-2", "TRKW2", "二", LocalDate.of(2026, 11, 2), 1_762_000_000_002L, "T1"), "h", "N1");
        store.insert(petition("W-3", "TRKW3", "三", LocalDate.of(2026, 11, 3), 1_762_000_000_003L, "T2"), "h", "N1");
        store.append("W-2", 1, Cases.reason(EventType.NOT_ACCEPTED, "T1"), List.of());
        assertEquals(List.of("W-1"), store.wholeOwned("T1", Set.of(Status.REGISTERED, Status.ACCEPTED)).stream()
                .map(Petition::id).toList());
        assertEquals(List.of("W-2", "W-1"), store.wholeOwned("T1", Set.of(Status.REGISTERED, Status.NOT_ACCEPTED))
                .stream().map(Petition::id).toList());
        assertEquals(store.get("W-3").orElseThrow(), store.wholeOwned("T2", Set.of(Status.REGISTERED)).get(0), "whole");
        assertEquals(List.of(), store.wholeOwned("T1", Set.of()));
    }

    /** The export streams the list's rows in its order, the same rows the pages show. */
    @Test
    void eachSummaryStreamsTheListInItsOrder() {
        for (int i = 1; i <= 5; i++) {
            store.insert(petition("E-" + i, "TRKE" + i, "事项" + i, LocalDate.of(2026, 11, i), 1_762_000_000_000L + i,
                    "T1"), "h", "N1");
        }
        PetitionQuery q = new PetitionQuery(null, null, null, null, null, null, 0, 2);
        List<String> streamed = new java.util.ArrayList<>();
        store.eachSummary(q, s -> streamed.add(s.id()));
        List<String> paged = new java.util.ArrayList<>();
        for (int offset = 0; offset < 5; offset += 2) {
            store.find(q.page(offset, 2)).items().forEach(s -> paged.add(s.id()));
        }
        assertEquals(List.of("E-5", "E-4", "E-3", "E-2", "E-1"), streamed);
        assertEquals(paged, streamed);
    }

    @Test
    void storesAndReadsBackAPetitionWithPetitionersAndTimeline() {
        Petition p = petition("510199101201-0000001", "TRK0000001", "拖欠工资", LocalDate.of(2026, 11, 20),
                1_700_000_000_123L, "510199101201");
        Petition stored = store.insert(p, "hash1", "N1");
        assertEquals("N1#1", stored.timeline().get(0).id(), "the registration takes its journal entry's identity");
        assertEquals(Cases.CLERK, stored.timeline().get(0).actor());
        assertEquals(stored, store.get(p.id()).orElseThrow());
        PetitionStore.Tracked tracked = store.findByTrackingCode("TRK0000001").orElseThrow();
        assertEquals("hash1", tracked.verificationHash());
        assertNull(tracked.petition().petitioners().get(1).idNumber());
        assertTrue(store.get("nope").isEmpty());
    }

    @Test
    void genderAndWorkUnitAreStoredAndTravelInTheRegistrationsJournalEntry() throws Exception {
        Petition stored = store.insert(petition("510199101201-0000009", "TRK0000009", "拖欠工资", LocalDate.of(2026, 11, 20),
                1_700_000_000_123L, "510199101201"), "hash1", "N1");
        Petitioner zhang = store.get(stored.id()).orElseThrow().petitioners().get(0);
        assertEquals(Gender.FEMALE, zhang.gender());
        assertEquals("柳树村小学", zhang.workUnit());
        Petitioner li = store.get(stored.id()).orElseThrow().petitioners().get(1);
        assertNull(li.gender());
        assertNull(li.workUnit());
        // the journal entry the parent receives (docs/sync.md: REGISTERED carries the case whole)
        String payload;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT payload_utf8 FROM xf_journal ORDER BY pos")) {
            assertTrue(rs.next());
            payload = new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(payload.contains("\"gender\":\"FEMALE\"") && payload.contains("\"workUnit\":\"柳树村小学\""), payload);
        Petition atParent = PetitionJson.read(payload, (id, seq) -> "N1#" + seq).petition();
        assertEquals(stored.petitioners(), atParent.petitioners());
        assertFalse(payload.substring(payload.indexOf("李四")).contains("gender"), "absent, not null, when not recorded");
    }

    @Test
    void aFailedInsertLeavesNothingBehind() throws Exception {
        Petition first = petition("A-1", "TRK1", "一", LocalDate.of(2026, 11, 1), 1000, "U1");
        store.insert(first, "h", "N1");
        // same tracking code: the petition row fails after nothing else was written; and an event
        // list that breaks the primary key fails after the petition row was written
        Petition sameCode = petition("A-2", "TRK1", "二", LocalDate.of(2026, 11, 1), 2000, "U1");
        assertThrows(PetitionStore.DuplicateException.class, () -> store.insert(sameCode, "h", "N1"));
        Event e = Cases.registered("U1", Instant.ofEpochMilli(3000));
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

    /** A case number and a tracking code are looked up by their own keys (issue 16); other words as before. */
    @Test
    void aCaseNumberOrATrackingCodeIsFoundByItsKey() {
        store.insert(petition("510199-0000012", "K7M2Q9RT4X", "拖欠工资", LocalDate.of(2026, 10, 1), 1000, "V"), "h", "N1");
        store.insert(petition("510199-0000123", "ABCDEFGH23", "其他事项", LocalDate.of(2026, 10, 2),
                2000, "V"), "h", "N1");
        store.insert(petition("510199101201-0000001", "ZZZZZZZZZZ", "STRAWBERRY 种植补贴，另见 510199-00000 号", LocalDate.of(2026, 10, 3), 3000,
                "V"), "h", "N1");
        assertEquals(List.of("510199-0000012"), ids(new PetitionQuery(null, null, null, null, null, "510199-0000012", 0, 10)));
        assertEquals(List.of("510199-0000012"),
                ids(new PetitionQuery(null, null, null, null, null, "510199-00000", 0, 10)),
                "the beginning of a number finds the numbers, not a subject that quotes it");
        assertEquals(List.of("510199-0000012"), ids(new PetitionQuery(null, null, null, null, null, "k7m2q9rt4x", 0, 10)),
                "a tracking code in either case");
        assertEquals(List.of("510199101201-0000001"), ids(new PetitionQuery(null, null, null, null, null, "strawberry", 0, 10)),
                "a word of ten letters without a digit is searched as a word");
        assertEquals(List.of(), ids(new PetitionQuery(null, null, null, null, null, "510199-0000999", 0, 10)));
    }

    /** A unit's list holds what it registered or owns, each case once; its total is counted in two halves. */
    @Test
    void aUnitsListHoldsWhatItRegisteredOrOwnsEachOnce() {
        store.insert(petition("U-1", "TU1", "本镇登记本镇办理", LocalDate.of(2026, 10, 1), 1000, "T7"), "h", "N1");
        store.insert(petition("U-2", "TU2", "本镇登记交办出去", LocalDate.of(2026, 10, 2), 2000, "T7"), "h", "N1");
        store.append("U-2", 1, Cases.assign("T7", "T8"), List.of());
        store.insert(petition("X-1", "TX1", "区里交办来的", LocalDate.of(2026, 10, 3), 3000, "T9"), "h", "N1");
        store.append("X-1", 1, Cases.assign("T9", "T7"), List.of());
        store.insert(petition("X-2", "TX2", "与本镇无关", LocalDate.of(2026, 10, 4), 4000, "T9"), "h", "N1");
        Page<PetitionSummary> mine = store.find(new PetitionQuery(null, "T7", null, null, null, null, 0, 10));
        assertEquals(List.of("X-1", "U-2", "U-1"), mine.items().stream().map(PetitionSummary::id).toList());
        assertEquals(3, mine.total(), "registered here, owned here, or both: each once");
        Page<PetitionSummary> firstOnly = store.find(new PetitionQuery(null, "T7", null, null, null, null, 0, 1));
        assertEquals(3, firstOnly.total(), "the total does not depend on the page");
        assertEquals(1, store.find(new PetitionQuery(null, "T8", null, null, null, null, 0, 10)).total());
        assertEquals(2, store.find(new PetitionQuery(null, "T7", null, LocalDate.of(2026, 10, 2), null, null, 0, 10))
                .total(), "with another filter as well");
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
        Event registered = Cases.registered("U1", Instant.ofEpochMilli(1000));
        Event supervised = new Event(2, "N0#1", Instant.ofEpochMilli(2000), EventType.SUPERVISED, Person.SYSTEM, "U0", "N0",
                Attributes.builder().put(Attr.CLOCK, Step.TRIAGE).put(Attr.DUE, LocalDate.of(2026, 11, 16))
                        .put(Attr.ANSWER_DUE, LocalDate.of(2026, 12, 16)).build(), "督办");
        Event answered = new Event(3, "N1#9", Instant.ofEpochMilli(3000), EventType.SUPERVISION_ANSWERED, Cases.HEAD, "U1",
                "N1", Attributes.builder().put(Attr.ANSWER, "已答复").build(), null);
        Petition open = petition("W-1", "TRKW1", "一", LocalDate.of(2026, 11, 1), 1000, "U1", registered, supervised,
                answered);
        Petition newer = petition("W-2", "TRKW2", "二", LocalDate.of(2026, 11, 2), 5000, "U1", registered);
        Event redirected = new Event(3, "N1#8", Instant.ofEpochMilli(9500), EventType.REDIRECTED, Cases.CLERK, "U1", "N1",
                Attributes.builder().put(Attr.CHANNEL, RedirectChannel.LEGAL).put(Attr.REASON, "涉诉").build(), null);
        Petition closed = new Petition("W-3", "TRKW3", Kind.CLAIM, Channel.LETTER, "三", "内容", null, null,
                LocalDate.of(2026, 11, 3), 1, List.of(new Petitioner("王五", null, null, null)), "U1", "U1",
                Status.REGISTERED, Instant.ofEpochMilli(9000), List.of(registered, supervised, redirected));
        open = store.insert(open, "h", "N1");
        newer = store.insert(newer, "h", "N1");
        closed = store.insert(closed, "h", "N1");
        assertEquals(Status.REDIRECTED, closed.status(), "the state is the timeline's, not the one given");

        List<Petition> registeredOnes = store.whole(Set.of(Status.REGISTERED));
        assertEquals(List.of(newer, open), registeredOnes, "whole cases, newest registration first");
        assertEquals(List.of(closed), store.whole(Set.of(Status.REDIRECTED, Status.MEDIATED)));
        assertEquals(List.of(), store.whole(Set.of()));
        assertEquals(List.of(closed, open), store.wholeWithEvent(EventType.SUPERVISED));
        assertEquals(List.of(), store.wholeWithEvent(EventType.HEARING_STARTED));
        assertEquals(RedirectChannel.LEGAL, closed.timeline().get(2).attrs().get(Attr.CHANNEL), "typed facts read back");
    }

    @Test
    void aTimelineIsNeverWrittenWithoutItsCase() throws Exception {
        Petition absent = petition("X-1", "TRKX1", "无", LocalDate.of(2026, 11, 1), 1000, "U1");
        try (Connection c = dataSource.getConnection()) {
            assertThrows(IllegalStateException.class, () -> JdbcPetitionStore.replaceTimeline(c, absent));
            try (Statement st = c.createStatement()) {
                assertEquals(0, count(st, "SELECT COUNT(*) FROM xf_event"));
            }
        }
    }

    @Test
    void aStepIsRecordedOnlyOnTheVersionItWasCheckedOnAndDerivesTheState() {
        Petition p = store.insert(petition("T1-1", "TRKS1", "一", LocalDate.of(2026, 11, 1), 1000, "T1"), "h", "T1");
        Petition after = store.append(p.id(), 1, Cases.reason(EventType.NOT_ACCEPTED, "T1"), List.of());
        assertEquals(2, after.version());
        assertEquals(Status.NOT_ACCEPTED, after.status());
        assertEquals("T1#2", after.timeline().get(1).id(), "the step takes its journal entry's identity");
        assertEquals("理由", after.timeline().get(1).attrs().get(Attr.REASON));
        VersionConflictException stale = assertThrows(VersionConflictException.class,
                () -> store.append(p.id(), 1, Cases.reason(EventType.REDIRECTED, "T1"), List.of()));
        assertEquals(2, stale.current());
        assertEquals(after, store.get(p.id()).orElseThrow(), "nothing written");
        assertThrows(org.xinfang.petition.NotFoundException.class,
                () -> store.append("nope", 1, Cases.reason(EventType.NOT_ACCEPTED, "T1"), List.of()));
    }

    /**
     * Of many steps checked on the same version and sent at the same moment, exactly one is recorded;
     * every other one is told the case changed, and none fails otherwise.
     */
    @Test
    void ofParallelStepsOnOneVersionExactlyOneIsRecorded() throws Exception {
        int cases = 8;
        int writers = 6;
        List<Petition> ps = new java.util.ArrayList<>();
        for (int i = 0; i < cases; i++) {
            ps.add(store.insert(petition("P1-" + i, "TRKP" + i, "并发", LocalDate.of(2026, 11, 1), 1000 + i, "P1"), "h",
                    "P1"));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            for (Petition p : ps) {
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        try {
                            store.append(p.id(), 1, Cases.reason(EventType.NOT_ACCEPTED, "P1"), List.of());
                            return "ok";
                        } catch (VersionConflictException e) {
                            return "conflict";
                        }
                    }));
                }
                go.countDown();
                List<String> outcomes = new java.util.ArrayList<>();
                for (java.util.concurrent.Future<String> f : results) {
                    outcomes.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
                }
                assertEquals(1, outcomes.stream().filter("ok"::equals).count(), p.id() + ": " + outcomes);
                assertEquals(writers - 1, outcomes.stream().filter("conflict"::equals).count());
                assertEquals(2, store.get(p.id()).orElseThrow().version());
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            assertEquals(cases * 2, count(st, "SELECT COUNT(*) FROM xf_event"));
            assertEquals(cases * 2, count(st, "SELECT MAX(origin_seq) FROM xf_journal"), "no journal entry of a refused step");
        }
    }

    /**
     * A database of the release before typed events (schema 7) held facts in notes: migrated in place,
     * each event keeps its note and gains the typed facts it stated, and every case its version and digest.
     * A comment that names another rating does not change the rating.
     */
    /**
     * Schema 21 on a register of an older build: the inbox's total starts from the cases held, and a case whose
     * only clock a hearing paused (no due day) is found through its own index, not a closed one.
     */
    @Test
    void aRegisterOfAnOlderBuildKeepsItsCountAndFindsItsPausedClocks() throws Exception {
        DataSource old = TestDatabases.fresh(dir, "OLD20");
        assertEquals(20, Migrations.apply(old, 20));
        try (Connection c = old.getConnection(); Statement st = c.createStatement()) {
            String[][] cases = {{"P-1", "ACCEPTED", "NOTICE=M2026-09-15;HANDLING=P", "NULL"},
                {"P-2", "ACCEPTED", "NOTICE=M2026-09-15;HANDLING=R2026-11-20", "DATE('2026-11-20')"},
                {"P-3", "TERMINATED", "NOTICE=M2026-09-15;HANDLING=P", "NULL"}};
            for (String[] k : cases) {
                st.executeUpdate("INSERT INTO xf_petition (id, tracking_code, verification_hash, kind, channel, subject,"
                        + " content, received_on, headcount, registered_by, owner_unit, status, registered_at,"
                        + " case_version, timeline_digest) VALUES ('" + k[0] + "', 'TRK" + k[0] + "', 'h', 'CLAIM',"
                        + " 'LETTER', '旧案', '内容', DATE('2026-09-01'), 1, 'V1', 'T1', '" + k[1] + "', 1000, 1, 'd')");
                st.executeUpdate("INSERT INTO xf_case_fact (case_id, received_on, kind, status, channel, owner_unit,"
                        + " registered_by, headcount, repeated, supervised, major, active_due, clocks) VALUES ('" + k[0]
                        + "', DATE('2026-09-01'), 'CLAIM', '" + k[1] + "', 'LETTER', 'T1', 'V1', 1, 0, 0, 0, " + k[3]
                        + ", '" + k[2] + "')");
            }
        }
        JdbcPetitionStore migrated = new JdbcPetitionStore(old);
        migrated.start();
        PetitionQuery all = new PetitionQuery(null, null, null, null, null, null, 0, 20);
        assertEquals(3, migrated.find(all).total());
        assertEquals(List.of("P-1"), migrated.factsPaused().stream().map(org.xinfang.rules.CaseFact::id).toList());
        assertEquals(List.of("P-2"), migrated.factsDue(null, null).stream().map(org.xinfang.rules.CaseFact::id).toList());
        migrated.insert(petition("P-4", "TRKP4", "新案", LocalDate.of(2026, 11, 20), 2000, "T1"), "h", "N1");
        assertEquals(4, migrated.find(all).total());
    }

    @Test
    void aDatabaseOfAnOlderBuildKeepsEachEventsMeaningAsTypedFacts() throws Exception {
        DataSource old = TestDatabases.fresh(dir, "OLD7");
        assertEquals(7, Migrations.apply(old, 7));
        String[][] events = {
            {"REGISTERED", "clerk", "首问责任人 / first-contact owner: clerk"},
            {"ASSIGNED", "clerk", "交办至 / assigned to 清河镇：请办理"},
            {"ACCEPTED", "head", "受理告知书：你反映的事项已由清河镇受理"},
            {"EXTENDED", "head", "延长30日 / extended by 30 days：需要补充调查（告知信访人延期理由 / the petitioner is told why）"},
            {"SUPERVISED", "督查扫描 / scheduled scan", "督办通知 / supervision notice [HANDLING@2026-10-30]：办理期限已于2026-10-30届满"},
            {"DECIDED", "head", "信访处理意见书｜诉求 request：补发工资｜事实 facts：拖欠属实｜意见 decision：支持 / supported"
                    + "｜依据 basis：劳动合同法｜签批 signed off：head"},
            {"RATED", "信访人 / petitioner", "满意度评价 / rating：不满意 (DISSATISFIED)。意见 / comment：其实 (SATISFIED) 是反话"},
        };
        try (Connection c = old.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO xf_petition (id, tracking_code, verification_hash, kind, channel, subject, content,"
                    + " received_on, headcount, registered_by, owner_unit, status, registered_at) VALUES ('V-1', 'TRKOLD',"
                    + " 'h', 'CLAIM', 'LETTER', '旧案', '内容', DATE('2026-09-01'), 1, 'V1', 'T1', 'DECIDED', 1000)");
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO xf_event (petition_id, seq, at_millis,"
                    + " event_type, actor, unit_code, node_id, note) VALUES ('V-1', ?, ?, ?, ?, 'V1', 'V1', ?)")) {
                for (int i = 0; i < events.length; i++) {
                    ps.setInt(1, i + 1);
                    ps.setLong(2, 1000 + i);
                    ps.setString(3, events[i][0]);
                    ps.setString(4, events[i][1]);
                    ps.setString(5, events[i][2]);
                    ps.executeUpdate();
                }
            }
        }
        JdbcPetitionStore migrated = new JdbcPetitionStore(old);
        migrated.start();
        Petition p = migrated.get("V-1").orElseThrow();
        assertEquals(7, p.version());
        assertEquals(Status.DECIDED, p.status());
        assertEquals("T1", p.timeline().get(1).attrs().get(Attr.UNIT), "the latest assignment went to the owner");
        assertEquals(30, p.timeline().get(3).attrs().get(Attr.DAYS));
        assertEquals("需要补充调查", p.timeline().get(3).attrs().get(Attr.REASON));
        assertEquals(Step.HANDLING, p.timeline().get(4).attrs().get(Attr.CLOCK));
        assertEquals(LocalDate.of(2026, 10, 30), p.timeline().get(4).attrs().get(Attr.DUE));
        assertEquals(Person.SYSTEM, p.timeline().get(4).actor());
        assertEquals(org.xinfang.petition.Outcome.SUPPORT, p.timeline().get(5).attrs().get(Attr.OUTCOME));
        assertEquals("拖欠属实", p.timeline().get(5).attrs().get(Attr.FACTS));
        assertEquals(org.xinfang.petition.Rating.DISSATISFIED, p.timeline().get(6).attrs().get(Attr.LEVEL));
        assertEquals("其实 (SATISFIED) 是反话", p.timeline().get(6).attrs().get(Attr.COMMENT));
        assertEquals(Person.PETITIONER, p.timeline().get(6).actor());
        assertEquals(events[5][2], p.timeline().get(5).note(), "the note stays as it was written");
        assertEquals("V-1/3", p.timeline().get(2).id());
        assertEquals(org.xinfang.petition.TimelineDigest.of(p.timeline()), migrated.digests().get(0).digest());
    }
}
