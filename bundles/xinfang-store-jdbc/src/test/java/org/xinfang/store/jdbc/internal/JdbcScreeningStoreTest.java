package org.xinfang.store.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.Person;
import org.xinfang.screening.ItemKind;
import org.xinfang.screening.ReportState;
import org.xinfang.screening.RiskLevel;
import org.xinfang.screening.ScreeningForm;
import org.xinfang.screening.ScreeningItem;
import org.xinfang.screening.ScreeningReport;
import org.xinfang.sync.JournalEntry;
import org.xinfang.sync.Message;
import org.xinfang.sync.Outgoing;
import org.xinfang.sync.PushResult;

/**
 * Monthly screening reports on real databases (Derby, or PostgreSQL schemas with -Dxinfang.test.jdbc.url): every
 * change of a township's report is journalled in its transaction and reaches the district whole, the newest version
 * winning; a report of a unit outside the child's subtree is kept, refused and alarmed; a report the district sends
 * back travels down to the township's node in the same transaction as the change; the district's form reaches the
 * units below once.
 */
class JdbcScreeningStoreTest {
    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static final Person HEAD = new Person("head", "王芳", "清河镇信访办主任");
    private static final Person DISTRICT_HEAD = new Person("dhead", "赵强", "区信访局局长");
    private static final Instant AT = Instant.parse("2026-11-28T02:00:00Z");

    @TempDir
    Path dir;
    Node township;
    Node district;

    record Node(String id, JdbcPetitionStore petitions, JdbcSyncStore sync, JdbcScreeningStore screening,
            DataSource dataSource) {
    }

    private Node node(String id) throws Exception {
        DataSource dataSource = TestDatabases.fresh(dir, "sc" + id);
        JdbcPetitionStore petitions = new JdbcPetitionStore(dataSource);
        petitions.start();
        return new Node(id, petitions, new JdbcSyncStore(dataSource), new JdbcScreeningStore(dataSource), dataSource);
    }

    @BeforeEach
    void start() throws Exception {
        township = node("T1");
        district = node("D1");
    }

    private static ScreeningItem item(String summary) {
        return new ScreeningItem(ItemKind.HIDDEN_CONFLICT, summary, "清河镇柳树村", 23, "柳树村三组村民", RiskLevel.HIGH,
                "镇村干部入户走访，联系区住建局答复", "王芳", "清河镇信访办主任", null);
    }

    private static ScreeningReport draft(String unit) {
        return ScreeningReport.draft(unit, MONTH, List.of(item("土地征收补偿标准争议")), false, HEAD, AT);
    }

    private PushResult push(Node from, Node to, long afterPos) {
        List<JournalEntry> entries = from.sync().outbox(afterPos, 1000).stream().map(Outgoing::entry).toList();
        return to.sync().receive(from.id(), Cases.policy(to.id()), entries);
    }

    @Test
    void everyChangeIsJournalledAndTheDistrictHoldsTheNewestVersion() throws Exception {
        township.screening().insert(draft("T1"), "T1");
        List<Outgoing> out = township.sync().outbox(0, 10);
        assertEquals(1, out.size());
        assertEquals("SCREENING_REPORT", out.get(0).entry().type());
        assertEquals("T1-S202611", out.get(0).entry().entity());

        township.screening().update("T1", MONTH, r -> r.filed(HEAD, AT.plusSeconds(60)), "T1", null);
        assertEquals(2, township.sync().outbox(0, 10).size(), "the filing is journalled too");
        assertTrue(district.sync().messagesFor("T1", 0, 10).isEmpty(), "nothing goes down from the unit's own node");
        assertEquals(2, push(township, district, 0).accepted());
        ScreeningReport above = district.screening().get("T1", MONTH).orElseThrow();
        assertEquals(ReportState.FILED, above.state());
        assertEquals(2, above.version());
        assertEquals("王芳", above.filedBy().name());
        assertEquals("柳树村三组村民", above.items().get(0).peopleDescription());
        assertTrue(district.sync().verifyChains().stream().allMatch(r -> r.intact()));

        // an older version arriving late (relayed twice) does not undo the newer one
        try (java.sql.Connection c = district.dataSource().getConnection()) {
            assertFalse(JdbcScreeningStore.receive(c, draft("T1")));
        }
        assertEquals(ReportState.FILED, district.screening().get("T1", MONTH).orElseThrow().state());
    }

