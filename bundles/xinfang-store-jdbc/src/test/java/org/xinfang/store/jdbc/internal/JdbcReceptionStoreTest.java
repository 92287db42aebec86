package org.xinfang.store.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.Person;
import org.xinfang.petition.Petition;
import org.xinfang.reception.ReceptionDay;
import org.xinfang.reception.ReceptionStatus;
import org.xinfang.sync.JournalEntry;
import org.xinfang.sync.Outgoing;
import org.xinfang.sync.PushResult;

/**
 * Leader reception days on real databases (Derby, or PostgreSQL schemas with -Dxinfang.test.jdbc.url): a
 * township's rota is journalled with every change and reaches the district whole, the newest version
 * winning; a child's session of a unit outside its subtree is kept, refused and alarmed; the walk-ins of a
 * session are listed with it on every node that holds them.
 */
class JdbcReceptionStoreTest {
    private static final Person LEADER = new Person("leader", "何平", "清河镇党委书记");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @TempDir
    Path dir;
    Node township;
    Node district;

    record Node(String id, JdbcPetitionStore petitions, JdbcSyncStore sync, JdbcReceptionStore receptions,
            DataSource dataSource) {
    }

    private Node node(String id) throws Exception {
        DataSource dataSource = TestDatabases.fresh(dir, "rd" + id);
        JdbcPetitionStore petitions = new JdbcPetitionStore(dataSource);
        petitions.start();
        return new Node(id, petitions, new JdbcSyncStore(dataSource), new JdbcReceptionStore(dataSource),
                dataSource);
    }

    @BeforeEach
    void start() throws Exception {
        township = node("T1");
        district = node("D1");
    }

    private static ReceptionDay day(String id, String unit, LocalTime start) {
        return new ReceptionDay(id, unit, LEADER, DAY, start, start.plusHours(2), "清河镇便民服务中心二楼接访室", "征地拆迁",
                ReceptionStatus.SCHEDULED, null, null, null, null, null, Cases.CLERK, Instant.parse("2026-11-25T02:00:00Z"), 1);
    }

    private PushResult push(Node from, Node to, long afterPos) {
        List<JournalEntry> entries = from.sync().outbox(afterPos, 1000).stream().map(Outgoing::entry).toList();
        return to.sync().receive(from.id(), Cases.policy(to.id()), entries);
    }

    @Test
    void aSessionIsJournalledWithEveryChangeAndTheDistrictHoldsTheNewestVersion() throws Exception {
        String id = township.receptions().nextId("T1");
        assertTrue(ReceptionDay.isId(id), id);
        township.receptions().insert(day(id, "T1", LocalTime.of(9, 0)), "T1");
        List<Outgoing> out = township.sync().outbox(0, 10);
        assertEquals(1, out.size());
        assertEquals("RECEPTION_DAY", out.get(0).entry().type());
        assertEquals(id, out.get(0).entry().entity());

        assertEquals(1, push(township, district, 0).accepted());
        ReceptionDay above = district.receptions().get(id).orElseThrow();
        assertEquals("何平", above.leader().name());
        assertEquals(ReceptionStatus.SCHEDULED, above.status());

        long pos = township.sync().lastPos();
        township.receptions().update(id, d -> d.cancelled("书记参加防汛调度会", Instant.parse("2026-11-26T02:00:00Z")), "T1");
        assertEquals(2, township.sync().outbox(0, 10).size(), "the change is journalled too");
        push(township, district, pos);
        ReceptionDay cancelled = district.receptions().get(id).orElseThrow();
        assertEquals(ReceptionStatus.CANCELLED, cancelled.status());
        assertEquals("书记参加防汛调度会", cancelled.cancelReason());
        assertEquals(2, cancelled.version());
        assertTrue(district.sync().verifyChains().stream().allMatch(r -> r.intact()));

        // an older version arriving late (e.g. relayed twice) does not undo the newer one
        assertTrue(!receive(district, day(id, "T1", LocalTime.of(9, 0))));
        assertEquals(ReceptionStatus.CANCELLED, district.receptions().get(id).orElseThrow().status());
    }

