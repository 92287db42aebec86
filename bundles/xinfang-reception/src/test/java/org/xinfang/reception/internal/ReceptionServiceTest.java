package org.xinfang.reception.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.node.NodeInfo;
import org.xinfang.node.NodeService;
import org.xinfang.node.UnitDirectory;
import org.xinfang.node.internal.ConfiguredNode;
import org.xinfang.petition.Person;
import org.xinfang.petition.ValidationException;
import org.xinfang.reception.ReceptionDay;
import org.xinfang.reception.ReceptionStatus;
import org.xinfang.rest.support.ApiException;
import org.xinfang.rules.HolidayCalendar;
import org.xinfang.store.jdbc.internal.JdbcPetitionStore;
import org.xinfang.store.jdbc.internal.JdbcReceptionStore;

/**
 * The rota's rules on the real store over embedded Derby: every field of a new session checked and named,
 * the leader only from the staff list, only this node's unit's sessions changed here, a session cancelled
 * once and recorded from its day on, the published list without what is cancelled or past.
 */
class ReceptionServiceTest {
    // 2026-11-26 01:00 in Beijing: the office's "today" is 2026-11-26
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T17:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final Person CLERK = new Person("clerk", "李娜", "清河镇信访办登记员");

    @TempDir
    Path dir;
    JdbcReceptionStore store;
    ReceptionService township;
    ReceptionService district;

    /** A node of the demo organisation whose staff list names a clerk and a leader (and one account without a title). */
    private NodeService node(String code, String name, String kind) throws Exception {
        Path units = dir.resolve("units.csv");
        Files.writeString(units, "510199,青溪区信访局,DISTRICT,\n510199101,清河镇,TOWNSHIP,510199\n"
                + "510199101201,柳树村,VILLAGE,510199101\n");
        NodeService real = new ConfiguredNode("", kind.toLowerCase(), code, name, kind, "", "", units.toString());
        Map<String, Person> staff = Map.of("clerk", CLERK, "leader", new Person("leader", "何平", "清河镇党委书记"),
                "temp", new Person("temp", null, null));
        return new NodeService() {
            @Override
            public NodeInfo info() {
                return real.info();
            }

            @Override
            public UnitDirectory units() {
                return real.units();
            }

            @Override
            public Person person(String login) {
                return staff.getOrDefault(login, new Person(login, null, null));
            }

            @Override
            public List<Person> staff() {
                return List.copyOf(staff.values());
            }

            @Override
            public HolidayCalendar calendar() {
                return real.calendar();
            }

            @Override
            public void replaceCalendar(String csv) {
                real.replaceCalendar(csv);
            }
        };
    }

