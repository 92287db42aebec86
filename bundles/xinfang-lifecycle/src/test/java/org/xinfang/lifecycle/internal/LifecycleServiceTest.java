package org.xinfang.lifecycle.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.lifecycle.Action;
import org.xinfang.lifecycle.ActionInput;
import org.xinfang.lifecycle.Actor;
import org.xinfang.lifecycle.ForbiddenActionException;
import org.xinfang.lifecycle.IllegalTransitionException;
import org.xinfang.node.internal.ConfiguredNode;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Event;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionStore;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.Status;
import org.xinfang.petition.ValidationException;
import org.xinfang.rules.Deadline;
import org.xinfang.rules.Deadlines;
import org.xinfang.rules.Step;
import org.xinfang.store.jdbc.internal.JdbcPetitionStore;

/** The procedure on a real Derby store, seen from a township node and from the district above it. */
class LifecycleServiceTest {
    private static final String DISTRICT = "510199";
    private static final String TOWNSHIP = "510199101";
    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

    @TempDir
    Path dir;
    JdbcPetitionStore store;
    javax.sql.DataSource dataSource;
    LifecycleService atTownship;
    LifecycleService atDistrict;
    int ids;

    static final Actor CLERK = new Actor("clerk1", Set.of("clerk"));
    static final Actor HANDLER = new Actor("handler1", Set.of("handler"));
    static final Actor HEAD = new Actor("head1", Set.of("head"));

