package org.xinfang.lifecycle.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.xinfang.petition.Actor;
import org.xinfang.lifecycle.CaseService;
import org.xinfang.lifecycle.ForbiddenActionException;
import org.xinfang.lifecycle.IllegalTransitionException;
import org.xinfang.node.internal.ConfiguredNode;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Petition;
import org.xinfang.petition.Outcome;
import org.xinfang.petition.Person;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.Status;
import org.xinfang.petition.ValidationException;
import org.xinfang.petition.VersionConflictException;
import org.xinfang.rules.Authority;
import org.xinfang.rules.Deadline;
import org.xinfang.rules.Deadlines;
import org.xinfang.petition.Step;
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

    static final Actor CLERK = new Actor(new Person("clerk1", "李娜", "清河镇信访办登记员"), Set.of("clerk"));
    static final Actor HANDLER = new Actor(new Person("handler1", "赵强", "清河镇综治办干部"), Set.of("handler"));
    static final Actor HEAD = new Actor(new Person("head1", "王芳", "清河镇信访办主任"), Set.of("head"));
    static final Actor ADMIN = new Actor(new Person("admin", "系统管理员", "系统管理员"), Set.of("admin"));

    @BeforeEach
    void setUp() throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        dataSource = ds;
        store = new JdbcPetitionStore(ds);
        store.start();
        Path units = dir.resolve("units.csv");
        Files.writeString(units, "510199,青溪区信访局,DISTRICT,\n510199101,清河镇,TOWNSHIP,510199\n"
                + "510199101201,柳树村,VILLAGE,510199101\n");
        Path calendar = dir.resolve("calendar.csv");
        Files.writeString(calendar, "2026-10-01,HOLIDAY,国庆节\n");
        Clock clock = Clock.fixed(NOW, Deadlines.ZONE);
        atTownship = new LifecycleService(store, new ConfiguredNode("", "township", TOWNSHIP, "清河镇", "TOWNSHIP",
                DISTRICT, "", units.toString(), calendar.toString()), clock);
        districtNode = new ConfiguredNode("", "district", DISTRICT, "青溪区信访局", "DISTRICT", "", "",
                units.toString(), calendar.toString());
        atDistrict = new LifecycleService(store, districtNode, clock);
        // both nodes count on the same tree and calendar: the store derives each case's clocks on them
        store.setClockRules(districtNode);
    }

    ConfiguredNode districtNode;

    private static final String CITY = "510100";

    private static Event event(int seq, EventType type, String unit, Instant at, Attributes attrs) {
        Person who = type.isOpinion() ? HEAD.person() : CLERK.person();
        return new Event(seq, "fx#" + seq, at, type, who, unit, unit, attrs, null);
    }

    private static Attributes opinionAttrs() {
        return Attributes.builder().put(Attr.REQUEST, "诉求").put(Attr.FACTS, "事实").put(Attr.OUTCOME, Outcome.SUPPORT)
                .put(Attr.BASIS, "依据").build();
    }

    private static Attributes because() {
        return Attributes.builder().put(Attr.REASON, "理由").build();
    }

    /** The events that lead to each state; the state is always the timeline's. */
    private static List<Object[]> pathTo(Status status) {
        List<Object[]> path = new java.util.ArrayList<>();
        java.util.function.BiConsumer<EventType, Object[]> add = (t, x) -> path.add(new Object[] {t, x[0], x[1]});
        boolean local = EnumSet.of(Status.REGISTERED, Status.REDIRECTED, Status.NOT_ACCEPTED, Status.ARCHIVED)
                .contains(status);
        // a historic case (历史办结) is imported at its unit and closed at once
        Attributes imported = status == Status.ARCHIVED ? Attributes.builder().put(Attr.IMPORTED_FROM, "台账")
                .put(Attr.SOURCE_NUMBER, "1").build() : Attributes.NONE;
        add.accept(EventType.REGISTERED, new Object[] {local ? TOWNSHIP : DISTRICT, imported});
        switch (status) {
            case ARCHIVED -> add.accept(EventType.ARCHIVED, new Object[] {TOWNSHIP, Attributes.builder()
                    .put(Attr.HISTORIC_RESULT, org.xinfang.petition.HistoricResult.CONCLUDED)
                    .put(Attr.CLOSED_ON, java.time.LocalDate.of(2019, 1, 1)).build()});
            case REDIRECTED -> add.accept(EventType.REDIRECTED, new Object[] {TOWNSHIP, Attributes.builder()
                    .put(Attr.CHANNEL, org.xinfang.petition.RedirectChannel.LEGAL).put(Attr.REASON, "涉诉").build()});
            case NOT_ACCEPTED -> add.accept(EventType.NOT_ACCEPTED, new Object[] {TOWNSHIP, because()});
            case REGISTERED, HANDLING -> {
                // nothing more (no event leads to HANDLING)
            }
            default -> {
                add.accept(EventType.ASSIGNED, new Object[] {DISTRICT, Attributes.builder().put(Attr.UNIT, TOWNSHIP).build()});
                if (status == Status.OBJECTED) {
                    add.accept(EventType.OBJECTED, new Object[] {TOWNSHIP, because()});
                } else if (status != Status.TRIAGED) {
                    add.accept(EventType.ACCEPTED, new Object[] {TOWNSHIP, Attributes.NONE});
                    if (status == Status.REPLIED) {
                        add.accept(EventType.REPLIED, new Object[] {TOWNSHIP, Attributes.builder()
                                .put(Attr.ADOPTION, org.xinfang.petition.Adoption.ADOPTED).put(Attr.REPLY, "采纳").build()});
                    } else if (status == Status.MEDIATED) {
                        add.accept(EventType.MEDIATED, new Object[] {TOWNSHIP, Attributes.builder()
                                .put(Attr.AGREEMENT, "协议").build()});
                    } else if (status != Status.ACCEPTED) {
                        add.accept(EventType.DECIDED, new Object[] {TOWNSHIP, opinionAttrs()});
                        List<Object[]> later = List.of(
                                new Object[] {EventType.REVIEW_REQUESTED, DISTRICT, because()},
                                new Object[] {EventType.REVIEWED, DISTRICT, opinionAttrs()},
                                new Object[] {EventType.REREVIEW_REQUESTED, CITY, because()},
                                new Object[] {EventType.REREVIEWED, CITY, opinionAttrs()},
                                new Object[] {EventType.TERMINATED, CITY, Attributes.NONE});
                        for (Object[] step : later) {
                            if (status == Status.DECIDED) {
                                break;
                            }
                            path.add(step);
                            if (((EventType) step[0]).to() == status) {
                                break;
                            }
                        }
                    }
                }
            }
        }
        return path;
    }

    /** A case in the given state, owned by the township (as the district's assignment left it, or registered there). */
    private String caseIn(Status status) {
        return caseWith(pathTo(status), NOW.minusSeconds(86_400 * 3));
    }

    private String caseWith(List<Object[]> path, Instant at) {
        String id = "T-" + (++ids);
        List<Event> timeline = new java.util.ArrayList<>();
        for (Object[] step : path) {
            timeline.add(event(timeline.size() + 1, (EventType) step[0], (String) step[1], at, (Attributes) step[2]));
        }
        String by = timeline.get(0).unit();
        Kind kind = timeline.stream().anyMatch(e -> e.type() == EventType.REPLIED) ? Kind.SUGGESTION : Kind.CLAIM;
        store.insert(new Petition(id, "TRK" + ids, kind, Channel.LETTER, "拖欠工资", "内容", null, null,
                LocalDate.ofInstant(at, Deadlines.ZONE).minusDays(3), 1, List.of(new Petitioner("张三", null, null, null)), by,
                by, Status.REGISTERED, at, timeline), "h", by);
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

    private static ActionInput reviewOpinion(String result) {
        return new ActionInput(null, null, null, "支付拖欠工资", "经复查，原处理意见认定事实清楚", null,
                "《信访工作条例》第三十五条", true, null, null, null, null, null, result, null, null, null, null);
    }

    private static ActionInput delivery(String document, String on, String way) {
        return new ActionInput(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                document, on, way);
    }

    private static ActionInput filed(String reason, String filedOn) {
        return new ActionInput(reason, null, null, null, null, null, null, null, null, null, null, null, null, null,
                filedOn, null, null, null);
    }

    /** Every state but the six that close a case (docs/lifecycle.md; R2022 Art. 22, 29, 33, 36). */
    private static final Set<Status> OPEN = EnumSet.of(Status.REGISTERED, Status.TRIAGED, Status.OBJECTED,
            Status.ACCEPTED, Status.HANDLING, Status.DECIDED, Status.REVIEW_REQUESTED, Status.REVIEWED,
            Status.REREVIEW_REQUESTED, Status.REREVIEWED);
    /** Any state: the case itself decides (a document to deliver, a supervision to answer, a 包案 open ...). */
    private static final Set<Status> ANY = EnumSet.allOf(Status.class);
    /** The stages that hold a hearing: handling, review, re-review (R2022 Art. 33, 35, 36). */
    private static final Set<Status> HEARING_STAGES = EnumSet.of(Status.ACCEPTED, Status.REVIEW_REQUESTED,
            Status.REREVIEW_REQUESTED);

    /**
     * The states from which each step may be taken, written out from the "from" column of docs/lifecycle.md and
     * the authority table of docs/sync.md (which follow R2022); every other state refuses the step (409).
     */
    private static final java.util.Map<Action, Set<Status>> STEP_FROM = java.util.Map.ofEntries(
            java.util.Map.entry(Action.REDIRECT, EnumSet.of(Status.REGISTERED, Status.OBJECTED)), // Art. 22, 29-31
            java.util.Map.entry(Action.NOT_ACCEPT, EnumSet.of(Status.REGISTERED, Status.OBJECTED)), // Art. 22
            java.util.Map.entry(Action.LINK, EnumSet.of(Status.REGISTERED, Status.OBJECTED)), // Art. 19
            java.util.Map.entry(Action.ACCEPT, EnumSet.of(Status.REGISTERED, Status.TRIAGED)), // Art. 23
            java.util.Map.entry(Action.OBJECT, EnumSet.of(Status.TRIAGED)), // Art. 23(3)
            java.util.Map.entry(Action.DECLINE_OBJECTION, EnumSet.of(Status.OBJECTED)), // Art. 23(3)
            java.util.Map.entry(Action.EXTEND, EnumSet.of(Status.ACCEPTED)), // Art. 34
            java.util.Map.entry(Action.DECIDE, EnumSet.of(Status.ACCEPTED)), // Art. 32
            java.util.Map.entry(Action.REPLY, EnumSet.of(Status.ACCEPTED)), // Art. 29
            java.util.Map.entry(Action.DELIVER, ANY), // Art. 35, 36: whenever a document awaits delivery
            java.util.Map.entry(Action.MEDIATE, EnumSet.of(Status.ACCEPTED)), // Art. 33
            java.util.Map.entry(Action.REQUEST_REVIEW, EnumSet.of(Status.DECIDED)), // Art. 35
            java.util.Map.entry(Action.REVIEW, EnumSet.of(Status.REVIEW_REQUESTED)), // Art. 35
            java.util.Map.entry(Action.REQUEST_REREVIEW, EnumSet.of(Status.REVIEWED)), // Art. 36
            java.util.Map.entry(Action.START_HEARING, EnumSet.of(Status.REREVIEW_REQUESTED)), // Art. 36: the pause
            java.util.Map.entry(Action.END_HEARING, EnumSet.of(Status.REREVIEW_REQUESTED)),
            java.util.Map.entry(Action.REREVIEW, EnumSet.of(Status.REREVIEW_REQUESTED)), // Art. 36
            java.util.Map.entry(Action.TERMINATE, EnumSet.of(Status.REREVIEWED)), // Art. 36
            // a supervision is raised on an open case, and answered even after the case closed (Art. 40)
            java.util.Map.entry(Action.ANSWER_SUPERVISION, ANY),
            java.util.Map.entry(Action.ACCEPT_ANSWER, ANY),
            java.util.Map.entry(Action.RETURN_ANSWER, ANY),
            java.util.Map.entry(Action.TAKE_CASE, OPEN), // 包案
            java.util.Map.entry(Action.LEADER_PROGRESS, ANY),
            java.util.Map.entry(Action.LEADER_CLOSE, ANY),
            java.util.Map.entry(Action.SCHEDULE_HEARING, HEARING_STAGES),
            java.util.Map.entry(Action.RECORD_HEARING, HEARING_STAGES),
            java.util.Map.entry(Action.FLAG_MAJOR, OPEN), // Art. 25
            java.util.Map.entry(Action.ACKNOWLEDGE_MAJOR, ANY),
            java.util.Map.entry(Action.OPEN_RESPONSE, ANY),
            java.util.Map.entry(Action.RECORD_MEETING, ANY),
            java.util.Map.entry(Action.CLOSE_RESPONSE, ANY));

    /** The same for the events that are not a step of {@link Action}; a registration follows no state. */
    private static final java.util.Map<EventType, Set<Status>> OTHER_EVENT_FROM = java.util.Map.of(
            EventType.REGISTERED, Set.of(),
            EventType.ASSIGNED, EnumSet.of(Status.REGISTERED, Status.TRIAGED, Status.OBJECTED), // Art. 22
            EventType.RECEIVED, EnumSet.of(Status.TRIAGED), // 签收 of the assignment
            EventType.SUPERVISED, OPEN, // Art. 40
            EventType.MAJOR_RECEIVED, ANY,
            EventType.RATED, ANY, // whenever a written result awaits its rating
            EventType.ARCHIVED, EnumSet.of(Status.REGISTERED)); // an import, right after its registration

    @Test
    void theAuthorityTableAllowsEachEventInTheStatesWrittenHere() {
        assertEquals(EnumSet.allOf(Action.class), STEP_FROM.keySet(), "every step has its row here");
        for (EventType type : EventType.values()) {
            Action action = Action.forEvent(type);
            Set<Status> expected = action != null ? STEP_FROM.get(action) : OTHER_EVENT_FROM.get(type);
            assertTrue(expected != null, "no row here for " + type);
            assertEquals(expected, Authority.allowedFrom(type), type.name());
        }
    }

    @Test
    void everyTransitionThatTheStateDoesNotAllowIsRefusedNamingTheState() {
        int refused = 0;
        for (Status status : Status.values()) {
            if (status == Status.HANDLING) {
                continue; // no event leads there
            }
            String id = caseIn(status);
            assertEquals(status, store.get(id).orElseThrow().status());
            for (Action action : Action.values()) {
                if (STEP_FROM.get(action).contains(status)) {
                    continue;
                }
                IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                        () -> atTownship.act(id, action, ActionInput.none(), ADMIN), action + " from " + status);
                assertEquals(status, e.current());
                assertTrue(e.getMessage().contains(status.name()) && e.getMessage().contains(status.label()),
                        e.getMessage());
                refused++;
            }
            assertEquals(status, store.get(id).orElseThrow().status(), "a refused action changes nothing");
        }
        assertTrue(refused > 140, "checked " + refused + " illegal transitions");
    }

    @Test
    void aCaseGoesFromAcceptanceThroughOneExtensionToASignedDecision() {
        String id = caseIn(Status.TRIAGED);
        Petition accepted = atTownship.act(id, Action.ACCEPT, ActionInput.none(), HANDLER);
        assertEquals(Status.ACCEPTED, accepted.status());
        assertEquals(EventType.ACCEPTED, accepted.timeline().get(2).type());
        assertEquals(HANDLER.person(), accepted.timeline().get(2).actor(), "the person who accepted, by name and title");
        Deadline handling = atTownship.activeDeadline(accepted).orElseThrow();
        assertEquals(Step.HANDLING, handling.step());
        assertEquals(LocalDate.of(2027, 1, 25), handling.due()); // 11-26 + 60 days

        // 31 days is refused, a handler may not approve, the head may, once
        ValidationException tooLong = assertThrows(ValidationException.class,
                () -> atTownship.act(id, Action.EXTEND, extend(31), HEAD));
        assertEquals("days", tooLong.field());
        assertThrows(ForbiddenActionException.class, () -> atTownship.act(id, Action.EXTEND, extend(30), HANDLER));
        ValidationException unnamed = assertThrows(ValidationException.class, () -> atTownship.act(id, Action.EXTEND,
                extend(30), new Actor("head2", Set.of("head"))));
        assertEquals("signer_unknown", unnamed.code(), "an approval names someone who can be held to it");
        Petition extended = atTownship.act(id, Action.EXTEND, extend(30), HEAD);
        assertEquals(30, extended.timeline().get(3).attrs().get(Attr.DAYS));
        assertEquals(LocalDate.of(2027, 2, 24), atTownship.activeDeadline(extended).orElseThrow().due());
        IllegalTransitionException twice = assertThrows(IllegalTransitionException.class,
                () -> atTownship.act(id, Action.EXTEND, extend(5), HEAD));
        assertTrue(twice.getMessage().contains("R2022 Art. 34"));
        assertTrue(atTownship.allowedActions(accepted, HEAD).contains(Action.EXTEND), "offered before the extension");
        assertFalse(atTownship.allowedActions(extended, HEAD).contains(Action.EXTEND), "not offered after it");
        assertTrue(atTownship.allowedActions(extended, HEAD).contains(Action.DECIDE));

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
        Event decision = decided.timeline().get(decided.timeline().size() - 1);
        assertEquals(Outcome.SUPPORT, decision.attrs().get(Attr.OUTCOME));
        assertEquals("经核实，该公司拖欠工资属实", decision.attrs().get(Attr.FACTS));
        assertEquals(HEAD.person(), decision.actor(), "signed off by a named person");
        assertTrue(atTownship.activeDeadline(decided).isEmpty(), "the petitioner's 30 days run; no organ owes anything");
    }

    @Test
    void allowedActionsAreTheStepsActWouldTake() {
        String id = caseIn(Status.TRIAGED);
        Petition triaged = store.get(id).orElseThrow();
        // anyone on the staff may report a major matter (R2022 Art. 25)
        assertEquals(List.of(Action.ACCEPT, Action.OBJECT, Action.FLAG_MAJOR), atTownship.allowedActions(triaged, HANDLER));
        assertEquals(List.of(), atTownship.allowedActions(triaged, new Actor("nobody", Set.of())), "no role, no step");
        assertEquals(List.of(Action.FLAG_MAJOR), atDistrict.allowedActions(triaged, HANDLER),
                "the assigning district does not accept (it may report a major matter)");
        Petition accepted = atTownship.act(id, Action.ACCEPT, ActionInput.none(), HANDLER);
        // the acceptance notice awaits its delivery record
        assertEquals(List.of(Action.EXTEND, Action.DECIDE, Action.DELIVER, Action.MEDIATE, Action.SCHEDULE_HEARING,
                Action.FLAG_MAJOR), atTownship.allowedActions(accepted, HEAD));
        assertEquals(List.of(Action.DELIVER, Action.MEDIATE, Action.SCHEDULE_HEARING, Action.FLAG_MAJOR),
                atTownship.allowedActions(accepted, HANDLER), "deciding needs the head");
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
        ValidationException noResult = assertThrows(ValidationException.class, () -> atDistrict.act(id, Action.REVIEW,
                opinion(true), HEAD), "a review judges the opinion; it does not decide the request again");
        assertEquals("result", noResult.field());
        Petition reviewed = atDistrict.act(id, Action.REVIEW, reviewOpinion("UPHOLD"), HEAD);
        assertEquals(org.xinfang.petition.ReviewResult.UPHOLD, reviewed.timeline().get(reviewed.timeline().size() - 1)
                .attrs().get(Attr.RESULT));
        assertEquals(Status.REVIEWED, reviewed.status());
        // the district has no organ above it here: a re-review must go higher
        assertThrows(ForbiddenActionException.class,
                () -> atDistrict.act(id, Action.REQUEST_REREVIEW, reason("不服复查"), CLERK));
    }

    @Test
    void aHearingPausesTheReReviewAndMustEndBeforeTheAnswer() {
        // reviewed by the township in this fixture: the district is the level above
        String id = caseWith(List.of(new Object[] {EventType.REGISTERED, DISTRICT, Attributes.NONE},
                new Object[] {EventType.ASSIGNED, DISTRICT, Attributes.builder().put(Attr.UNIT, TOWNSHIP).build()},
                new Object[] {EventType.ACCEPTED, TOWNSHIP, Attributes.NONE},
                new Object[] {EventType.DECIDED, TOWNSHIP, opinionAttrs()},
                new Object[] {EventType.REVIEW_REQUESTED, TOWNSHIP, because()},
                new Object[] {EventType.REVIEWED, TOWNSHIP, opinionAttrs()},
                new Object[] {EventType.REREVIEW_REQUESTED, DISTRICT, because()}), NOW.minusSeconds(86_400));
        assertThrows(IllegalTransitionException.class, () -> atDistrict.act(id, Action.END_HEARING, ActionInput.none(),
                CLERK), "no hearing to end");
        Petition inHearing = atDistrict.act(id, Action.START_HEARING, ActionInput.none(), CLERK);
        Deadline rereview = atDistrict.deadlines(inHearing).stream().filter(d -> d.step() == Step.REREVIEW)
                .findFirst().orElseThrow();
        assertEquals(Deadline.State.PAUSED, rereview.state());
        // a paused clock has no due day to be found by, yet the list of running clocks still shows it
        assertEquals(List.of(Deadline.State.PAUSED), atDistrict.deadlineList("open", null, 0).stream()
                .filter(c -> c.id().equals(id)).map(c -> c.deadline().state()).toList());
        assertThrows(IllegalTransitionException.class, () -> atDistrict.act(id, Action.REREVIEW, reviewOpinion("VARY"),
                HEAD));
        atDistrict.act(id, Action.END_HEARING, ActionInput.none(), CLERK);
        assertEquals(List.of(Step.REREVIEW), atDistrict.deadlineList("open", null, 0).stream()
                .filter(c -> c.id().equals(id)).map(c -> c.deadline().step()).toList(), "running again");
        assertEquals(Status.REREVIEWED, atDistrict.act(id, Action.REREVIEW, reviewOpinion("VARY"), HEAD).status());
        assertEquals(Status.TERMINATED, atDistrict.act(id, Action.TERMINATE, ActionInput.none(), HEAD).status());
        assertTrue(atDistrict.deadlineList("open", null, 0).stream().noneMatch(c -> c.id().equals(id)), "closed");
    }

    @Test
    void aReviewRequestAfterTheThirtyDayWindowIsRefused() throws Exception {
        String id = caseIn(Status.TRIAGED);
        atTownship.act(id, Action.ACCEPT, ActionInput.none(), HANDLER);
        Petition decided = atTownship.act(id, Action.DECIDE, opinion(true), HEAD);
        // the window runs from the delivery (R2022 Art. 35): none before it is recorded
        assertTrue(atTownship.deadlines(decided).stream().noneMatch(d -> d.step() == Step.REVIEW_REQUEST));
        ValidationException wrongWay = assertThrows(ValidationException.class, () -> atTownship.act(id, Action.DELIVER,
                delivery("DECIDED", "2026-11-26", "PIGEON"), CLERK));
        assertEquals("way", wrongWay.field());
        assertThrows(ForbiddenActionException.class, () -> atDistrict.act(id, Action.DELIVER,
                delivery("DECIDED", "2026-11-26", "POST"), CLERK), "the unit that issued it records the delivery");
        // handed over on 11-26: 30 days end on Saturday 12-26, so Monday 12-28
        Petition delivered = atTownship.act(id, Action.DELIVER, delivery("DECIDED", "2026-11-26", "IN_PERSON"), CLERK);
        assertEquals(LocalDate.of(2026, 12, 28), atTownship.deadlines(delivered).stream()
                .filter(d -> d.step() == Step.REVIEW_REQUEST).findFirst().orElseThrow().due());
        LifecycleService later = new LifecycleService(store, new ConfiguredNode("", "district", DISTRICT, "青溪区信访局",
                "DISTRICT", "", "", dir.resolve("units.csv").toString(), dir.resolve("calendar.csv").toString()),
                Clock.fixed(NOW.plusSeconds(86_400L * 40), Deadlines.ZONE));
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> later.act(id, Action.REQUEST_REVIEW, reason("不服"), CLERK));
        assertTrue(e.getMessage().contains("2026-12-28"), e.getMessage());
        assertThrows(IllegalTransitionException.class, () -> later.act(id, Action.REQUEST_REVIEW,
                filed("不服", "2026-12-29"), CLERK), "filed one day after the window");
        // filed on the last day, typed in eight days later: in time, and the review's days run from the filing
        Petition requested = later.act(id, Action.REQUEST_REVIEW, filed("不服", "2026-12-28"), CLERK);
        Deadline review = later.deadlines(requested).stream().filter(d -> d.step() == Step.REVIEW).findFirst()
                .orElseThrow();
        assertEquals(LocalDate.of(2026, 12, 28), review.start());
    }

    @Test
    void aCompetentUnitAcceptsWhatItReceivedItselfAndThePetitionOfficeRoutes() {
        String atTown = caseWith(List.<Object[]>of(new Object[] {EventType.REGISTERED, TOWNSHIP, Attributes.NONE}),
                NOW.minusSeconds(86_400));
        Petition received = store.get(atTown).orElseThrow();
        assertTrue(atTownship.allowedActions(received, HANDLER).contains(Action.ACCEPT), "R2022 Art. 23");
        assertEquals(Step.NOTICE, atTownship.activeDeadline(received).orElseThrow().step(), "no triage clock here");
        Petition accepted = atTownship.act(atTown, Action.ACCEPT, ActionInput.none(), HANDLER);
        assertEquals(Status.ACCEPTED, accepted.status());
        assertEquals(Step.HANDLING, atTownship.activeDeadline(accepted).orElseThrow().step());
        String atOffice = caseWith(List.<Object[]>of(new Object[] {EventType.REGISTERED, DISTRICT, Attributes.NONE}),
                NOW.minusSeconds(86_400));
        Petition routed = store.get(atOffice).orElseThrow();
        assertTrue(!atDistrict.allowedActions(routed, HEAD).contains(Action.ACCEPT), "the petition office routes");
        assertThrows(ForbiddenActionException.class, () -> atDistrict.act(atOffice, Action.ACCEPT, ActionInput.none(),
                HEAD));
        assertEquals(Step.TRIAGE, atDistrict.activeDeadline(routed).orElseThrow().step());
    }

    @Test
    void deadlineListsShowOverdueAndApproachingCasesOfAUnit() {
        String fresh = caseIn(Status.TRIAGED); // notice due 11-23 + 15 = 12-08: open
        String old = caseWith(pathTo(Status.TRIAGED), NOW.minusSeconds(86_400L * 40));
        assertEquals(List.of(old), atTownship.deadlineList("overdue", TOWNSHIP, 3).stream().map(c -> c.id()).toList());
        assertEquals(List.of(old, fresh), atTownship.deadlineList("open", null, 3).stream().map(c -> c.id()).toList());
        assertEquals(List.of(), atTownship.deadlineList("approaching", null, 3));
        assertEquals(List.of(fresh), atTownship.deadlineList("approaching", null, 30).stream().map(c -> c.id()).toList());
        assertThrows(ValidationException.class, () -> atTownship.deadlineList("late", null, 3));
    }

    /**
     * The home page's counts come from the cases found by index (a clock running, or this unit's own waiting),
     * not from every case not closed: a decided case and a closed one count nowhere.
     */
    @Test
    void theHomePageCountsWhatWaitsOnEachUnit() {
        String late = caseWith(pathTo(Status.TRIAGED), NOW.minusSeconds(86_400L * 40));
        caseIn(Status.TRIAGED);
        caseIn(Status.REGISTERED);
        caseIn(Status.ACCEPTED);
        caseIn(Status.OBJECTED);
        caseIn(Status.DECIDED);
        caseIn(Status.NOT_ACCEPTED);
        Actor supervisor = new Actor(new Person("sup1", "周督查", "区信访局督查科科长"), Set.of("supervisor"));
        assertEquals(List.of(late), atDistrict.superviseOverdue(supervisor));
        // the same counts as when every case not closed was read (checked against that code)
        assertEquals(new CaseService.Workload(1, 0, 3, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0), atTownship.workload(HEAD),
                "registered here; routed here twice and registered by a competent unit; accepted; the late one");
        assertEquals(new CaseService.Workload(0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), atDistrict.workload(HEAD),
                "the objection comes back to the office that routed it; the late case is overdue below");
    }

    @Test
    void anOverdueCaseIsSupervisedOnceFromAboveAndStaysListedUntilAnswered() {
        String late = caseWith(pathTo(Status.TRIAGED), NOW.minusSeconds(86_400L * 40));
        String onTime = caseIn(Status.TRIAGED);
        Actor supervisor = new Actor(new Person("sup1", "周督查", "区信访局督查科科长"), Set.of("supervisor"));

        assertThrows(ForbiddenActionException.class, () -> atDistrict.superviseOverdue(CLERK));
        assertEquals(List.of(), atTownship.superviseOverdue(supervisor), "a unit does not supervise itself");
        assertEquals(List.of(late), atDistrict.superviseOverdue(supervisor));
        assertEquals(List.of(), atDistrict.superviseOverdue(supervisor), "one notice per lapse");
        Petition supervised = store.get(late).orElseThrow();
        Event notice = supervised.timeline().get(2);
        assertEquals(EventType.SUPERVISED, notice.type());
        assertEquals(Step.NOTICE, notice.attrs().get(Attr.CLOCK), "the lapsed duty, typed (objecting is no duty)");
        assertTrue(notice.attrs().get(Attr.DUE).isBefore(LocalDate.of(2026, 11, 26)));
        assertEquals(LocalDate.of(2026, 12, 28), notice.attrs().get(Attr.ANSWER_DUE));
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
        List<Event> timeline = new java.util.ArrayList<>();
        for (Object[] step : pathTo(status)) {
            timeline.add(event(timeline.size() + 1, (EventType) step[0], (String) step[1], at, (Attributes) step[2]));
        }
        store.insert(new Petition(id, "TRKP" + ids, Kind.CLAIM, Channel.WALK_IN, "征地补偿", "内容", null, null,
                LocalDate.of(2026, 11, 25), 1, List.of(new Petitioner("王五", idNumber, null, null)),
                timeline.get(0).unit(), timeline.get(0).unit(), status, at, timeline), "h", timeline.get(0).unit());
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
        assertEquals(open, linked.timeline().get(linked.timeline().size() - 1).attrs().get(Attr.LINK_TO));
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

    /** 信访处理意见书 whose parts are each within their own limit is accepted; each part's limit is its own. */
    @Test
    void aLongDecisionIsAcceptedAndEachPartHasItsOwnLimit() {
        String id = caseIn(Status.ACCEPTED);
        ActionInput longest = new ActionInput(null, null, null, "诉".repeat(1000), "实".repeat(4000), "EXPLAIN",
                "依".repeat(1000), true, "说".repeat(2000));
        Petition decided = atTownship.act(id, Action.DECIDE, longest, HEAD);
        Event d = decided.timeline().get(decided.timeline().size() - 1);
        assertEquals(4000, d.attrs().get(Attr.FACTS).length());
        assertEquals(2000, d.note().length());
        String other = caseIn(Status.ACCEPTED);
        ValidationException tooMuch = assertThrows(ValidationException.class, () -> atTownship.act(other, Action.DECIDE,
                new ActionInput(null, null, null, "诉", "实".repeat(4001), "EXPLAIN", "依", true, null), HEAD));
        assertEquals("facts", tooMuch.field());
        assertEquals("too_long", tooMuch.code());
    }

    /** A step chosen on a page that is out of date is refused with the version it was chosen on. */
    @Test
    void aStepChosenOnAnOldVersionIsRefused() {
        String id = caseIn(Status.TRIAGED);
        VersionConflictException stale = assertThrows(VersionConflictException.class, () -> atTownship.act(id,
                Action.ACCEPT, ActionInput.none().atVersion(1), HANDLER));
        assertEquals(2, stale.current());
        assertEquals(Status.ACCEPTED, atTownship.act(id, Action.ACCEPT, ActionInput.none().atVersion(2), HANDLER)
                .status());
    }

    /**
     * Of many heads extending one case at the same moment (R2022 Art. 34 allows one extension), exactly
     * one extends it; every other is refused as a conflict or as the second extension, never otherwise.
     */
    @Test
    void ofSimultaneousExtensionsExactlyOneIsRecorded() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                String id = caseIn(Status.ACCEPTED);
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<String>> calls = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    calls.add(pool.submit(() -> {
                        go.await();
                        try {
                            atTownship.act(id, Action.EXTEND, extend(10), HEAD);
                            return "ok";
                        } catch (VersionConflictException | IllegalTransitionException refused) {
                            return "409";
                        }
                    }));
                }
                go.countDown();
                List<String> outcomes = new java.util.ArrayList<>();
                for (var c : calls) {
                    outcomes.add(c.get(60, java.util.concurrent.TimeUnit.SECONDS));
                }
                assertEquals(1, outcomes.stream().filter("ok"::equals).count(), outcomes.toString());
                Petition p = store.get(id).orElseThrow();
                assertEquals(1, p.timeline().stream().filter(e -> e.type() == EventType.EXTENDED).count());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** R2022 Art. 34: an extension is approved before the period ends; after the lapse it is neither offered nor taken. */
    @Test
    void anExtensionAfterTheHandlingPeriodLapsedIsRefusedAndNotOffered() throws Exception {
        String id = caseIn(Status.ACCEPTED); // accepted 11-23: 60 days end 2027-01-22
        LifecycleService later = new LifecycleService(store, new ConfiguredNode("", "township", TOWNSHIP, "清河镇",
                "TOWNSHIP", DISTRICT, "", dir.resolve("units.csv").toString(), dir.resolve("calendar.csv").toString()),
                Clock.fixed(Instant.parse("2027-01-23T02:00:00Z"), Deadlines.ZONE));
        Petition p = store.get(id).orElseThrow();
        assertEquals(LocalDate.of(2027, 1, 22), later.deadlines(p).stream().filter(d -> d.step() == Step.HANDLING)
                .findFirst().orElseThrow().due());
        IllegalTransitionException lapsed = assertThrows(IllegalTransitionException.class,
                () -> later.act(id, Action.EXTEND, extend(10), HEAD));
        assertTrue(lapsed.getMessage().contains("2027-01-22"), lapsed.getMessage());
        assertTrue(later.allowedActions(p, HEAD).contains(Action.DECIDE));
        assertTrue(!later.allowedActions(p, HEAD).contains(Action.EXTEND), "extend is not offered once lapsed");
        assertTrue(atTownship.allowedActions(p, HEAD).contains(Action.EXTEND), "before the lapse it is");
    }

    /** The supervision answer term is configured; each notice states its answer day and its clock runs to it. */
    @Test
    void aSupervisionNoticeStatesTheAnswerDayOfTheConfiguredTerm() throws Exception {
        String late = caseWith(pathTo(Status.TRIAGED), NOW.minusSeconds(86_400L * 40));
        LifecycleService fifteen = new LifecycleService(store, new ConfiguredNode("", "district", DISTRICT, "青溪区信访局",
                "DISTRICT", "", "", dir.resolve("units.csv").toString(), dir.resolve("calendar.csv").toString()),
                Clock.fixed(NOW, Deadlines.ZONE), 15);
        assertEquals(List.of(late), fifteen.superviseOverdue(new Actor(new Person("sup1", "周督查", "督查科科长"),
                Set.of("supervisor"))));
        Petition p = store.get(late).orElseThrow();
        // 11-26 + 15 = Friday 12-11
        assertEquals(LocalDate.of(2026, 12, 11), p.timeline().get(2).attrs().get(Attr.ANSWER_DUE));
        assertEquals(LocalDate.of(2026, 12, 11), fifteen.deadlines(p).stream().filter(d -> d.step() == Step.SUPERVISION)
                .findFirst().orElseThrow().due());
        assertThrows(IllegalArgumentException.class, () -> new LifecycleService(store, null, 0));
    }

    private LifecycleService townshipOn(String instant) throws Exception {
        return new LifecycleService(store, new ConfiguredNode("", "township", TOWNSHIP, "清河镇", "TOWNSHIP", DISTRICT, "",
                dir.resolve("units.csv").toString(), dir.resolve("calendar.csv").toString()),
                Clock.fixed(Instant.parse(instant), Deadlines.ZONE));
    }

    /**
     * R2022 Art. 23(3): the 5 working days to object are a window. Assigned Monday 11-23, the window's last day
     * is Monday 11-30 (working day 5); on Tuesday 12-01 (working day 6) an objection is refused and not offered.
     */
    @Test
    void anObjectionIsTakenOnWorkingDayFiveAndRefusedOnDaySix() throws Exception {
        String onTime = caseIn(Status.TRIAGED);
        String late = caseIn(Status.TRIAGED);
        LifecycleService dayFive = townshipOn("2026-11-30T02:00:00Z");
        LifecycleService daySix = townshipOn("2026-12-01T02:00:00Z");
        assertEquals(Status.OBJECTED, dayFive.act(onTime, Action.OBJECT, reason("属于区住建局职责"), HANDLER).status());
        IllegalTransitionException closed = assertThrows(IllegalTransitionException.class,
                () -> daySix.act(late, Action.OBJECT, reason("属于区住建局职责"), HANDLER));
        assertTrue(closed.getMessage().contains("2026-11-30"), closed.getMessage());
        Petition p = store.get(late).orElseThrow();
        assertEquals(List.of(Action.ACCEPT, Action.FLAG_MAJOR), daySix.allowedActions(p, HANDLER),
                "only accepting is left (and reporting a major matter, always)");
        Deadline window = daySix.deadlines(p).stream().filter(d -> d.step() == Step.OBJECTION).findFirst().orElseThrow();
        assertEquals(Deadline.State.CLOSED, window.state(), "a closed window, not an offence");
        assertEquals(Step.NOTICE, daySix.activeDeadline(p).orElseThrow().step(), "the unit still owes the acceptance notice");
    }

    /** An objection waits with the assigning office, with a clock; the office may decline it and send the case back. */
    @Test
    void theAssigningOfficeDeclinesAnObjectionAndTheCaseGoesBack() {
        String id = caseIn(Status.TRIAGED);
        Petition objected = atTownship.act(id, Action.OBJECT, reason("属于区住建局职责"), HANDLER);
        assertEquals(DISTRICT, objected.owner(), "it waits with the district");
        Deadline reroute = atDistrict.activeDeadline(objected).orElseThrow();
        assertEquals(Step.REROUTE, reroute.step(), "with the office's clock");
        assertEquals(LocalDate.of(2026, 12, 11), reroute.due(), "11-26 + 15 = Friday 12-11");
        assertThrows(ForbiddenActionException.class, () -> atTownship.act(id, Action.DECLINE_OBJECTION, reason("x"), CLERK));
        ValidationException noReason = assertThrows(ValidationException.class,
                () -> atDistrict.act(id, Action.DECLINE_OBJECTION, ActionInput.none(), CLERK));
        assertEquals("reason", noReason.field());
        Petition declined = atDistrict.act(id, Action.DECLINE_OBJECTION, reason("经核实属于镇政府职责"), CLERK);
        assertEquals(Status.TRIAGED, declined.status());
        assertEquals(TOWNSHIP, declined.owner());
        assertEquals(Step.NOTICE, atTownship.activeDeadline(declined).orElseThrow().step());
        assertEquals(List.of(Action.ACCEPT, Action.FLAG_MAJOR), atTownship.allowedActions(declined, HANDLER),
                "it accepts now; its window to object was used");
        assertEquals(Status.ACCEPTED, atTownship.act(id, Action.ACCEPT, ActionInput.none(), HANDLER).status());
    }

    static final Actor LEADER = new Actor(new Person("leader1", "张伟", "青溪区副区长"), Set.of("leader"));
    static final Actor OTHER_LEADER = new Actor(new Person("leader2", "周敏", "青溪区信访局局长"), Set.of("leader"));
    static final Actor SUPERVISOR = new Actor(new Person("sup1", "刘洋", "青溪区督查室主任"), Set.of("supervisor"));

    private static ActionInput fields(String reason, Object... nameAndValue) {
        java.util.Map<String, Object> more = new java.util.HashMap<>();
        for (int i = 0; i < nameAndValue.length; i += 2) {
            more.put((String) nameAndValue[i], nameAndValue[i + 1]);
        }
        return new ActionInput(reason, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, more);
    }

    /** 包案: a district leader takes a township case with the four fixes; only that leader records progress. */
    @Test
    void aLeaderTakesACaseWithItsFourFixesAndOnlyThatLeaderReportsOnIt() throws Exception {
        String id = caseIn(Status.ACCEPTED);
        ValidationException noMeasures = assertThrows(ValidationException.class, () -> atDistrict.act(id,
                Action.TAKE_CASE, fields(null, "targetDate", "2026-12-20", "responsibleUnit", TOWNSHIP), LEADER));
        assertEquals("measures", noMeasures.field());
        ValidationException past = assertThrows(ValidationException.class, () -> atDistrict.act(id, Action.TAKE_CASE,
                fields(null, "measures", "每周调度", "targetDate", "2026-11-01", "responsibleUnit", TOWNSHIP), LEADER));
        assertEquals("targetDate", past.field());
        assertThrows(ForbiddenActionException.class, () -> atDistrict.act(id, Action.TAKE_CASE, fields(null,
                "measures", "每周调度", "targetDate", "2026-12-20", "responsibleUnit", TOWNSHIP), HEAD), "leaders only");
        Petition taken = atDistrict.act(id, Action.TAKE_CASE, fields(null, "measures", "每周调度一次，督促镇政府依法处理",
                "targetDate", "2026-12-20", "responsibleUnit", TOWNSHIP), LEADER);
        Event e = taken.timeline().get(taken.timeline().size() - 1);
        assertEquals(EventType.LEADER_TOOK, e.type());
        assertEquals(LEADER.person(), e.actor());
        assertEquals(TOWNSHIP, e.attrs().get(Attr.RESPONSIBLE_UNIT));
        assertThrows(IllegalTransitionException.class, () -> atDistrict.act(id, Action.TAKE_CASE, fields(null,
                "measures", "再包", "targetDate", "2026-12-20", "responsibleUnit", TOWNSHIP), OTHER_LEADER), "one at a time");
        assertThrows(ForbiddenActionException.class, () -> atDistrict.act(id, Action.LEADER_PROGRESS,
                fields(null, "progress", "已调度"), OTHER_LEADER), "another leader's case");
        atDistrict.act(id, Action.LEADER_PROGRESS, fields(null, "progress", "已召开协调会"), LEADER);
        assertEquals(List.of(id), atDistrict.leaderCases("open", "leader1").stream().map(c -> c.id()).toList());
        assertEquals(1, atDistrict.leaderCases("open", null).get(0).progressEntries());
        assertEquals(List.of(), atDistrict.leaderCases("open", "leader2"));
        assertEquals(List.of(), atDistrict.leaderCases("overdue", null), "its deadline is 12-20");
        LifecycleService later = new LifecycleService(store, new ConfiguredNode("", "district", DISTRICT, "青溪区信访局",
                "DISTRICT", "", "", dir.resolve("units.csv").toString(), dir.resolve("calendar.csv").toString()),
                Clock.fixed(Instant.parse("2026-12-22T02:00:00Z"), Deadlines.ZONE));
        assertEquals(List.of(id), later.leaderCases("overdue", null).stream().map(c -> c.id()).toList());
        later.act(id, Action.LEADER_CLOSE, fields(null, "summary", "欠款已付清，信访人息访"), LEADER);
        assertEquals(List.of(), later.leaderCases("open", null));
        assertEquals(List.of(id), later.leaderCases("closed", null).stream().map(c -> c.id()).toList());
        assertThrows(ValidationException.class, () -> later.leaderCases("mine", null));
    }

    /** 听证 during handling: scheduled by the owner, recorded once; the handling clock is not paused by law. */
    @Test
    void aHearingIsScheduledAndRecordedDuringHandling() {
        String id = caseIn(Status.ACCEPTED);
        assertThrows(IllegalTransitionException.class, () -> atTownship.act(id, Action.RECORD_HEARING, fields(null,
                "attendance", "到场", "record", "记录", "opinion", "意见"), HANDLER), "nothing scheduled");
        ValidationException openness = assertThrows(ValidationException.class, () -> atTownship.act(id,
                Action.SCHEDULE_HEARING, fields(null, "hearingOn", "2026-12-03", "place", "清河镇会议室", "chair", "王芳",
                        "panel", "人大代表李某、律师赵某", "openness", "SOMETIMES"), HANDLER));
        assertEquals("openness", openness.field());
        assertThrows(ForbiddenActionException.class, () -> atDistrict.act(id, Action.SCHEDULE_HEARING, fields(null,
                "hearingOn", "2026-12-03", "place", "区信访局", "chair", "周敏", "panel", "听证员", "openness", "PUBLIC"),
                HEAD), "the unit that holds the stage schedules it");
        Petition scheduled = atTownship.act(id, Action.SCHEDULE_HEARING, fields(null, "hearingOn", "2026-12-03",
                "place", "清河镇会议室", "chair", "王芳", "panel", "人大代表李某、律师赵某", "openness", "PUBLIC",
                "petitionerSide", "信访人张三", "unitSide", "镇综治办赵强"), HANDLER);
        assertEquals(org.xinfang.petition.Openness.PUBLIC, scheduled.timeline().get(scheduled.timeline().size() - 1)
                .attrs().get(Attr.OPENNESS));
        assertThrows(IllegalTransitionException.class, () -> atTownship.act(id, Action.SCHEDULE_HEARING, fields(null,
                "hearingOn", "2026-12-04", "place", "会议室", "chair", "王芳", "panel", "听证员", "openness", "CLOSED"),
                HANDLER), "one at a time");
        Petition held = atTownship.act(id, Action.RECORD_HEARING, fields(null, "attendance", "信访人及镇综治办均到场",
                "record", "双方陈述意见", "opinion", "建议支持信访人合理诉求"), HANDLER);
        assertEquals(EventType.HEARING_RECORDED, held.timeline().get(held.timeline().size() - 1).type());
        assertEquals(Step.HANDLING, atTownship.activeDeadline(held).orElseThrow().step());
    }

    /** 重大紧急: flagged at the township, pushed at once, an alert at the district until a named person reads it. */
    @Test
    void aMajorMatterIsPushedAtOnceAndAlertsTheLevelAboveUntilAcknowledged() throws Exception {
        java.util.concurrent.atomic.AtomicInteger pushes = new java.util.concurrent.atomic.AtomicInteger();
        LifecycleService township = new LifecycleService(store, new ConfiguredNode("", "township", TOWNSHIP, "清河镇",
                "TOWNSHIP", DISTRICT, "", dir.resolve("units.csv").toString(), dir.resolve("calendar.csv").toString()),
                Clock.fixed(NOW, Deadlines.ZONE), 30, List.of(pushes::incrementAndGet));
        String id = caseIn(Status.TRIAGED);
        ValidationException noReason = assertThrows(ValidationException.class, () -> township.act(id, Action.FLAG_MAJOR,
                ActionInput.none(), HANDLER));
        assertEquals("reason", noReason.field());
        assertEquals(0, pushes.get());
        township.act(id, Action.FLAG_MAJOR, reason("30余名农民工聚集镇政府，情绪激动"), HANDLER);
        assertEquals(1, pushes.get(), "pushed up at once");
        assertThrows(IllegalTransitionException.class, () -> township.act(id, Action.FLAG_MAJOR, reason("再次"), HANDLER));
        assertEquals(List.of(id), atDistrict.alerts().stream().map(a -> a.id()).toList());
        assertEquals(List.of(), atTownship.alerts(), "the flagging unit knows");
        ValidationException unnamed = assertThrows(ValidationException.class, () -> atDistrict.act(id,
                Action.ACKNOWLEDGE_MAJOR, ActionInput.none(), new Actor("clerk9", Set.of("clerk"))));
        assertEquals("signOff", unnamed.field());
        assertThrows(ForbiddenActionException.class, () -> atTownship.act(id, Action.ACKNOWLEDGE_MAJOR,
                ActionInput.none(), HEAD), "the levels above acknowledge");
        atDistrict.act(id, Action.ACKNOWLEDGE_MAJOR, ActionInput.none(), LEADER);
        assertEquals(List.of(), atDistrict.alerts());
        assertThrows(IllegalTransitionException.class, () -> atDistrict.act(id, Action.ACKNOWLEDGE_MAJOR,
                ActionInput.none(), OTHER_LEADER), "once per level");

        // a joint conference for it: members, a meeting with its decisions, the close
        assertThrows(IllegalTransitionException.class, () -> atDistrict.act(caseIn(Status.TRIAGED), Action.OPEN_RESPONSE,
                fields(null, "response", "EMERGENCY", "members", "区信访局"), LEADER), "for a major matter only");
        ValidationException how = assertThrows(ValidationException.class, () -> atDistrict.act(id, Action.OPEN_RESPONSE,
                fields(null, "members", "区信访局、区人社局、清河镇"), LEADER));
        assertEquals("response", how.field());
        atDistrict.act(id, Action.OPEN_RESPONSE, fields(null, "response", "JOINT_CONFERENCE", "members",
                "区信访局、区人社局、清河镇"), LEADER);
        assertThrows(ForbiddenActionException.class, () -> atTownship.act(id, Action.RECORD_MEETING, fields(null,
                "meetingOn", "2026-11-26", "attendance", "三方", "decisions", "议定"), HEAD), "the opening unit records it");
        ValidationException notYet = assertThrows(ValidationException.class, () -> atDistrict.act(id,
                Action.RECORD_MEETING, fields(null, "meetingOn", "2026-12-30", "attendance", "三方", "decisions", "议定"),
                LEADER));
        assertEquals("meetingOn", notYet.field());
        atDistrict.act(id, Action.RECORD_MEETING, fields(null, "meetingOn", "2026-11-26", "attendance",
                "区信访局、区人社局、清河镇负责人到会", "decisions", "区人社局牵头，督促企业于12月3日前付清"), LEADER);
        Petition closed = atDistrict.act(id, Action.CLOSE_RESPONSE, fields(null, "summary", "欠薪已付清，人员已疏散"), LEADER);
        assertEquals(EventType.RESPONSE_CLOSED, closed.timeline().get(closed.timeline().size() - 1).type());
        assertThrows(IllegalTransitionException.class, () -> atDistrict.act(id, Action.RECORD_MEETING, fields(null,
                "meetingOn", "2026-11-26", "attendance", "三方", "decisions", "议定"), LEADER), "closed");
    }

    /** 督办 by hand: listed, answered by the owner, sent back once, then accepted by the supervising unit. */
    @Test
    void aSupervisionByHandIsAnsweredSentBackAndAccepted() {
        String id = caseIn(Status.ACCEPTED);
        // offered (the case page's 督办) exactly where supervise() would take it
        assertTrue(atDistrict.maySupervise(store.get(id).orElseThrow(), SUPERVISOR));
        assertFalse(atDistrict.maySupervise(store.get(id).orElseThrow(), HANDLER), "a handler does not supervise");
        assertFalse(atTownship.maySupervise(store.get(id).orElseThrow(), SUPERVISOR), "the owner does not supervise itself");
        ValidationException noInstructions = assertThrows(ValidationException.class, () -> atDistrict.supervise(id, " ",
                "2026-12-10", true, null, SUPERVISOR));
        assertEquals("instructions", noInstructions.field());
        ValidationException past = assertThrows(ValidationException.class, () -> atDistrict.supervise(id, "请加快办理",
                "2026-11-20", true, null, SUPERVISOR));
        assertEquals("answerBy", past.field());
        assertThrows(ForbiddenActionException.class, () -> atDistrict.supervise(id, "请加快办理", "2026-12-10", true, null,
                HANDLER));
        assertThrows(ForbiddenActionException.class, () -> atTownship.supervise(id, "请加快办理", "2026-12-10", true, null,
                SUPERVISOR), "from above the owner only");
        atDistrict.supervise(id, "请于12月10日前书面报告欠薪处置进展", "2026-12-10", true, null, SUPERVISOR);
        assertFalse(atDistrict.maySupervise(store.get(id).orElseThrow(), SUPERVISOR), "one supervision open at a time");
        CaseService.Supervision open = atDistrict.supervisions(true).get(0);
        assertTrue(open.listed());
        assertEquals("open", open.state());
        assertEquals(LocalDate.of(2026, 12, 10), open.answerDue());
        assertThrows(ForbiddenActionException.class, () -> atDistrict.act(id, Action.ANSWER_SUPERVISION, fields(null,
                "answer", "x"), HEAD), "the supervised unit answers");
        atTownship.act(id, Action.ANSWER_SUPERVISION, new ActionInput(null, null, null, null, null, null, null, null,
                null, null, null, "已约谈企业负责人", null), HEAD);
        assertEquals("answered", atDistrict.supervisions(true).get(0).state(), "it waits for the supervising unit");
        assertThrows(ForbiddenActionException.class, () -> atTownship.act(id, Action.ACCEPT_ANSWER, ActionInput.none(),
                HEAD), "the supervised unit does not accept its own answer");
        ValidationException noDay = assertThrows(ValidationException.class, () -> atDistrict.act(id,
                Action.RETURN_ANSWER, reason("未说明付款时间"), SUPERVISOR));
        assertEquals("answerBy", noDay.field());
        Petition returned = atDistrict.act(id, Action.RETURN_ANSWER, fields("未说明付款时间", "answerBy", "2026-12-05"),
                SUPERVISOR);
        assertEquals(LocalDate.of(2026, 12, 5), atDistrict.deadlines(returned).stream()
                .filter(d -> d.step() == Step.SUPERVISION).findFirst().orElseThrow().due());
        assertEquals("open", atDistrict.supervisions(true).get(0).state());
        atTownship.act(id, Action.ANSWER_SUPERVISION, new ActionInput(null, null, null, null, null, null, null, null,
                null, null, null, "企业承诺12月3日前付清", null), HEAD);
        atDistrict.act(id, Action.ACCEPT_ANSWER, ActionInput.none(), SUPERVISOR);
        assertEquals(List.of(), atDistrict.supervisions(true));
        assertEquals("closed", atDistrict.supervisions(false).get(0).state());
    }

    /** The overdue scan addresses a village's unrouted case to the township that routes it, not the village. */
    @Test
    void theOverdueScanAddressesTheUnitThatCanActOnTheLapse() {
        String id = caseWith(List.<Object[]>of(new Object[] {EventType.REGISTERED, "510199101201", Attributes.NONE}),
                NOW.minusSeconds(86_400L * 30));
        List<String> supervised = atDistrict.superviseOverdue(SUPERVISOR);
        assertTrue(supervised.contains(id), supervised.toString());
        Event notice = store.get(id).orElseThrow().timeline().get(1);
        assertEquals(TOWNSHIP, notice.attrs().get(Attr.SUPERVISED_UNIT));
        assertTrue(atTownship.allowedActions(store.get(id).orElseThrow(), HEAD).contains(Action.ANSWER_SUPERVISION));
    }

    /** Statistics are counted from the cases: by kind, status, unit and clock, as counted here by hand. */
    @Test
    void statisticsEqualARecountOfTheCases() {
        for (Status status : List.of(Status.REGISTERED, Status.TRIAGED, Status.ACCEPTED, Status.DECIDED, Status.REPLIED,
                Status.NOT_ACCEPTED, Status.TRIAGED)) {
            caseIn(status);
        }
        LocalDate received = LocalDate.ofInstant(NOW.minusSeconds(86_400 * 3), Deadlines.ZONE).minusDays(3);
        java.util.Map<String, Object> s = atDistrict.statistics(received.minusDays(1), received.plusDays(1), null);
        // the seven cases above, counted by hand: the suggestion is the one replied to; every case ends up with the
        // township (registered there, or assigned to it by the district)
        assertEquals(7, ((Number) s.get("total")).intValue());
        assertEquals(java.util.Map.of("REGISTERED", 1L, "TRIAGED", 2L, "ACCEPTED", 1L, "DECIDED", 1L, "REPLIED", 1L,
                "NOT_ACCEPTED", 1L), s.get("byStatus"));
        assertEquals(java.util.Map.of("CLAIM", 6L, "SUGGESTION", 1L), s.get("byKind"));
        assertEquals(java.util.Map.of(TOWNSHIP, 7L), s.get("byUnit"));
        // the acceptance notice: met in time by the four cases accepted (accepted, decided, replied) or, received
        // at the township directly, not accepted, on the day they arrived; the two triaged and the registered one
        // still owe it
        @SuppressWarnings("unchecked")
        java.util.Map<String, java.util.Map<String, Object>> onTime = (java.util.Map<String, java.util.Map<String, Object>>) s
                .get("onTime");
        assertEquals(4L, ((Number) onTime.get("NOTICE").get("met")).longValue());
        // a period with none of them, and one unit's subtree
        assertEquals(0, ((Number) atDistrict.statistics(received.plusDays(5), received.plusDays(6), null).get("total"))
                .intValue());
        assertEquals(7L,
                ((Number) atDistrict.statistics(received.minusDays(1), received.plusDays(1), TOWNSHIP).get("total"))
                        .longValue());
        ValidationException backwards = assertThrows(ValidationException.class, () -> atDistrict.statistics(received,
                received.minusDays(1), null));
        assertEquals("to", backwards.field());
        ValidationException foreign = assertThrows(ValidationException.class, () -> atTownship.statistics(received,
                received, DISTRICT));
        assertEquals("unit", foreign.field());
    }

    /**
     * The statistics read the facts kept with each case as it is written; they must always equal a recount
     * of the cases themselves, clock by clock, on the day counted, and follow a change of the calendar.
     */
    @Test
    void statisticsFromTheKeptFactsEqualARecountOfTheWholeCases() throws Exception {
        List<String> old = new java.util.ArrayList<>();
        for (long age : new long[] {3, 30, 90, 200}) {
            for (Status status : Status.values()) {
                String id = caseWith(pathTo(status), NOW.minusSeconds(86_400 * age));
                if (status == Status.ACCEPTED && age >= 90) {
                    old.add(id);
                }
            }
        }
        // decided today, long after the 60 days: the handling clock met late (超期), kept so in the facts
        for (String id : old) {
            atTownship.act(id, Action.DECIDE, opinion(true), HEAD);
        }
        LocalDate today = LocalDate.ofInstant(NOW, Deadlines.ZONE);
        LocalDate from = today.minusYears(1);
        java.util.Map<String, Object> s = atDistrict.statistics(from, today, null);
        java.util.Map<String, Object> recount = recount(from, today, today);
        for (String figure : recount.keySet()) {
            assertEquals(recount.get(figure), normalised(s.get(figure)), figure);
        }
        assertTrue(((Number) recount.get("overdue")).longValue() > 0, "some cases are overdue today");
        @SuppressWarnings("unchecked")
        java.util.Map<String, java.util.Map<String, Long>> onTime = (java.util.Map<String, java.util.Map<String, Long>>)
                recount.get("onTime");
        assertTrue(onTime.get("HANDLING").get("missed") >= old.size(), "handling missed: " + onTime);
        // the overdue list finds its cases by the due day kept with them: the same as the recount
        List<CaseService.CaseDeadline> overdueList = atDistrict.deadlineList("overdue", null, 0);
        assertEquals(((Number) recount.get("overdue")).longValue(), overdueList.size());
        // the digest's view: the longest overdue first and the count, without reading them all
        var firstTwo = atDistrict.overdue(2);
        assertEquals(overdueList.size(), firstTwo.total());
        assertEquals(overdueList.subList(0, 2).stream().map(CaseService.CaseDeadline::id).toList(),
                firstTwo.items().stream().map(CaseService.CaseDeadline::id).toList());

        // the office loads a calendar in which every day of the last year is a holiday: due days roll over
        // past today (民法典 Art. 203), nothing is overdue, and the facts follow without a write to any case
        StringBuilder rest = new StringBuilder();
        for (LocalDate d = today.minusDays(400); !d.isAfter(today.plusDays(3)); d = d.plusDays(1)) {
            rest.append(d).append(",HOLIDAY,测试假日\n");
        }
        Path calendar = dir.resolve("calendar.csv");
        Files.writeString(calendar, rest);
        Files.setLastModifiedTime(calendar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        java.util.Map<String, Object> after = atDistrict.statistics(from, today, null);
        java.util.Map<String, Object> recountAfter = recount(from, today, today);
        assertEquals(0L, recountAfter.get("overdue"));
        for (String figure : recountAfter.keySet()) {
            assertEquals(recountAfter.get(figure), normalised(after.get(figure)), "after the calendar changed: " + figure);
        }
    }

    /** Figures as plain maps of longs, so a count kept as int or long compares as the same number. */
    private static Object normalised(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.util.Map<?, ?> m) {
            java.util.Map<String, Object> copy = new java.util.TreeMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), normalised(v)));
            return copy;
        }
        return value;
    }

    /** The figures counted again from the whole cases, clock by clock, as a person would with the case files. */
    private java.util.Map<String, Object> recount(LocalDate from, LocalDate to, LocalDate today) {
        List<Petition> all = store.wholeReceived(from, to);
        java.util.Map<String, Object> m = new java.util.TreeMap<>();
        java.util.function.BiFunction<List<Petition>, java.util.function.Function<Petition, String>, Object> by =
                (list, key) -> {
                    java.util.Map<String, Object> c = new java.util.TreeMap<>();
                    list.forEach(p -> c.merge(key.apply(p), 1L, (a, b) -> (Long) a + (Long) b));
                    return c;
                };
        m.put("total", (long) all.size());
        m.put("byKind", by.apply(all, p -> p.kind().name()));
        m.put("byStatus", by.apply(all, p -> p.status().name()));
        m.put("byChannel", by.apply(all, p -> p.channel().name()));
        m.put("byMonth", by.apply(all, p -> p.receivedAt().toString().substring(0, 7)));
        m.put("byUnit", by.apply(all, Petition::owner));
        m.put("massVisits", all.stream().filter(p -> p.headcount() >= 5).count());
        m.put("repeats", all.stream().filter(p -> p.timeline().stream().anyMatch(e -> e.type() == EventType.LINKED)).count());
        m.put("supervised", all.stream().filter(p -> p.timeline().stream().anyMatch(e -> e.type() == EventType.SUPERVISED))
                .count());
        m.put("major", all.stream().filter(p -> p.timeline().stream().anyMatch(e -> e.type() == EventType.MAJOR_FLAGGED))
                .count());
        m.put("overdue", all.stream().filter(p -> atDistrict.activeDeadline(p).map(d -> d.due().isBefore(today))
                .orElse(false)).count());
        java.util.Map<String, Object> onTime = new java.util.TreeMap<>();
        for (Step step : Step.values()) {
            long met = 0;
            long missed = 0;
            for (Petition p : all) {
                for (Deadline d : atDistrict.deadlines(p)) {
                    met += d.step() == step && d.state() == Deadline.State.MET ? 1 : 0;
                    missed += d.step() == step && d.state() == Deadline.State.MISSED ? 1 : 0;
                }
            }
            if (step.party() == Step.Party.ORGAN && met + missed > 0) {
                java.util.Map<String, Object> c = new java.util.TreeMap<>();
                c.put("met", met);
                c.put("missed", missed);
                c.put("rate", Math.round(met * 10000.0 / (met + missed)) / 10000.0);
                onTime.put(step.name(), c);
            }
        }
        m.put("onTime", onTime);
        return m;
    }

    /** Every figure opens the cases behind it: the list has exactly as many cases as the figure counts. */
    @Test
    void everyFigureListsTheCasesItCounts() {
        for (Status status : List.of(Status.REGISTERED, Status.TRIAGED, Status.ACCEPTED, Status.DECIDED, Status.REPLIED,
                Status.NOT_ACCEPTED)) {
            caseIn(status);
        }
        LocalDate received = LocalDate.ofInstant(NOW.minusSeconds(86_400 * 3), Deadlines.ZONE).minusDays(3);
        LocalDate from = received.minusDays(1);
        LocalDate to = received.plusDays(1);
        java.util.Map<String, Object> s = atDistrict.statistics(from, to, null);
        int checked = 0;
        for (String dimension : List.of("byKind", "byStatus", "byChannel", "byCategory", "byMonth", "byUnit")) {
            String figure = Character.toLowerCase(dimension.charAt(2)) + dimension.substring(3);
            @SuppressWarnings("unchecked")
            java.util.Map<String, Long> counts = (java.util.Map<String, Long>) s.get(dimension);
            for (var e : counts.entrySet()) {
                var page = atDistrict.statisticsCases(from, to, null, null, figure, e.getKey(), 0, 200);
                assertEquals(e.getValue().longValue(), page.total(), figure + " " + e.getKey());
                assertEquals(page.total(), page.items().size());
                checked++;
            }
        }
        assertTrue(checked >= 8, "figures checked: " + checked);
        @SuppressWarnings("unchecked")
        java.util.Map<String, java.util.Map<String, Object>> onTime = (java.util.Map<String, java.util.Map<String, Object>>) s
                .get("onTime");
        for (var e : onTime.entrySet()) {
            assertEquals(((Number) e.getValue().get("met")).longValue(),
                    atDistrict.statisticsCases(from, to, null, null, "onTime", e.getKey() + ":met", 0, 200).total(), e.getKey());
        }
        assertEquals(((Number) s.get("total")).longValue(), atDistrict.statisticsCases(from, to, null, null, "total", null, 0, 2)
                .total());
        assertEquals(2, atDistrict.statisticsCases(from, to, null, null, "total", null, 0, 2).items().size(), "a page at a time");
        assertEquals(((Number) s.get("overdue")).longValue(),
                atDistrict.statisticsCases(from, to, null, null, "overdue", null, 0, 200).total());
        assertEquals("figure", assertThrows(ValidationException.class,
                () -> atDistrict.statisticsCases(from, to, null, null, "colour", "red", 0, 10)).field());
        assertEquals("key", assertThrows(ValidationException.class,
                () -> atDistrict.statisticsCases(from, to, null, null, "onTime", "NOTICE", 0, 10)).field());
        assertEquals("limit", assertThrows(ValidationException.class,
                () -> atDistrict.statisticsCases(from, to, null, null, "total", null, 0, 0)).field());
    }
}
