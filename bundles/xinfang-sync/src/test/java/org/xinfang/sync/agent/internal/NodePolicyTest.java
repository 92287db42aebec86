package org.xinfang.sync.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.node.internal.ConfiguredNode;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
import org.xinfang.petition.Kind;
import org.xinfang.petition.NewEvent;
import org.xinfang.petition.Person;
import org.xinfang.petition.Petition;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.Status;
import org.xinfang.petition.TimelineDigest;
import org.xinfang.sync.JournalEntry;
import org.xinfang.sync.SyncPolicy.Verdict;

/** The district's rules for what its children push, on the organisation of the demo network. */
class NodePolicyTest {
    static final String DISTRICT = "510199";
    static final String TOWNSHIP = "510199101";
    static final String VILLAGE = "510199101201";
    static final String OTHER_TOWNSHIP = "510199102";
    static final String DEPARTMENT = "510199D01";
    static final Person CLERK = new Person("clerk", "李娜", "登记员");
    static final Instant AT = Instant.parse("2026-11-20T02:00:00Z");

    @TempDir
    Path dir;
    NodePolicy district;

    @BeforeEach
    void setUp() throws Exception {
        Path units = dir.resolve("units.csv");
        Files.writeString(units, """
                510199,青溪区信访局,DISTRICT,
                510199101,清河镇,TOWNSHIP,510199
                510199101201,柳树村,VILLAGE,510199101
                510199102,白沙街道,TOWNSHIP,510199
                510199D01,区人社局,DEPARTMENT,510199
                """);
        district = new NodePolicy(new ConfiguredNode("", "district", DISTRICT, "青溪区信访局", "DISTRICT", "", "",
                units.toString()));
    }

    private static Petition registered(String id, String unit, String node) {
        return new Petition(id, "T" + Integer.toHexString(id.hashCode()), Kind.CLAIM, Channel.LETTER, "事项", "内容", null, null,
                LocalDate.of(2026, 11, 20), 1, List.of(new Petitioner("张三", null, null, null)), unit, unit,
                Status.REGISTERED, AT, List.of(new Event(1, node + "#1", AT, EventType.REGISTERED, CLERK, unit, node,
                        Attributes.NONE, null)));
    }

    private static JournalEntry entry(String origin, String entity) {
        return new JournalEntry(origin, 1, "CASE_EVENT", entity, 0, "{}", JournalEntry.GENESIS, "h", List.of(origin));
    }

    private static NewEvent step(EventType type, String unit, String node, Attributes attrs) {
        return new NewEvent(type, CLERK, unit, node, AT.plusSeconds(60), attrs, null);
    }

    private static Petition plus(Petition p, NewEvent e, String id) {
        List<Event> timeline = new java.util.ArrayList<>(p.timeline());
        timeline.add(e.recorded(timeline.size() + 1, id));
        return new Petition(p.id(), p.trackingCode(), p.kind(), p.channel(), p.subject(), p.content(), p.category(),
                p.location(), p.receivedAt(), p.headcount(), p.petitioners(), p.registeredBy(), p.owner(), p.status(),
                p.registeredAt(), timeline);
    }

    @Test
    void aChildRegistersOnlyForItsOwnSubtreeUnderItsOwnIds() {
        String id = VILLAGE + "-0000001";
        assertTrue(district.registration(TOWNSHIP, entry(VILLAGE, id), registered(id, VILLAGE, VILLAGE)).apply());
        Verdict forDistrict = district.registration(TOWNSHIP, entry(TOWNSHIP, DISTRICT + "-9"),
                registered(DISTRICT + "-9", DISTRICT, TOWNSHIP));
        assertFalse(forDistrict.apply());
        assertEquals("foreign_case", forDistrict.kind());
        assertTrue(forDistrict.alarm());
        assertFalse(forDistrict.copyBack(), "nothing of another unit's case goes to the child");
        Verdict otherIds = district.registration(TOWNSHIP, entry(TOWNSHIP, OTHER_TOWNSHIP + "-1"),
                registered(OTHER_TOWNSHIP + "-1", TOWNSHIP, TOWNSHIP));
        assertEquals("foreign_case", otherIds.kind(), "an id of another unit");
        Verdict wrongNode = district.registration(TOWNSHIP, entry(TOWNSHIP, id), registered(id, VILLAGE, VILLAGE));
        assertEquals("foreign_case", wrongNode.kind(), "a village case journalled as the township's own");
    }

