package org.xinfang.imports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.node.NodeService;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
import org.xinfang.petition.HistoricResult;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionQuery;
import org.xinfang.petition.Status;
import org.xinfang.petition.service.internal.RegistrationService;
import org.xinfang.rules.CaseState;
import org.xinfang.rules.Deadlines;
import org.xinfang.store.jdbc.internal.JdbcPetitionStore;

/** The import on the real registration service and JDBC store over embedded Derby: good rows in once, even run twice. */
class ImporterTest {
    static final String FILE = RowsTest.HEADER + "\r\n"
            + RowsTest.GOOD + "\r\n"
            + "2019-002,2019-05-06,来信,建议意见,李四,,,1,,城建,路灯不亮,建议修复村口路灯,柳树村,已回复,2019-05-20,\r\n"
            + "2019-003,2019-05-07,来访,申诉求决,王五,11010519491231002Y,,,,,标题,内容,,调解,2019-06-01,\r\n"
            + "2019-004,2019-05-08,网上,检举控告,赵六,,,,,,举报,举报内容,,导入其他渠道,2019-05-09,\r\n"
            + "2019-005,2019-05-09,来访,申诉求决,钱七,,,,,,标题,内容,,,,\r\n";

    @TempDir
    Path dir;
    JdbcPetitionStore store;
    NodeService node;
    Importer importer;

    @BeforeEach
    void start() throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        store = new JdbcPetitionStore(ds);
        store.start();
        node = TestNodes.district(dir);
        importer = new Importer(new RegistrationService(store, node, "Asia/Shanghai"), node, "Asia/Shanghai");
    }

    @AfterEach
    void stop() {
        importer.close();
    }

    private static byte[] bytes() {
        return FILE.getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, Object> finish(Importer importer, Importer.Job job) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (job.state() != Importer.Job.State.DONE && job.state() != Importer.Job.State.FAILED) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the import did not finish: " + job.view());
            }
            Thread.sleep(20);
        }
        return importer.job(job.id()).orElseThrow().view();
    }

    private long stored() {
        return store.find(new PetitionQuery(null, null, null, null, null, null, 0, 1)).total();
    }

    @Test
    void goodRowsGoInOnceEvenWhenTheFileIsImportedTwice() throws Exception {
        Map<String, Object> dry = importer.dryRun(bytes(), "2019台账").view();
        assertEquals(5, dry.get("rows"));
        assertEquals(3, dry.get("valid"));
        assertEquals(2, dry.get("invalid"));
        assertEquals(0, dry.get("duplicates"));
        assertEquals(0L, stored(), "a dry run stores nothing");

        Map<String, Object> first = finish(importer, importer.start(bytes(), "2019台账", TestNodes.HEAD));
        assertEquals("DONE", first.get("state"));
        assertEquals(5, first.get("processed"));
        assertEquals(5, first.get("total"));
        assertEquals(3, first.get("imported"));
        assertEquals(0, first.get("skipped"));
        assertEquals(2, first.get("failed"));
        assertEquals(List.of(4, 6), ((List<?>) first.get("errors")).stream().map(e -> ((Map<?, ?>) e).get("row")).toList());
        assertEquals(3L, stored());

        Map<String, String> ids = importer.dryRun(bytes(), "2019台账").duplicates().stream()
                .collect(java.util.stream.Collectors.toMap(Report.Duplicate::sourceNumber, Report.Duplicate::id));
        assertEquals(Set.of("2019-001", "2019-002", "2019-004"), ids.keySet());
        Petition p = store.get(ids.get("2019-001")).orElseThrow();
        assertEquals(Status.ARCHIVED, p.status());
        Event registered = p.timeline().get(0);
        assertEquals("2019台账", registered.attrs().get(Attr.IMPORTED_FROM));
        assertEquals("2019-001", registered.attrs().get(Attr.SOURCE_NUMBER));
        assertEquals(TestNodes.HEAD, registered.actor(), "the person who imported is on the record");
        Event closed = p.timeline().get(1);
        assertEquals(EventType.ARCHIVED, closed.type());
        assertEquals(HistoricResult.EXPLAINED, closed.attrs().get(Attr.HISTORIC_RESULT));
        assertEquals(LocalDate.of(2019, 4, 1), closed.attrs().get(Attr.CLOSED_ON));
        assertEquals("510199101", closed.attrs().get(Attr.RESPONSIBLE_UNIT));
        assertEquals(LocalDate.of(2019, 3, 4), p.receivedAt());
        assertEquals("510199", p.owner(), "kept at the importing node: a historic case is sent down to nobody");
        assertTrue(Deadlines.of(p, node.calendar(), LocalDate.now(), node.units()).isEmpty(),
                "no clocks, so never overdue");
        assertTrue(!CaseState.of(p).open());

        Map<String, Object> again = importer.dryRun(bytes(), "2019台账").view();
        assertEquals(0, again.get("valid"));
        assertEquals(3, again.get("duplicates"));
        Map<String, Object> second = finish(importer, importer.start(bytes(), "2019台账", TestNodes.HEAD));
        assertEquals(0, second.get("imported"));
        assertEquals(3, second.get("skipped"));
        assertEquals(2, second.get("failed"));
        assertEquals(3L, stored(), "nothing new the second time");
    }

    @Test
    void twoImportersAtOnceStoreEachRowOnce() throws Exception {
        // two services over one database (as after a restart with a job still running): the key in the database decides
        Importer other = new Importer(new RegistrationService(store, node, "Asia/Shanghai"), node, "Asia/Shanghai");
        try {
            Importer.Job a = importer.start(bytes(), "2019台账", TestNodes.HEAD);
            Importer.Job b = other.start(bytes(), "2019台账", TestNodes.HEAD);
            Map<String, Object> ra = finish(importer, a);
            Map<String, Object> rb = finish(other, b);
            assertEquals(3, (int) ra.get("imported") + (int) rb.get("imported"), ra + "\n" + rb);
            assertEquals(3, (int) ra.get("skipped") + (int) rb.get("skipped"), ra + "\n" + rb);
            assertEquals(3L, stored());
        } finally {
            other.close();
        }
    }

    @Test
    void anotherSourceIsAnotherRegister() throws Exception {
        finish(importer, importer.start(bytes(), "2019台账", TestNodes.HEAD));
        Map<String, Object> dry = importer.dryRun(bytes(), "2019台账（乡镇）").view();
        assertEquals(3, dry.get("valid"));
        assertEquals(0, dry.get("duplicates"));
    }
}