    @Test
    void aReportSentBackAboveTravelsDownToTheUnitsNodeInTheSameTransaction() {
        township.screening().insert(draft("T1"), "T1");
        township.screening().update("T1", MONTH, r -> r.filed(HEAD, AT.plusSeconds(60)), "T1", null);
        push(township, district, 0);

        long journalled = district.sync().lastPos();
        ScreeningReport returned = district.screening().update("T1", MONTH, r -> r.returned("风险等级偏低，请补充化解措施",
                DISTRICT_HEAD, AT.plusSeconds(3600)), "D1", "T1");
        assertEquals(ReportState.RETURNED, returned.state());
        assertEquals(journalled + 1, district.sync().lastPos(), "journalled above too");
        List<Message> down = district.sync().messagesFor("T1", 0, 10);
        assertEquals(1, down.size());
        assertEquals("SCREENING_REPORT", down.get(0).type());
        assertEquals("T1", down.get(0).recipient());

        township.sync().applyMessage(down.get(0), Cases.policy("T1"), "pull");
        ScreeningReport below = township.screening().get("T1", MONTH).orElseThrow();
        assertEquals(ReportState.RETURNED, below.state());
        assertEquals("风险等级偏低，请补充化解措施", below.comments());
        assertEquals("赵强", below.returnedBy().name());
        assertEquals(3, below.version());
        long outbox = township.sync().lastPos();
        township.sync().applyMessage(down.get(0), Cases.policy("T1"), "pull");
        assertEquals(outbox, township.sync().lastPos(), "a change from above is not journalled again below");

        // filed again at the township: version 4 goes up and wins over the district's version 3
        long pos = township.sync().lastPos();
        township.screening().update("T1", MONTH, r -> r.edited(List.of(item("土地征收补偿标准争议，已补充措施")), false, HEAD,
                AT.plusSeconds(7200)), "T1", null);
        township.screening().update("T1", MONTH, r -> r.filed(HEAD, AT.plusSeconds(7300)), "T1", null);
        push(township, district, pos);
        ScreeningReport again = district.screening().get("T1", MONTH).orElseThrow();
        assertEquals(ReportState.FILED, again.state());
        assertEquals(5, again.version());
        assertEquals("风险等级偏低，请补充化解措施", again.comments(), "the last return's comments stay on record");
    }

    @Test
    void aChildsReportOfAUnitOutsideItsSubtreeIsKeptRefusedAndAlarmed() {
        // the township's node journals a report for T2, which lies beside it, not below it
        township.screening().insert(draft("T2"), "T1");
        PushResult r = push(township, district, 0);
        assertEquals(1, r.refused());
        assertTrue(district.screening().get("T2", MONTH).isEmpty(), "not applied");
        assertEquals("foreign_unit", district.sync().refused(10).get(0).kind());
        assertTrue(district.sync().alarms(10).stream().anyMatch(a -> a.message().contains("T2-S202611")),
                "an alarm names the report");
        assertEquals(1L, district.sync().held().get("T1"), "the entry is kept: the chain stays whole");
    }

    @Test
    void aChangeTheCallerRefusesWritesNothingAndReportsAreListedByMonthAndUnit() {
        township.screening().insert(draft("T1"), "T1");
        long before = township.sync().lastPos();
        assertThrows(IllegalStateException.class, () -> township.screening().update("T1", MONTH, r -> {
            throw new IllegalStateException("refused");
        }, "T1", null));
        assertEquals(before, township.sync().lastPos(), "nothing journalled");
        assertEquals(1, township.screening().get("T1", MONTH).orElseThrow().version());
        assertThrows(IllegalStateException.class, () -> township.screening().update("T1", MONTH, r -> r, "T1", null),
                "a change takes the next version");
        assertThrows(NotFoundException.class, () -> township.screening().update("T1", MONTH.plusMonths(1), r -> r, "T1",
                null));
        assertThrows(IllegalStateException.class, () -> township.screening().insert(draft("T1"), "T1"),
                "a unit's month is stored once");

        township.screening().insert(ScreeningReport.draft("T1", MONTH.minusMonths(1), List.of(), true, HEAD, AT), "T1");
        township.screening().insert(draft("T2"), "T1");
        assertEquals(List.of("T1", "T2"), township.screening().month(MONTH, List.of()).stream().map(ScreeningReport::unit)
                .toList());
        assertEquals(1, township.screening().month(MONTH, List.of("T2")).size());
        List<ScreeningReport> mine = township.screening().ofUnit("T1", 12);
        assertEquals(List.of(MONTH, MONTH.minusMonths(1)), mine.stream().map(ScreeningReport::month).toList());
        assertTrue(mine.get(1).nothingToReport(), "本月无矛盾纠纷 is kept as stated");
    }

    @Test
    void theDistrictsFormReachesTheUnitsBelowOnceAndAChangedFormAgain() {
        ScreeningForm form = new ScreeningForm(5, List.of(RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW),
                Set.of("place", "measures"), "D1");
        district.screening().sendForm(form, Map.of("T1", "T1", "V1", "T1"));
        district.screening().sendForm(form, Map.of("T1", "T1", "V1", "T1"));
        List<Message> down = district.sync().messagesFor("T1", 0, 10);
        assertEquals(2, down.size(), "one message per unit, the same form not again: " + down);
        assertTrue(township.screening().receivedForm().isEmpty());
        for (Message m : down) {
            township.sync().applyMessage(m, Cases.policy("T1"), "pull");
        }
        assertEquals(form, township.screening().receivedForm().orElseThrow());
        assertEquals(1, township.sync().messagesFor("V1", 0, 10).size(), "relayed toward V1, kept by V1's node");

        ScreeningForm later = new ScreeningForm(10, List.of(RiskLevel.HIGH, RiskLevel.LOW), Set.of(), "D1");
        district.screening().sendForm(later, Map.of("T1", "T1"));
        List<Message> again = district.sync().messagesFor("T1", down.get(1).seq(), 10);
        assertEquals(1, again.size());
        township.sync().applyMessage(again.get(0), Cases.policy("T1"), "pull");
        assertEquals(10, township.screening().receivedForm().orElseThrow().dueDay());
        assertNull(township.screening().receivedForm().orElseThrow().required().isEmpty() ? null : "required");
    }
}