    @Test
    void aChildMayNotActOnACaseOutsideItsSubtree() {
        Petition theirs = registered(OTHER_TOWNSHIP + "-1", OTHER_TOWNSHIP, OTHER_TOWNSHIP);
        NewEvent close = step(EventType.NOT_ACCEPTED, TOWNSHIP, TOWNSHIP, Attributes.builder().put(Attr.REASON, "x").build());
        Verdict v = district.event(TOWNSHIP, entry(TOWNSHIP, theirs.id()), theirs, 1, null, close);
        assertEquals("foreign_case", v.kind());
        assertTrue(v.alarm());
        NewEvent asOther = step(EventType.NOT_ACCEPTED, OTHER_TOWNSHIP, OTHER_TOWNSHIP, Attributes.builder()
                .put(Attr.REASON, "x").build());
        assertEquals("foreign_node", district.event(TOWNSHIP, entry(TOWNSHIP, theirs.id()), theirs, 1, null, asOther)
                .kind(), "an event named for another node");
        NewEvent asOtherUnit = step(EventType.NOT_ACCEPTED, OTHER_TOWNSHIP, TOWNSHIP, Attributes.builder()
                .put(Attr.REASON, "x").build());
        assertEquals("foreign_unit", district.event(TOWNSHIP, entry(TOWNSHIP, theirs.id()), theirs, 1, null,
                asOtherUnit).kind());
    }

    @Test
    void aStepOnAStaleCopyIsAConflictAndAForbiddenOneAnAlarm() {
        Petition own = registered(VILLAGE + "-1", VILLAGE, VILLAGE);
        NewEvent notAccept = step(EventType.NOT_ACCEPTED, VILLAGE, VILLAGE, Attributes.builder().put(Attr.REASON, "x").build());
        String atOne = TimelineDigest.of(own.timeline());
        assertTrue(district.event(TOWNSHIP, entry(VILLAGE, own.id()), own, 1, atOne, notAccept).apply());

        Petition moved = plus(own, step(EventType.ASSIGNED, DISTRICT, DISTRICT, Attributes.builder()
                .put(Attr.UNIT, DEPARTMENT).build()), DISTRICT + "#7");
        Verdict stale = district.event(TOWNSHIP, entry(VILLAGE, own.id()), moved, 1, atOne, notAccept);
        assertEquals("stale_copy", stale.kind());
        assertFalse(stale.alarm(), "an honest clerk on an old copy");
        assertTrue(stale.copyBack(), "the village gets the case back with a notice");

        NewEvent decide = step(EventType.DECIDED, VILLAGE, VILLAGE, Attributes.builder().put(Attr.REQUEST, "r")
                .put(Attr.FACTS, "f").put(Attr.OUTCOME, org.xinfang.petition.Outcome.SUPPORT).put(Attr.BASIS, "b").build());
        Verdict forbidden = district.event(TOWNSHIP, entry(VILLAGE, own.id()), own, 1, atOne, decide);
        assertEquals("not_authorized", forbidden.kind(), "the table forbids it on the very copy it was taken on");
        assertTrue(forbidden.alarm());

        Verdict diverged = district.event(TOWNSHIP, entry(VILLAGE, own.id()), own, 1, "0".repeat(64), decide);
        assertEquals("stale_copy", diverged.kind(), "taken on a copy whose history differs from this one");
        assertEquals("incomplete", district.event(TOWNSHIP, entry(VILLAGE, own.id()), own, 1, atOne,
                step(EventType.NOT_ACCEPTED, VILLAGE, VILLAGE, Attributes.NONE)).kind());
    }

