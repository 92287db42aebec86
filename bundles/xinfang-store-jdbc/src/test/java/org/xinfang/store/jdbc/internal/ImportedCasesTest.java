package org.xinfang.store.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
import org.xinfang.petition.HistoricRegister;
import org.xinfang.petition.HistoricResult;
import org.xinfang.petition.NewEvent;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionStore;
import org.xinfang.petition.Status;
import org.xinfang.rules.CaseState;
import org.xinfang.rules.Deadlines;
import org.xinfang.rules.HolidayCalendar;

/** Historic cases imported closed (历史数据导入) on a real database: once per source number, whatever happens at once. */
class ImportedCasesTest {
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

    /** A case registered at D1 as imported from {@code source} under {@code number}. */
    private static Petition imported(String id, String source, String number) {
        Petition p = Cases.petition(id, "D1");
        Event r = p.timeline().get(0);
        Event registered = new Event(1, "new", r.at(), EventType.REGISTERED, Cases.HEAD, "D1", "D1",
                Attributes.builder().put(Attr.IMPORTED_FROM, source).put(Attr.SOURCE_NUMBER, number).build(), null);
        return new Petition(p.id(), p.trackingCode(), p.kind(), p.channel(), p.subject(), p.content(), p.category(),
                p.location(), LocalDate.of(2019, 3, 4), p.headcount(), p.petitioners(), "D1", "D1", Status.REGISTERED,
                p.registeredAt(), List.of(registered));
    }

    private static NewEvent closing() {
        return new NewEvent(EventType.ARCHIVED, Cases.HEAD, "D1", "D1", Instant.parse("2026-11-20T02:00:00Z"),
                Attributes.builder().put(Attr.HISTORIC_RESULT, HistoricResult.EXPLAINED)
                        .put(Attr.CLOSED_ON, LocalDate.of(2019, 4, 1)).build(), null);
    }

    private Petition one(Petition p) {
        return store.insertImported(List.of(new PetitionStore.Imported(p, "h", closing())), "D1").get(0);
    }

    private int count(String sql, String arg) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void anImportedCaseIsStoredClosedWithBothStepsJournalledAndNoClocks() throws Exception {
        Petition stored = one(imported("D1-0000001", "台账2019", "2019-001"));
        assertEquals(Status.ARCHIVED, stored.status());
        assertEquals(List.of(EventType.REGISTERED, EventType.ARCHIVED),
                stored.timeline().stream().map(Event::type).toList());
        assertEquals(stored, store.get("D1-0000001").orElseThrow());
        assertEquals(List.of("PETITION_REGISTERED", "CASE_EVENT"), journalTypes("D1-0000001"));
        assertTrue(CaseState.of(stored).imported());
        assertTrue(Deadlines.of(stored, HolidayCalendar.weekendsOnly(), LocalDate.of(2026, 11, 20)).isEmpty(),
                "a historic case has no clocks, so it is never overdue");
        assertEquals(Map.of("2019-001", "D1-0000001"), store.importedIds("台账2019", List.of("2019-001", "2019-002")));
        assertEquals(Map.of(), store.importedIds("另一台账", List.of("2019-001")), "the key is the source and the number");
        List<String> idNumbers = stored.petitioners().stream().map(org.xinfang.petition.Petitioner::idNumber)
                .filter(java.util.Objects::nonNull).toList();
        assertTrue(!idNumbers.isEmpty());
        assertEquals(List.of(), store.openWithIdNumbers(idNumbers, "D1-0000009"),
                "closed as it is imported: not offered as an open case of the same person");
    }

    private List<String> journalTypes(String id) throws Exception {
        List<String> types = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT entry_type FROM xf_journal WHERE entity_id = ? ORDER BY pos")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
        }
        return types;
    }

    @Test
    void theSameSourceNumberIsRefusedAndLeavesNothingBehind() throws Exception {
        one(imported("D1-0000001", "台账2019", "2019-001"));
        HistoricRegister.AlreadyImportedException again = assertThrows(HistoricRegister.AlreadyImportedException.class,
                () -> one(imported("D1-0000002", "台账2019", "2019-001")));
        assertEquals("2019-001", again.sourceNumber());
        assertTrue(store.get("D1-0000002").isEmpty());
        assertEquals(0, count("SELECT COUNT(*) FROM xf_journal WHERE entity_id = ?", "D1-0000002"));
        // the same number from another source is another case
        one(imported("D1-0000003", "台账2020", "2019-001"));
        assertEquals(2, count("SELECT COUNT(*) FROM xf_import_key WHERE source_number = ?", "2019-001"));
    }

    @Test
    void aBatchIsStoredWholeOrNotAtAll() throws Exception {
        one(imported("D1-0000001", "台账2019", "2019-003"));
        List<PetitionStore.Imported> batch = List.of(
                new PetitionStore.Imported(imported("D1-0000002", "台账2019", "2019-001"), "h", closing()),
                new PetitionStore.Imported(imported("D1-0000003", "台账2019", "2019-002"), "h", closing()),
                new PetitionStore.Imported(imported("D1-0000004", "台账2019", "2019-003"), "h", closing()));
        assertThrows(HistoricRegister.AlreadyImportedException.class, () -> store.insertImported(batch, "D1"));
        assertEquals(0, count("SELECT COUNT(*) FROM xf_petition WHERE id <> ?", "D1-0000001"));
        assertEquals(1, count("SELECT COUNT(*) FROM xf_import_key WHERE source_name = ?", "台账2019"));
        List<Petition> stored = store.insertImported(batch.subList(0, 2), "D1");
        assertEquals(List.of(Status.ARCHIVED, Status.ARCHIVED), stored.stream().map(Petition::status).toList());
        assertEquals(6, count("SELECT COUNT(*) FROM xf_journal WHERE entity_id LIKE ?", "D1-%"));
        long first = store.nextSequences("petition", 100);
        assertEquals(first + 100, store.nextSequence("petition"), "a block of 100 is reserved at once");
    }

    @Test
    void eightImportsOfTheSameRowAtOnceStoreItOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            String id = "D1-000000" + i;
            Callable<Boolean> task = () -> {
                go.await();
                try {
                    one(imported(id, "台账2019", "2019-007"));
                    return true;
                } catch (HistoricRegister.AlreadyImportedException refused) {
                    return false;
                }
            };
            results.add(pool.submit(task));
        }
        go.countDown();
        int stored = 0;
        for (Future<Boolean> f : results) {
            stored += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, stored, "exactly one of eight simultaneous imports of a row is stored");
        assertEquals(1, count("SELECT COUNT(*) FROM xf_import_key WHERE source_number = ?", "2019-007"));
        assertEquals(1, count("SELECT COUNT(*) FROM xf_petition WHERE id LIKE ?", "D1-%"));
        assertEquals(2, count("SELECT COUNT(*) FROM xf_journal WHERE entity_id LIKE ?", "D1-%"));
    }
}