    @Test
    void theRotaIsListedByDateAndStartAndByUnit() {
        township.receptions().insert(day("T1-R0000002", "T1", LocalTime.of(14, 0)), "T1");
        township.receptions().insert(day("T1-R0000001", "T1", LocalTime.of(9, 0)), "T1");
        List<ReceptionDay> all = township.receptions().between(DAY, DAY, List.of());
        assertEquals(List.of("T1-R0000001", "T1-R0000002"), all.stream().map(ReceptionDay::id).toList());
        assertEquals(2, township.receptions().between(DAY.minusDays(1), DAY, List.of("T1")).size());
        assertEquals(0, township.receptions().between(DAY, DAY, List.of("T2")).size());
        assertEquals(0, township.receptions().between(DAY.plusDays(1), DAY.plusDays(31), List.of()).size());
    }

    @Test
    void aChangeTheCallerRefusesWritesNothingAndAnUnknownSessionIsNotFound() {
        township.receptions().insert(day("T1-R0000001", "T1", LocalTime.of(9, 0)), "T1");
        long before = township.sync().lastPos();
        assertThrows(IllegalStateException.class, () -> township.receptions().update("T1-R0000001", d -> {
            throw new IllegalStateException("refused");
        }, "T1"));
        assertEquals(before, township.sync().lastPos(), "nothing journalled");
        assertEquals(1, township.receptions().get("T1-R0000001").orElseThrow().version());
        assertThrows(NotFoundException.class, () -> township.receptions().update("T1-R0000009", d -> d, "T1"));
        assertThrows(IllegalStateException.class, () -> township.receptions().insert(day("T1-R0000001", "T1",
                LocalTime.of(9, 0)), "T1"), "an id is stored once");
    }

    @Test
    void aChildsSessionOfAUnitOutsideItsSubtreeIsKeptRefusedAndAlarmed() {
        // the township's node journals a session for T2, which lies beside it, not below it
        township.receptions().insert(day("T2-R0000001", "T2", LocalTime.of(9, 0)), "T1");
        PushResult r = push(township, district, 0);
        assertEquals(1, r.refused());
        assertTrue(district.receptions().get("T2-R0000001").isEmpty(), "not applied");
        assertEquals("foreign_unit", district.sync().refused(10).get(0).kind());
        assertTrue(district.sync().alarms(10).stream().anyMatch(a -> a.message().contains("T2-R0000001")),
                "an alarm names the session");
        assertEquals(1L, district.sync().held().get("T1"), "the entry is kept: the chain stays whole");
    }

    @Test
    void theWalkInsOfASessionAreListedWithItHereAndAbove() {
        township.receptions().insert(day("T1-R0000001", "T1", LocalTime.of(9, 0)), "T1");
        Petition walkIn = withReception(Cases.petition("T1-1", "T1"), "T1-R0000001");
        township.petitions().insert(walkIn, "h", "T1");
        township.petitions().insert(Cases.petition("T1-2", "T1"), "h", "T1");
        assertEquals(Map.of("T1-R0000001", List.of("T1-1")), township.receptions().cases(List.of("T1-R0000001", "T1-R0000002")));

        push(township, district, 0);
        assertEquals(List.of("T1-1"), district.receptions().cases(List.of("T1-R0000001")).get("T1-R0000001"));
        Event registered = district.petitions().get("T1-1").orElseThrow().timeline().get(0);
        assertEquals("T1-R0000001", registered.attrs().get(Attr.RECEPTION_DAY));
        assertEquals("何平 · 清河镇党委书记", registered.attrs().get(Attr.RECEPTION_LEADER));
    }

    private static boolean receive(Node n, ReceptionDay d) throws java.sql.SQLException {
        try (java.sql.Connection c = n.dataSource().getConnection()) {
            return JdbcReceptionStore.receive(c, d);
        }
    }

    private static Petition withReception(Petition p, String day) {
        Event e = p.timeline().get(0);
        Event named = new Event(1, e.id(), e.at(), EventType.REGISTERED, e.actor(), e.unit(), e.node(), Attributes.builder()
                .put(Attr.RECEPTION_DAY, day).put(Attr.RECEPTION_LEADER, LEADER.display()).build(), null);
        return JdbcPetitionStore.with(p, List.of(named));
    }
}