    @Test
    void theChildrenOnTheWayToEveryUnitThatHeldTheCaseHoldACopy() {
        Petition own = registered(VILLAGE + "-1", VILLAGE, VILLAGE);
        assertEquals(Set.of(TOWNSHIP), district.holders(own));
        Petition moved = plus(own, step(EventType.ASSIGNED, DISTRICT, DISTRICT, Attributes.builder()
                .put(Attr.UNIT, DEPARTMENT).build()), DISTRICT + "#7");
        assertEquals(Set.of(TOWNSHIP, DEPARTMENT), district.holders(moved));
    }
    private static org.xinfang.reception.ReceptionDay session(String unit) {
        return new org.xinfang.reception.ReceptionDay(unit + "-R0000001", unit, new Person("leader", "何平", "党委书记"),
                LocalDate.of(2026, 12, 3), java.time.LocalTime.of(9, 0), java.time.LocalTime.of(11, 30), "接访室", null,
                org.xinfang.reception.ReceptionStatus.SCHEDULED, null, null, null, null, null, CLERK, AT, 1);
    }

    @Test
    void aUnitsReceptionRotaIsTakenOnlyFromItsOwnNodeBelow() {
        org.xinfang.reception.ReceptionDay township = session(TOWNSHIP);
        assertTrue(district.receptionDay(TOWNSHIP, entry(TOWNSHIP, township.id()), township).apply());
        // the township's node may not keep the rota of the street beside it, nor speak for its village's
        org.xinfang.reception.ReceptionDay other = session(OTHER_TOWNSHIP);
        Verdict foreign = district.receptionDay(TOWNSHIP, entry(TOWNSHIP, other.id()), other);
        assertFalse(foreign.apply());
        assertEquals("foreign_unit", foreign.kind());
        assertTrue(foreign.alarm());
        org.xinfang.reception.ReceptionDay village = session(VILLAGE);
        assertEquals("foreign_node", district.receptionDay(TOWNSHIP, entry(TOWNSHIP, village.id()), village).kind());
        assertEquals("not_authorized", district.receptionDay(TOWNSHIP, entry(VILLAGE, village.id()), village).kind(),
                "a village keeps no rota");
        assertEquals("foreign_node", district.receptionDay(TOWNSHIP, entry(TOWNSHIP, TOWNSHIP + "-R0000002"), township)
                .kind(), "the entry names the session it carries");
    }

    private static org.xinfang.screening.ScreeningReport report(String unit) {
        return org.xinfang.screening.ScreeningReport.draft(unit, java.time.YearMonth.of(2026, 11), List.of(), true, CLERK, AT);
    }

    @Test
    void aUnitsScreeningReportIsTakenFromItsOwnNodeOrOneAboveItBelowTheChild() {
        org.xinfang.screening.ScreeningReport township = report(TOWNSHIP);
        assertTrue(district.screeningReport(TOWNSHIP, entry(TOWNSHIP, township.id()), township).apply());
        Verdict foreign = district.screeningReport(TOWNSHIP, entry(TOWNSHIP, report(OTHER_TOWNSHIP).id()),
                report(OTHER_TOWNSHIP));
        assertFalse(foreign.apply());
        assertEquals("foreign_unit", foreign.kind());
        assertTrue(foreign.alarm());
        assertEquals("foreign_node", district.screeningReport(TOWNSHIP, entry(VILLAGE, township.id()), township).kind(),
                "a village's node does not change its township's report");
        assertEquals("not_authorized", district.screeningReport(TOWNSHIP, entry(VILLAGE, report(VILLAGE).id()),
                report(VILLAGE)).kind(), "a village files no screening report");
        assertEquals("foreign_node", district.screeningReport(TOWNSHIP, entry(TOWNSHIP, TOWNSHIP + "-S202610"), township)
                .kind(), "the entry names the report it carries");
    }
}