    @BeforeEach
    void setUp() throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        dataSource = ds;
        store = new JdbcPetitionStore(ds);
        store.start();
        Path units = dir.resolve("units.csv");
        Files.writeString(units, "510199,青溪区信访局,DISTRICT,\n510199101,清河镇,TOWNSHIP,510199\n");
        Path calendar = dir.resolve("calendar.csv");
        Files.writeString(calendar, "2026-10-01,HOLIDAY,国庆节\n");
        Clock clock = Clock.fixed(NOW, Deadlines.ZONE);
        atTownship = new LifecycleService(store, new ConfiguredNode("", "township", TOWNSHIP, "清河镇", "TOWNSHIP",
                DISTRICT, "", units.toString(), calendar.toString()), clock);
        atDistrict = new LifecycleService(store, new ConfiguredNode("", "district", DISTRICT, "青溪区信访局",
                "DISTRICT", "", "", units.toString(), calendar.toString()), clock);
    }

    /** A case in the given state, owned by the township, as the district's assignment left it. */
    private String caseIn(Status status) {
        String id = "T-" + (++ids);
        Instant at = NOW.minusSeconds(86_400 * 3);
        store.insert(new Petition(id, "TRK" + ids, Kind.CLAIM, Channel.LETTER, "拖欠工资", "内容", null, null,
                LocalDate.of(2026, 11, 20), 1, List.of(new Petitioner("张三", null, null, null)), DISTRICT, TOWNSHIP,
                status, at, List.of(new Event(1, at, "REGISTERED", "clerk", DISTRICT, DISTRICT, null),
                        new Event(2, at, "ASSIGNED", "clerk", DISTRICT, DISTRICT, "交办"))), "h", DISTRICT);
        return id;
    }

    private static ActionInput reason(String reason) {
        return new ActionInput(reason, null, null, null, null, null, null, null, null);
    }

    private static ActionInput extend(Integer days) {
        return new ActionInput("需要补充调查", days, null, null, null, null, null, null, null);
    }

    private static ActionInput opinion(Boolean signOff) {
        return new ActionInput(null, null, null, "支付拖欠工资", "经核实，该公司拖欠工资属实", "SUPPORT",
                "《保障农民工工资支付条例》第三条", signOff, null);
    }

    @Test
    void everyTransitionThatTheStateDoesNotAllowIsRefusedNamingTheState() {
        int refused = 0;
        for (Status status : Status.values()) {
            String id = caseIn(status);
            for (Action action : Action.values()) {
                if (action.from().contains(status)) {
                    continue;
                }
                IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                        () -> atTownship.act(id, action, ActionInput.none(), new Actor("admin", Set.of("admin"))),
                        action + " from " + status);
                assertEquals(status, e.current());
                assertTrue(e.getMessage().contains(status.name()) && e.getMessage().contains(status.label()),
                        e.getMessage());
                refused++;
            }
            assertEquals(status, store.get(id).orElseThrow().status(), "a refused action changes nothing");
        }
        assertTrue(refused > 150, "checked " + refused + " illegal transitions");
    }

    @Test
    void aCaseGoesFromAcceptanceThroughOneExtensionToASignedDecision() {
        String id = caseIn(Status.TRIAGED);
        Petition accepted = atTownship.act(id, Action.ACCEPT, ActionInput.none(), HANDLER);
        assertEquals(Status.ACCEPTED, accepted.status());
        assertTrue(accepted.timeline().get(2).note().startsWith("受理告知书"));
        Deadline handling = atTownship.activeDeadline(accepted).orElseThrow();
        assertEquals(Step.HANDLING, handling.step());
        assertEquals(LocalDate.of(2027, 1, 25), handling.due()); // 11-26 + 60 days

        // 31 days is refused, a handler may not approve, the head may, once
        ValidationException tooLong = assertThrows(ValidationException.class,
                () -> atTownship.act(id, Action.EXTEND, extend(31), HEAD));
        assertEquals("days", tooLong.field());
        assertThrows(ForbiddenActionException.class, () -> atTownship.act(id, Action.EXTEND, extend(30), HANDLER));
        Petition extended = atTownship.act(id, Action.EXTEND, extend(30), HEAD);
        assertEquals(LocalDate.of(2027, 2, 24), atTownship.activeDeadline(extended).orElseThrow().due());
        IllegalTransitionException twice = assertThrows(IllegalTransitionException.class,
                () -> atTownship.act(id, Action.EXTEND, extend(5), HEAD));
        assertTrue(twice.getMessage().contains("R2022 Art. 34"));

        // a decision needs every part and the head's sign-off
        ValidationException unsigned = assertThrows(ValidationException.class,
                () -> atTownship.act(id, Action.DECIDE, opinion(false), HEAD));
        assertEquals("signOff", unsigned.field());
        ValidationException noFacts = assertThrows(ValidationException.class, () -> atTownship.act(id, Action.DECIDE,
                new ActionInput(null, null, null, "诉求", null, "SUPPORT", "依据", true, null), HEAD));
        assertEquals("facts", noFacts.field());
        assertThrows(ForbiddenActionException.class, () -> atTownship.act(id, Action.DECIDE, opinion(true), HANDLER));
        Petition decided = atTownship.act(id, Action.DECIDE, opinion(true), HEAD);
        assertEquals(Status.DECIDED, decided.status());
        assertTrue(decided.timeline().get(decided.timeline().size() - 1).note().startsWith("信访处理意见书"));
        assertTrue(atTownship.activeDeadline(decided).isEmpty(), "the petitioner's 30 days run; no organ owes anything");
    }

    @Test
    void allowedActionsAreTheStepsActWouldTake() {
        String id = caseIn(Status.TRIAGED);
        Petition triaged = store.get(id).orElseThrow();
        assertEquals(List.of(Action.ACCEPT, Action.OBJECT), atTownship.allowedActions(triaged, HANDLER));
        assertEquals(List.of(), atTownship.allowedActions(triaged, new Actor("nobody", Set.of())), "no role, no step");
        assertEquals(List.of(), atDistrict.allowedActions(triaged, HANDLER), "the assigning district does not accept");
        Petition accepted = atTownship.act(id, Action.ACCEPT, ActionInput.none(), HANDLER);
        assertEquals(List.of(Action.EXTEND, Action.DECIDE, Action.MEDIATE), atTownship.allowedActions(accepted, HEAD));
        assertEquals(List.of(Action.MEDIATE), atTownship.allowedActions(accepted, HANDLER), "deciding needs the head");
        // every step listed passes the state and actor checks of act(): only its input may still be missing
        for (Action action : atTownship.allowedActions(accepted, HEAD)) {
            try {
                atTownship.act(id, action, ActionInput.none(), HEAD);
            } catch (ValidationException missingInput) {
                // the step was allowed; its fields were not given
            }
        }
    }

    @Test
    void anObjectionReturnsTheCaseToTheUnitThatAssignedIt() {
        String id = caseIn(Status.TRIAGED);
        ValidationException noReason = assertThrows(ValidationException.class,
                () -> atTownship.act(id, Action.OBJECT, ActionInput.none(), HANDLER));
        assertEquals("reason", noReason.field());
        Petition objected = atTownship.act(id, Action.OBJECT, reason("属于区住建局职责"), HANDLER);
        assertEquals(Status.OBJECTED, objected.status());
        assertEquals(DISTRICT, objected.owner());
    }

    @Test
    void onlyTheOwnerHandlesAndOnlyTheLevelAboveReviews() {
        String id = caseIn(Status.TRIAGED);
        assertThrows(ForbiddenActionException.class, () -> atDistrict.act(id, Action.ACCEPT, ActionInput.none(),
                HANDLER), "the district does not accept a case it assigned to the township");
        atTownship.act(id, Action.ACCEPT, ActionInput.none(), HANDLER);
        atTownship.act(id, Action.DECIDE, opinion(true), HEAD);
        assertThrows(ForbiddenActionException.class,
                () -> atTownship.act(id, Action.REQUEST_REVIEW, reason("不服"), CLERK), "not at the deciding organ");
        Petition requested = atDistrict.act(id, Action.REQUEST_REVIEW, reason("对处理意见不服"), CLERK);
        assertEquals(Status.REVIEW_REQUESTED, requested.status());
        assertEquals(Step.REVIEW, atDistrict.activeDeadline(requested).orElseThrow().step());
        Petition reviewed = atDistrict.act(id, Action.REVIEW, opinion(true), HEAD);
        assertEquals(Status.REVIEWED, reviewed.status());
        // the district has no organ above it here: a re-review must go higher
        assertThrows(ForbiddenActionException.class,
                () -> atDistrict.act(id, Action.REQUEST_REREVIEW, reason("不服复查"), CLERK));
    }

    @Test
    void aHearingPausesTheReReviewAndMustEndBeforeTheAnswer() {
        String id = caseIn(Status.REREVIEW_REQUESTED);
        // reviewed by the township in this fixture: the district is the level above
        store.update(id, new PetitionStore.Change(TOWNSHIP, Status.REREVIEW_REQUESTED, "REVIEWED", "head", TOWNSHIP,
                TOWNSHIP, "复查意见书", NOW.minusSeconds(86_400 * 2)), null);
        store.update(id, new PetitionStore.Change(TOWNSHIP, Status.REREVIEW_REQUESTED, "REREVIEW_REQUESTED", "clerk",
                DISTRICT, DISTRICT, "申请复核", NOW.minusSeconds(86_400)), null);
        assertThrows(IllegalTransitionException.class, () -> atDistrict.act(id, Action.END_HEARING, ActionInput.none(),
                CLERK), "no hearing to end");
        Petition inHearing = atDistrict.act(id, Action.START_HEARING, ActionInput.none(), CLERK);
        Deadline rereview = atDistrict.deadlines(inHearing).stream().filter(d -> d.step() == Step.REREVIEW)
                .findFirst().orElseThrow();
        assertEquals(Deadline.State.PAUSED, rereview.state());
        assertThrows(IllegalTransitionException.class, () -> atDistrict.act(id, Action.REREVIEW, opinion(true), HEAD));
        atDistrict.act(id, Action.END_HEARING, ActionInput.none(), CLERK);
        assertEquals(Status.REREVIEWED, atDistrict.act(id, Action.REREVIEW, opinion(true), HEAD).status());
        assertEquals(Status.TERMINATED, atDistrict.act(id, Action.TERMINATE, ActionInput.none(), HEAD).status());
    }

    @Test
    void aReviewRequestAfterTheThirtyDayWindowIsRefused() throws Exception {
        String id = caseIn(Status.TRIAGED);
        atTownship.act(id, Action.ACCEPT, ActionInput.none(), HANDLER);
        atTownship.act(id, Action.DECIDE, opinion(true), HEAD);
        LifecycleService later = new LifecycleService(store, new ConfiguredNode("", "district", DISTRICT, "青溪区信访局",
                "DISTRICT", "", "", dir.resolve("units.csv").toString(), dir.resolve("calendar.csv").toString()),
                Clock.fixed(NOW.plusSeconds(86_400L * 40), Deadlines.ZONE));
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> later.act(id, Action.REQUEST_REVIEW, reason("不服"), CLERK));
        assertTrue(e.getMessage().contains("2026-12-28"), e.getMessage());
    }

    @Test
    void deadlineListsShowOverdueAndApproachingCasesOfAUnit() {
        String fresh = caseIn(Status.TRIAGED); // notice due 11-23 + 15 = 12-08: open
        String old = "T-old";
        Instant longAgo = NOW.minusSeconds(86_400L * 40);
        store.insert(new Petition(old, "TRKOLD", Kind.CLAIM, Channel.LETTER, "旧案", "内容", null, null,
                LocalDate.of(2026, 10, 10), 1, List.of(new Petitioner("李四", null, null, null)), DISTRICT, TOWNSHIP,
                Status.TRIAGED, longAgo, List.of(new Event(1, longAgo, "REGISTERED", "clerk", DISTRICT, DISTRICT, null),
                        new Event(2, longAgo, "ASSIGNED", "clerk", DISTRICT, DISTRICT, null))), "h", DISTRICT);
        assertEquals(List.of(old), atTownship.deadlineList("overdue", TOWNSHIP, 3).stream().map(c -> c.id()).toList());
        assertEquals(List.of(old, fresh), atTownship.deadlineList("open", null, 3).stream().map(c -> c.id()).toList());
        assertEquals(List.of(), atTownship.deadlineList("approaching", null, 3));
        assertEquals(List.of(fresh), atTownship.deadlineList("approaching", null, 30).stream().map(c -> c.id()).toList());
        assertThrows(ValidationException.class, () -> atTownship.deadlineList("late", null, 3));
    }

    @Test
    void anOverdueCaseIsSupervisedOnceFromAboveAndStaysListedUntilAnswered() {
        String late = "T-late";
        Instant longAgo = NOW.minusSeconds(86_400L * 40);
        store.insert(new Petition(late, "TRKLATE", Kind.CLAIM, Channel.LETTER, "旧案", "内容", null, null,
                LocalDate.of(2026, 10, 10), 1, List.of(new Petitioner("李四", null, null, null)), DISTRICT, TOWNSHIP,
                Status.TRIAGED, longAgo, List.of(new Event(1, longAgo, "REGISTERED", "clerk", DISTRICT, DISTRICT, null),
                        new Event(2, longAgo, "ASSIGNED", "clerk", DISTRICT, DISTRICT, null))), "h", DISTRICT);
        String onTime = caseIn(Status.TRIAGED);
        Actor supervisor = new Actor("sup1", Set.of("supervisor"));

        assertThrows(ForbiddenActionException.class, () -> atDistrict.superviseOverdue(CLERK));
        assertEquals(List.of(), atTownship.superviseOverdue(supervisor), "a unit does not supervise itself");
        assertEquals(List.of(late), atDistrict.superviseOverdue(supervisor));
        assertEquals(List.of(), atDistrict.superviseOverdue(supervisor), "one notice per lapse");
        Petition supervised = store.get(late).orElseThrow();
        assertEquals("SUPERVISED", supervised.timeline().get(2).type());
        assertEquals(Step.SUPERVISION, atDistrict.deadlines(supervised).stream()
                .filter(d -> d.step() == Step.SUPERVISION).findFirst().orElseThrow().step());
        // the notice travels down to the township with the case
        var sync = new org.xinfang.store.jdbc.internal.JdbcSyncStore(dataSource);
        assertEquals(1, sync.messagesFor(TOWNSHIP, 0, 10).size());
        assertEquals(List.of(late), atDistrict.supervisions(true).stream().map(s -> s.id()).toList());

        // the case moves on, but the supervision stays listed until it is answered in writing
        atTownship.act(late, Action.ACCEPT, ActionInput.none(), HANDLER);
        assertEquals(1, atDistrict.supervisions(true).size());
        assertThrows(ValidationException.class,
                () -> atTownship.act(late, Action.ANSWER_SUPERVISION, ActionInput.none(), HEAD));
        atTownship.act(late, Action.ANSWER_SUPERVISION, reason("已受理，正在调查"), HEAD);
        assertEquals(List.of(), atDistrict.supervisions(true));
        assertEquals(1, atDistrict.supervisions(false).size());
        assertThrows(IllegalTransitionException.class,
                () -> atTownship.act(onTime, Action.ANSWER_SUPERVISION, reason("无"), HEAD), "nothing to answer");
    }

    private String caseOf(String idNumber, Status status) {
        String id = "P-" + (++ids);
        Instant at = NOW.minusSeconds(86_400);
        store.insert(new Petition(id, "TRKP" + ids, Kind.CLAIM, Channel.WALK_IN, "征地补偿", "内容", null, null,
                LocalDate.of(2026, 11, 25), 1, List.of(new Petitioner("王五", idNumber, null, null)), TOWNSHIP, TOWNSHIP,
                status, at, List.of(new Event(1, at, "REGISTERED", "clerk", TOWNSHIP, TOWNSHIP, null),
                        new Event(2, at, "ACCEPTED", "clerk", TOWNSHIP, TOWNSHIP, "受理告知书"))), "h", TOWNSHIP);
        return id;
    }

    @Test
    void aRepeatOfAnAcceptedCaseWithinItsLimitsIsLinkedNotAcceptedAgain() {
        String open = caseOf("440524188001010014", Status.ACCEPTED);
        String repeat = caseOf("440524188001010014", Status.REGISTERED);
        String stranger = caseOf("11010519491231002X", Status.REGISTERED);
        ValidationException other = assertThrows(ValidationException.class, () -> atTownship.act(stranger,
                Action.LINK, new ActionInput(null, null, null, null, null, null, null, null, null, open), CLERK));
        assertEquals("linkTo", other.field());
        String notAccepted = caseOf("440524188001010014", Status.REGISTERED);
        assertEquals("not_open_in_time", assertThrows(ValidationException.class, () -> atTownship.act(repeat,
                Action.LINK, new ActionInput(null, null, null, null, null, null, null, null, null, notAccepted), CLERK))
                .code());
        Petition linked = atTownship.act(repeat, Action.LINK,
                new ActionInput(null, null, null, null, null, null, null, null, null, open), CLERK);
        assertEquals(Status.NOT_ACCEPTED, linked.status());
        assertTrue(linked.timeline().get(linked.timeline().size() - 1).note().contains(open));
        assertTrue(atTownship.activeDeadline(linked).isEmpty());
    }

    @Test
    void redirectingNeedsAChannelAndAReason() {
        String id = caseIn(Status.REGISTERED);
        // the township does not own REGISTERED cases of the district... here it does (fixture owner)
        ValidationException e = assertThrows(ValidationException.class,
                () -> atTownship.act(id, Action.REDIRECT, reason("涉诉"), CLERK));
        assertEquals("channel", e.field());
        Petition redirected = atTownship.act(id, Action.REDIRECT,
                new ActionInput("已起诉", null, "LEGAL", null, null, null, null, null, null), CLERK);
        assertEquals(Status.REDIRECTED, redirected.status());
        assertTrue(atTownship.activeDeadline(redirected).isEmpty());
        assertTrue(EnumSet.of(Status.REDIRECTED).contains(redirected.status()));
    }
}