    @BeforeEach
    void start() throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        new JdbcPetitionStore(ds).start();
        store = new JdbcReceptionStore(ds);
        township = new ReceptionService(store, node("510199101", "清河镇", "TOWNSHIP"), CLOCK);
        district = new ReceptionService(store, node("510199", "青溪区信访局", "DISTRICT"), CLOCK);
    }

    private static ReceptionInput input(String date, String start, String end, String place, String leader) {
        return new ReceptionInput(date, start, end, place, "征地拆迁", leader, null);
    }

    private static String refusedField(Runnable call) {
        return assertThrows(ValidationException.class, call::run).field();
    }

    @Test
    void aSessionIsScheduledForThisNodesUnitWithItsLeaderNamed() {
        ReceptionDay d = township.schedule(input("2026-12-03", "9:00", "11:30", " 便民服务中心 ", "leader"), CLERK);
        assertEquals("510199101-R0000001", d.id());
        assertEquals("510199101", d.unit());
        assertEquals("何平 · 清河镇党委书记", d.leader().display());
        assertEquals("09:00", d.start().toString());
        assertEquals("便民服务中心", d.place());
        assertEquals(ReceptionStatus.SCHEDULED, d.status());
        assertEquals(List.of(d), township.between(TODAY, TODAY.plusDays(30)));
    }

    @Test
    void everyBadFieldIsNamed() {
        assertEquals("leader", refusedField(() -> township.schedule(input("2026-12-03", "09:00", "11:00", "接访室", "temp"), CLERK)),
                "an account the staff list does not name with a title");
        assertEquals("leader", refusedField(() -> township.schedule(input("2026-12-03", "09:00", "11:00", "接访室", "nobody"), CLERK)));
        assertEquals("leader", refusedField(() -> township.schedule(input("2026-12-03", "09:00", "11:00", "接访室", null), CLERK)));
        assertEquals("end", refusedField(() -> township.schedule(input("2026-12-03", "11:00", "09:00", "接访室", "leader"), CLERK)));
        assertEquals("end", refusedField(() -> township.schedule(input("2026-12-03", "09:00", "09:00", "接访室", "leader"), CLERK)));
        assertEquals("start", refusedField(() -> township.schedule(input("2026-12-03", "25:00", "26:00", "接访室", "leader"), CLERK)));
        assertEquals("start", refusedField(() -> township.schedule(input("2026-12-03", "nine", "11:00", "接访室", "leader"), CLERK)));
        assertEquals("date", refusedField(() -> township.schedule(input("2026-11-25", "09:00", "11:00", "接访室", "leader"), CLERK)),
                "yesterday");
        assertEquals("date", refusedField(() -> township.schedule(input("03/12/2026", "09:00", "11:00", "接访室", "leader"), CLERK)));
        assertEquals("place", refusedField(() -> township.schedule(input("2026-12-03", "09:00", "11:00", " ", "leader"), CLERK)));
        assertEquals("place", refusedField(() -> township.schedule(input("2026-12-03", "09:00", "11:00", "地".repeat(201), "leader"), CLERK)));
        assertEquals("topics", refusedField(() -> township.schedule(new ReceptionInput("2026-12-03", "09:00", "11:00", "接访室",
                "事".repeat(501), "leader", null), CLERK)));
        assertEquals("unit", refusedField(() -> township.schedule(new ReceptionInput("2026-12-03", "09:00", "11:00", "接访室",
                null, "leader", "510199"), CLERK)), "another unit's rota");
        assertEquals(List.of(), township.between(TODAY, TODAY.plusDays(30)), "nothing refused was stored");
    }

    @Test
    void aSessionIsCancelledOnceWithAReasonAndLeavesThePublishedRota() {
        ReceptionDay d = township.schedule(input("2026-12-03", "09:00", "11:30", "接访室", "leader"), CLERK);
        township.schedule(input("2026-12-04", "09:00", "11:30", "接访室", "leader"), CLERK);
        assertEquals(2, township.published().size());
        assertEquals("reason", refusedField(() -> township.cancel(d.id(), " ", CLERK)));
        ReceptionDay cancelled = township.cancel(d.id(), "书记参加防汛会议", CLERK);
        assertEquals(ReceptionStatus.CANCELLED, cancelled.status());
        assertEquals(List.of("510199101-R0000002"), township.published().stream().map(ReceptionDay::id).toList());
        assertEquals(409, assertThrows(ApiException.class, () -> township.cancel(d.id(), "again", CLERK)).status());
        assertEquals(409, assertThrows(ApiException.class, () -> township.record(d.id(), "无", null, CLERK)).status());
    }

    @Test
    void onlyTheUnitsOwnNodeChangesItsRota() {
        ReceptionDay d = township.schedule(input("2026-12-03", "09:00", "11:30", "接访室", "leader"), CLERK);
        // the district holds the township's session (in this test, in the same database) but may not change it
        assertEquals(403, assertThrows(ApiException.class, () -> district.cancel(d.id(), "不行", CLERK)).status());
        assertEquals(ReceptionStatus.SCHEDULED, township.get(d.id()).status());
    }

    @Test
    void aSessionIsRecordedFromItsDayOnAndMayBeRecordedAgain() {
        ReceptionDay later = township.schedule(input("2026-12-03", "09:00", "11:30", "接访室", "leader"), CLERK);
        assertEquals(409, assertThrows(ApiException.class, () -> township.record(later.id(), "诉求", null, CLERK)).status(),
                "not before it took place");
        ReceptionDay today = township.schedule(input("2026-11-26", "09:00", "11:30", "接访室", "leader"), CLERK);
        assertEquals("raised", refusedField(() -> township.record(today.id(), " ", "意见", CLERK)));
        assertEquals("decided", refusedField(() -> township.record(today.id(), "诉求", "意".repeat(4001), CLERK)));
        ReceptionDay held = township.record(today.id(), "三户村民反映征地补偿款未到位", "责成镇国土所十日内核实答复", CLERK);
        assertEquals(ReceptionStatus.HELD, held.status());
        assertEquals(CLERK, held.recordedBy());
        ReceptionDay again = township.record(today.id(), "三户村民反映征地补偿款未到位（补充）", null, CLERK);
        assertEquals(3, again.version());
        assertTrue(township.published().stream().noneMatch(d -> d.id().equals(today.id())), "a held session is not published");
    }

    @Test
    void aVillageKeepsNoRota() throws Exception {
        ReceptionService village = new ReceptionService(store, node("510199101201", "柳树村", "VILLAGE"), CLOCK);
        assertEquals(403, assertThrows(ApiException.class, () -> village.schedule(input("2026-12-03", "09:00", "11:30",
                "村委会", "leader"), CLERK)).status());
    }
}
