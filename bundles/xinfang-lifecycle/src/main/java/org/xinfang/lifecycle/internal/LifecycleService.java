package org.xinfang.lifecycle.internal;

import static org.xinfang.petition.StaffRoles.CLERK;
import static org.xinfang.petition.StaffRoles.HANDLER;
import static org.xinfang.petition.StaffRoles.HEAD;
import static org.xinfang.petition.StaffRoles.LEADER;
import static org.xinfang.petition.StaffRoles.SUPERVISOR;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.lifecycle.Action;
import org.xinfang.lifecycle.ActionInput;
import org.xinfang.petition.Actor;
import org.xinfang.lifecycle.CaseService;
import org.xinfang.lifecycle.ForbiddenActionException;
import org.xinfang.lifecycle.IllegalTransitionException;
import org.xinfang.node.NodeInfo;
import org.xinfang.node.NodeService;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.Documents;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.NewEvent;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionStore;
import org.xinfang.petition.Status;
import org.xinfang.petition.ValidationException;
import org.xinfang.petition.VersionConflictException;
import org.xinfang.rules.Authority;
import org.xinfang.rules.FactStore;
import org.xinfang.rules.CaseFact;
import org.xinfang.rules.CaseState;
import org.xinfang.rules.Deadline;
import org.xinfang.rules.Deadlines;
import org.xinfang.rules.Holders;
import org.xinfang.rules.Periods;
import org.xinfang.petition.Step;

/** The procedure of R2022 after registration, on the cases this node holds. */
public final class LifecycleService implements CaseService {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleService.class);

    /** The petition office's staff who triage. */
    static final Set<String> OFFICE = Set.of(CLERK, HEAD, LEADER);
    /** Staff of the unit that handles the case. */
    static final Set<String> HANDLERS = Set.of(CLERK, HANDLER, HEAD);
    /** Who records that a document reached the petitioner: the office's or the handling unit's staff. */
    static final Set<String> DELIVERERS = Set.of(CLERK, HANDLER, HEAD, LEADER);
    /** Leaders (包案). */
    static final Set<String> LEADERS = Set.of(LEADER);
    /** Everyone on the staff (a major matter is everyone's to report and to read). */
    static final Set<String> STAFF = Set.of(CLERK, HANDLER, HEAD, LEADER, SUPERVISOR);
    /** Who supervises (督查督办). */
    static final Set<String> SUPERVISORS = Set.of(SUPERVISOR, LEADER, HEAD);
    /** Who signs off and approves: the unit head (签批). */
    static final Set<String> HEADS = Set.of(HEAD);
    /** The states in which a unit's own case waits on the unit itself (the home page's first counts). */
    private static final Set<Status> WAITING_HERE = EnumSet.of(Status.REGISTERED, Status.OBJECTED, Status.TRIAGED,
            Status.ACCEPTED);

    private final FactStore store;
    private final NodeService node;
    private final Clock clock;

    /** Days a supervised organ has to answer in writing (R2005 Art. 36; configurable). */
    private final int supervisionAnswerDays;
    /** The node's way up, when it has one: a major matter is pushed at once. */
    private final List<org.xinfang.sync.Outbound> outbound;

    public LifecycleService(FactStore store, NodeService node) {
        this(store, node, Step.SUPERVISION.length());
    }

    /** @param supervisionAnswerDays the term a supervision notice gives for the written answer */
    public LifecycleService(FactStore store, NodeService node, int supervisionAnswerDays) {
        this(store, node, Clock.system(Deadlines.ZONE), supervisionAnswerDays, List.of());
    }

    /** @param outbound the node's way up (none at the top): a major matter is pushed at once */
    public LifecycleService(FactStore store, NodeService node, int supervisionAnswerDays,
            List<org.xinfang.sync.Outbound> outbound) {
        this(store, node, Clock.system(Deadlines.ZONE), supervisionAnswerDays, outbound);
    }

    LifecycleService(FactStore store, NodeService node, Clock clock) {
        this(store, node, clock, Step.SUPERVISION.length());
    }

    LifecycleService(FactStore store, NodeService node, Clock clock, int supervisionAnswerDays) {
        this(store, node, clock, supervisionAnswerDays, List.of());
    }

    LifecycleService(FactStore store, NodeService node, Clock clock, int supervisionAnswerDays,
            List<org.xinfang.sync.Outbound> outbound) {
        if (supervisionAnswerDays < 1 || supervisionAnswerDays > 365) {
            throw new IllegalArgumentException("supervision.answer.days must be 1 to 365, not " + supervisionAnswerDays);
        }
        this.store = store;
        this.node = node;
        this.clock = clock;
        this.supervisionAnswerDays = supervisionAnswerDays;
        this.outbound = outbound;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Deadlines.ZONE));
    }

    @Override
    public Petition act(String id, Action action, ActionInput given, Actor actor) {
        ActionInput in = given == null ? ActionInput.none() : given;
        NodeInfo self = node.info();
        String here = self.unit().code();
        Petition p = store.get(id).orElseThrow(
                () -> new NotFoundException("未找到编号为 " + id + " 的信访事项 / no petition with id " + id));
        if (in.version() != null && in.version() != p.version()) {
            // the person chose the step on a page that is out of date: someone acted since
            throw new VersionConflictException(id, in.version(), p.version());
        }
        CaseState state = CaseState.of(p);
        Authority.checkStage(state, action.eventType());
        checkRole(action, actor);
        Authority.checkUnit(state, action.eventType(), here, node.units());
        Attributes attrs = attributes(action, in, p);
        // a request is in time if the petitioner filed it in time, whenever it is typed in
        checkWindow(p, action, attrs.has(Attr.FILED_ON) ? attrs.get(Attr.FILED_ON) : today());
        String note = action == Action.MEDIATE && in.agreement() == null ? null : in.note();
        NewEvent event = new NewEvent(action.eventType(), actor.person(), here, self.nodeId(), clock.instant(), attrs,
                note);
        Authority.checkFacts(state, event, node.units());
        Petition after = record(p, state, event);
        LOG.info("petition {}: {} by {} at {}", id, action, actor.user(), here);
        if (action == Action.FLAG_MAJOR || action == Action.ACKNOWLEDGE_MAJOR) {
            sendNow(); // R2022 Art. 25: reported up at once, not at the next scheduled sync
        }
        return after;
    }

    private void sendNow() {
        for (org.xinfang.sync.Outbound up : outbound) {
            try {
                up.sendNow();
            } catch (RuntimeException e) {
                LOG.warn("could not start the upward sync at once; it runs at its next interval", e);
            }
        }
    }

    /** Records the event against the version it was checked on; the holders of a copy get the case. */
    private Petition record(Petition p, CaseState state, NewEvent event) {
        CaseState after = state.next(event.recorded(p.version() + 1, "pending"));
        return store.append(p.id(), p.version(), event, Holders.of(after, node.info().unit().code(), node.units()));
    }

    /** The typed facts a step records, from what the person entered; an error names the input field. */
    private Attributes attributes(Action action, ActionInput in, Petition p) {
        Attributes.Builder b = Attributes.builder();
        switch (action) {
            case REDIRECT -> {
                required(b, Attr.CHANNEL, in.channel(), "channel");
                required(b, Attr.REASON, in.reason(), "reason");
            }
            case NOT_ACCEPT, OBJECT, DECLINE_OBJECTION -> required(b, Attr.REASON, in.reason(), "reason");
            case LINK -> {
                String target = Attr.LINK_TO.parse(in.linkTo(), "linkTo");
                checkLink(p, target);
                b.put(Attr.LINK_TO, target);
            }
            case EXTEND -> {
                required(b, Attr.DAYS, in.days(), "days");
                required(b, Attr.REASON, in.reason(), "reason");
            }
            case DECIDE, REVIEW, REREVIEW -> {
                required(b, Attr.REQUEST, in.request(), "request");
                required(b, Attr.FACTS, in.facts(), "facts");
                if (action == Action.DECIDE) {
                    required(b, Attr.OUTCOME, in.decision(), "decision");
                } else {
                    // a review judges the opinion under review: uphold, vary or revoke (R2022 Art. 35, 36)
                    required(b, Attr.RESULT, in.result(), "result");
                }
                required(b, Attr.BASIS, in.basis(), "basis");
                if (!Boolean.TRUE.equals(in.signOff())) {
                    throw new ValidationException("signOff", "required",
                            "处理意见须经单位负责人签批 / the unit head must sign the decision off");
                }
            }
            case MEDIATE -> required(b, Attr.AGREEMENT, in.agreement() != null ? in.agreement() : in.note(),
                    in.agreement() != null ? "agreement" : "note");
            case REQUEST_REVIEW, REQUEST_REREVIEW -> {
                required(b, Attr.REASON, in.reason(), "reason");
                if (in.filedOn() != null && !in.filedOn().isBlank()) {
                    required(b, Attr.FILED_ON, in.filedOn(), "filedOn");
                }
            }
            case REPLY -> {
                required(b, Attr.ADOPTION, in.result(), "result");
                required(b, Attr.REPLY, in.answer(), "answer");
            }
            case DELIVER -> {
                required(b, Attr.DOCUMENT, in.document(), "document");
                required(b, Attr.DELIVERED_ON, in.deliveredOn(), "deliveredOn");
                required(b, Attr.WAY, in.way(), "way");
            }
            case ANSWER_SUPERVISION -> required(b, Attr.ANSWER, in.answer() != null ? in.answer() : in.reason(),
                    in.answer() != null ? "answer" : "reason");
            case TAKE_CASE -> {
                fields(b, in, Attr.MEASURES, Attr.RESPONSIBLE_UNIT);
                notBefore(b, Attr.TARGET_DATE, in, today());
            }
            case LEADER_PROGRESS -> fields(b, in, Attr.PROGRESS);
            case LEADER_CLOSE -> fields(b, in, Attr.SUMMARY);
            case SCHEDULE_HEARING -> {
                notBefore(b, Attr.HEARING_ON, in, today());
                fields(b, in, Attr.PLACE, Attr.CHAIR, Attr.PANEL, Attr.OPENNESS);
                optional(b, in, Attr.PETITIONER_SIDE, Attr.UNIT_SIDE);
            }
            case RECORD_HEARING -> fields(b, in, Attr.ATTENDANCE, Attr.RECORD, Attr.OPINION);
            case FLAG_MAJOR -> required(b, Attr.REASON, in.reason(), "reason");
            case OPEN_RESPONSE -> fields(b, in, Attr.RESPONSE, Attr.MEMBERS);
            case RECORD_MEETING -> {
                fields(b, in, Attr.ATTENDANCE, Attr.DECISIONS);
                LocalDate on = Attr.MEETING_ON.parse(in.field("meetingOn"), "meetingOn");
                if (on.isAfter(today())) {
                    throw new ValidationException("meetingOn", "in_future", "会议日期不能晚于今天 / a meeting is recorded"
                            + " once held");
                }
                b.put(Attr.MEETING_ON, on);
            }
            case CLOSE_RESPONSE -> fields(b, in, Attr.SUMMARY);
            case RETURN_ANSWER -> {
                required(b, Attr.REASON, in.reason(), "reason");
                LocalDate by = Attr.ANSWER_DUE.parse(in.field("answerBy"), "answerBy");
                if (!by.isAfter(today())) {
                    throw new ValidationException("answerBy", "not_future", "答复期限须晚于今天 / the answer-by day must be"
                            + " after today");
                }
                b.put(Attr.ANSWER_DUE, by);
            }
            case ACCEPT, START_HEARING, END_HEARING, TERMINATE, ACKNOWLEDGE_MAJOR, ACCEPT_ANSWER -> {
                // the type says it all; a note may go with it
            }
            default -> throw new IllegalStateException("unhandled action " + action);
        }
        return b.build();
    }

    /**
     * The steps a period bounds: a review or re-review is asked within its 30 days (R2022 Art. 35, 36); an
     * extension is approved before the handling period ends (R2022 Art. 34), not after it lapsed.
     */
    private void checkWindow(Petition p, Action action, LocalDate asOf) {
        Step window = switch (action) {
            case REQUEST_REVIEW -> Step.REVIEW_REQUEST;
            case REQUEST_REREVIEW -> Step.REREVIEW_REQUEST;
            case EXTEND -> Step.HANDLING;
            case OBJECT -> Step.OBJECTION; // R2022 Art. 23(3): within 5 working days of receipt
            default -> null;
        };
        if (window == null) {
            return;
        }
        Deadline d = deadlines(p).stream().filter(x -> x.step() == window).findFirst().orElse(null);
        if (action == Action.OBJECT && d != null && d.metOn() != null) {
            throw new IllegalTransitionException(p.status(), action, "本单位已对这次交办提出过异议，交办机关不同意，不能再次异议"
                    + " / this unit objected to this assignment once and the assigning office declined");
        }
        if (d != null && asOf.isAfter(d.due())) {
            throw new IllegalTransitionException(p.status(), action, action == Action.EXTEND
                    ? "办理期限已于" + d.due() + "届满，不能再延长；延长须在期限届满前批准（" + window.article() + "） / the"
                            + " handling period lapsed on " + d.due() + ": an extension is approved before it ends"
                    : action == Action.OBJECT
                    ? "提出异议的期限已于" + d.due() + "届满（5个工作日，" + window.article() + "） / the 5 working days to object"
                            + " ended on " + d.due()
                    : "申请期限已于" + d.due() + "届满（" + window.article() + "） / the 30-day window closed on " + d.due());
        }
    }

    private static void required(Attributes.Builder b, Attr<?> attr, Object value, String field) {
        b.parse(attr, attr.parse(value, field), field);
    }

    /** Attributes given under their own names, each required. */
    private static void fields(Attributes.Builder b, ActionInput in, Attr<?>... attrs) {
        for (Attr<?> a : attrs) {
            required(b, a, in.field(a.name()), a.name());
        }
    }

    /** Attributes given under their own names, when given. */
    private static void optional(Attributes.Builder b, ActionInput in, Attr<?>... attrs) {
        for (Attr<?> a : attrs) {
            Object v = in.field(a.name());
            if (v != null && !(v instanceof String s && s.isBlank())) {
                required(b, a, v, a.name());
            }
        }
    }

    /** A date given under its own name, not before {@code first}. */
    private static void notBefore(Attributes.Builder b, Attr<LocalDate> attr, ActionInput in, LocalDate first) {
        LocalDate day = attr.parse(in.field(attr.name()), attr.name());
        if (day.isBefore(first)) {
            throw new ValidationException(attr.name(), "in_past", attr.label() + "不能早于今天 / cannot be before today");
        }
        b.put(attr, day);
    }

    @Override
    public List<Action> allowedActions(Petition p, Actor actor) {
        String here = node.info().unit().code();
        CaseState state = CaseState.of(p);
        List<Action> allowed = new ArrayList<>();
        for (Action action : Action.values()) {
            try {
                Authority.checkStage(state, action.eventType());
                checkWindow(p, action, today());
                checkRole(action, actor);
                Authority.checkUnit(state, action.eventType(), here, node.units());
                allowed.add(action);
            } catch (IllegalTransitionException | ForbiddenActionException notNow) {
                // the same checks act() makes: not allowed now
            }
        }
        return allowed;
    }

    /**
     * R2022 Art. 19: a matter already accepted and within its time limits is not accepted again. The
     * case linked to must be held here, share a petitioner, be accepted and have no missed clock.
     */
    private void checkLink(Petition repeat, String targetId) {
        Petition target = store.get(targetId).orElseThrow(() -> new ValidationException("linkTo", "unknown_case",
                "未找到编号为 " + targetId + " 的信访事项 / no case " + targetId + " here"));
        java.util.Set<String> people = new java.util.HashSet<>();
        repeat.petitioners().forEach(x -> people.add(x.idNumber()));
        people.remove(null);
        boolean samePerson = target.petitioners().stream().anyMatch(x -> people.contains(x.idNumber()));
        if (target.id().equals(repeat.id()) || !samePerson) {
            throw new ValidationException("linkTo", "not_same_petitioner",
                    "只能并入同一信访人的信访事项 / only a case of the same petitioner can be linked");
        }
        boolean accepted = java.util.EnumSet.of(Status.ACCEPTED, Status.DECIDED, Status.REVIEW_REQUESTED,
                Status.REVIEWED, Status.REREVIEW_REQUESTED).contains(target.status());
        boolean inTime = deadlines(target).stream().noneMatch(d -> d.step().party() == Step.Party.ORGAN
                && d.metOn() == null && d.state() == Deadline.State.MISSED);
        if (!accepted || !inTime) {
            throw new ValidationException("linkTo", "not_open_in_time", "被并入的事项须已受理且在办理期限内（《信访工作条例》"
                    + "第十九条） / the case linked to must be accepted and within its time limits (R2022 Art. 19)");
        }
    }

    @Override
    public List<String> superviseOverdue(Actor actor) {
        if (!actor.hasAny(SUPERVISORS)) {
            throw new ForbiddenActionException("督办需要督查、领导或负责人角色 / supervision needs the supervisor, leader or"
                    + " head role");
        }
        NodeInfo self = node.info();
        String here = self.unit().code();
        List<String> supervised = new ArrayList<>();
        // only a case whose clock lapsed can be supervised: found by the due day kept with each case (indexed),
        // not by counting the clocks of every open case; their clocks are then counted as always
        for (Petition p : byFacts(store.factsDue(null, today().minusDays(1)), null)) {
            CaseState state = CaseState.of(p);
            if (!state.open() || p.owner().equals(here) || !node.units().isWithin(p.owner(), here)) {
                continue; // 督办 comes from the level above the owner
            }
            Deadline d = activeDeadline(p).orElse(null);
            if (d == null || d.daysRemaining() >= 0 || d.step() == Step.SUPERVISION || state.openSupervision() != null
                    || state.supervisedLapses().contains(d.step() + "@" + d.due())) {
                continue; // nothing lapsed, or this lapse was supervised once already
            }
            Attributes.Builder b = Attributes.builder().put(Attr.CLOCK, d.step()).put(Attr.DUE, d.due())
                    .put(Attr.ANSWER_DUE, Periods.calendarDays(today(), supervisionAnswerDays, node.calendar()));
            String answerable = answerable(p, d.step());
            if (!answerable.equals(p.owner())) {
                b.put(Attr.SUPERVISED_UNIT, answerable);
            }
            Attributes attrs = b.build();
            NewEvent event = new NewEvent(EventType.SUPERVISED, actor.person(), here, self.nodeId(), clock.instant(), attrs,
                    null);
            try {
                Authority.check(state, event, node.units());
                record(p, state, event);
            } catch (VersionConflictException | IllegalTransitionException | ForbiddenActionException
                    | ValidationException moved) {
                LOG.info("petition {} not supervised: {}", p.id(), moved.getMessage());
                continue;
            }
            supervised.add(p.id());
            LOG.info("petition {} supervised: {} overdue since {}", p.id(), d.step(), d.due());
        }
        return supervised;
    }

    /**
     * The unit that can act on a lapsed clock: the owner, except a case nobody routed that waits with a unit
     * that is no organ and has none below it (a village committee records a matter; the office above routes
     * it): then the unit above it.
     */
    private String answerable(Petition p, Step lapsed) {
        String owner = p.owner();
        if (lapsed == Step.TRIAGE && !node.units().competent(owner) && node.units().children(owner).isEmpty()) {
            return node.units().get(owner).map(org.xinfang.node.Unit::parent).filter(x -> x != null && !x.isBlank())
                    .orElse(owner);
        }
        return owner;
    }

    @Override
    public Petition supervise(String id, String instructions, String answerBy, boolean listed, Integer version,
            Actor actor) {
        if (!actor.hasAny(SUPERVISORS)) {
            throw new ForbiddenActionException("督办需要督查、领导或负责人角色 / supervision needs the supervisor, leader or"
                    + " head role");
        }
        Petition p = store.get(id).orElseThrow(
                () -> new NotFoundException("未找到编号为 " + id + " 的信访事项 / no petition with id " + id));
        if (version != null && version != p.version()) {
            throw new VersionConflictException(id, version, p.version());
        }
        Attributes.Builder b = Attributes.builder();
        required(b, Attr.INSTRUCTIONS, instructions, "instructions");
        LocalDate by = Attr.ANSWER_DUE.parse(answerBy, "answerBy");
        if (!by.isAfter(today())) {
            throw new ValidationException("answerBy", "not_future", "答复期限须晚于今天 / the answer-by day must be after"
                    + " today");
        }
        b.put(Attr.ANSWER_DUE, by).put(Attr.LISTING, listed ? org.xinfang.petition.Listing.LISTED
                : org.xinfang.petition.Listing.ORDINARY);
        NodeInfo self = node.info();
        NewEvent event = new NewEvent(EventType.SUPERVISED, actor.person(), self.unit().code(), self.nodeId(),
                clock.instant(), b.build(), null);
        CaseState state = CaseState.of(p);
        Authority.check(state, event, node.units());
        Petition after = record(p, state, event);
        LOG.info("petition {} supervised by hand ({}) by {}", id, listed ? "listed" : "ordinary", actor.user());
        return after;
    }

    @Override
    public boolean maySupervise(Petition p, Actor actor) {
        if (!actor.hasAny(SUPERVISORS)) {
            return false;
        }
        CaseState state = CaseState.of(p);
        String here = node.info().unit().code();
        try {
            // the checks supervise() makes before the input: stage, unit above the owner (Authority.checkFacts)
            Authority.checkStage(state, EventType.SUPERVISED);
            Authority.checkUnit(state, EventType.SUPERVISED, here, node.units());
        } catch (IllegalTransitionException | ForbiddenActionException notNow) {
            return false;
        }
        return node.units().isBelow(p.owner(), here);
    }

    @Override
    public List<LeaderCase> leaderCases(String filter, String leader) {
        String f = filter == null || filter.isBlank() ? "open" : filter.strip().toLowerCase(Locale.ROOT);
        if (!Set.of("open", "overdue", "closed", "all").contains(f)) {
            throw new ValidationException("filter", "invalid_value",
                    "取值无效，可选：open, overdue, closed, all / must be open, overdue, closed or all");
        }
        String here = node.info().unit().code();
        List<LeaderCase> list = new ArrayList<>();
        for (Petition p : store.wholeWithEvent(EventType.LEADER_TOOK)) {
            Event taken = null;
            Event closed = null;
            int entries = 0;
            LocalDate last = null;
            for (Event e : p.timeline()) {
                switch (e.type()) {
                    case LEADER_TOOK -> {
                        taken = e;
                        closed = null;
                        entries = 0;
                        last = null;
                    }
                    case LEADER_PROGRESS -> {
                        entries++;
                        last = LocalDate.ofInstant(e.at(), Deadlines.ZONE);
                    }
                    case LEADER_CLOSED -> closed = e;
                    default -> {
                        // not the 包案's
                    }
                }
            }
            if (taken == null || !node.units().isWithin(taken.unit(), here)
                    || leader != null && !leader.equals(taken.actor().login())) {
                continue;
            }
            LocalDate target = taken.attrs().get(Attr.TARGET_DATE);
            boolean overdue = closed == null && today().isAfter(target);
            boolean keep = switch (f) {
                case "overdue" -> overdue;
                case "closed" -> closed != null;
                case "all" -> true;
                default -> closed == null;
            };
            if (keep) {
                list.add(new LeaderCase(p.id(), listSubject(p), p.owner(), p.status().name(), taken.actor(), taken.unit(),
                        taken.attrs().get(Attr.MEASURES), target, taken.attrs().get(Attr.RESPONSIBLE_UNIT),
                        LocalDate.ofInstant(taken.at(), Deadlines.ZONE), entries, last,
                        closed == null ? null : LocalDate.ofInstant(closed.at(), Deadlines.ZONE), overdue));
            }
        }
        list.sort(Comparator.comparing(LeaderCase::targetDate).thenComparing(LeaderCase::id));
        return list;
    }

    @Override
    public Workload workload(Actor actor) {
        String here = node.info().unit().code();
        int unrouted = 0;
        int returned = 0;
        int toAccept = 0;
        int toDecide = 0;
        int dueThisWeek = 0;
        int overdue = 0;
        int toAnswer = 0;
        int overdueBelow = 0;
        // the cases that can count, found by index instead of reading every case not closed (most of a district's
        // register): those with a clock running (an unanswered supervision runs one too) and this unit's own
        // cases waiting to be routed, accepted or decided
        java.util.Map<String, Petition> counted = new java.util.LinkedHashMap<>();
        running(null).forEach(p -> counted.put(p.id(), p));
        store.wholeOwned(here, WAITING_HERE).forEach(p -> counted.putIfAbsent(p.id(), p));
        for (Petition p : counted.values()) {
            if (p.status().closed()) {
                continue;
            }
            CaseState s = CaseState.of(p);
            boolean mine = here.equals(s.owner());
            if (mine && s.status() == Status.REGISTERED) {
                unrouted++;
            }
            if (mine && s.status() == Status.OBJECTED) {
                returned++;
            }
            if (mine && (s.status() == Status.TRIAGED || s.status() == Status.REGISTERED && node.units().competent(here))) {
                toAccept++;
            }
            if (mine && s.status() == Status.ACCEPTED) {
                toDecide++;
            }
            if (s.openSupervision() != null && !s.supervisionAnswered() && here.equals(s.supervisedUnit())) {
                toAnswer++;
            }
            Deadline d = activeDeadline(p).orElse(null);
            if (d != null && mine) {
                if (d.daysRemaining() < 0) {
                    overdue++;
                } else if (d.daysRemaining() <= 7) {
                    dueThisWeek++;
                }
            } else if (d != null && d.daysRemaining() < 0 && node.units().isBelow(s.owner(), here)) {
                overdueBelow++;
            }
        }
        List<LeaderCase> mineLed = leaderCases("open", actor.user());
        List<Supervision> open = supervisions(true);
        return new Workload(unrouted, returned, toAccept, toDecide, dueThisWeek, overdue, toAnswer, mineLed.size(),
                (int) mineLed.stream().filter(LeaderCase::overdue).count(), alerts().size(),
                (int) open.stream().filter(x -> x.listed() && here.equals(x.raisedBy())).count(),
                (int) open.stream().filter(x -> "answered".equals(x.state()) && here.equals(x.raisedBy())).count(),
                overdueBelow);
    }

    /** The managed list of problem categories the statistics count by (the shipped list until one is set). */
    private volatile org.xinfang.reference.CategoryService categories;

    /** Blueprint: the node's list of problem categories. */
    public void setCategories(org.xinfang.reference.CategoryService categories) {
        this.categories = categories;
    }

    private org.xinfang.reference.CategoryList categoryList() {
        org.xinfang.reference.CategoryService c = categories;
        return c == null ? SHIPPED_CATEGORIES : c.list();
    }

    /** Used where no category service is wired (unit tests): every category counts as unmapped but blanks. */
    private static final org.xinfang.reference.CategoryList SHIPPED_CATEGORIES = new org.xinfang.reference.CategoryList(0,
            List.of(new org.xinfang.reference.Category("其他", "Other", List.of(), true)));

    /** Checks a statistics period and unit: what every figure and its list of cases take. */
    private void checkPeriod(LocalDate from, LocalDate to, String unit) {
        if (from == null || to == null) {
            throw new ValidationException(from == null ? "from" : "to", "required", "请指定统计期间 / the period is required");
        }
        if (to.isBefore(from)) {
            throw new ValidationException("to", "before_from", "截止日期不能早于起始日期 / to is before from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw new ValidationException("to", "too_long", "统计期间不能超过5年 / at most 5 years");
        }
        String here = node.info().unit().code();
        if (unit != null && (node.units().get(unit).isEmpty() || !node.units().isWithin(unit, here))) {
            throw new ValidationException("unit", "unknown_unit", "本节点辖区内没有这个单位 / no such unit in this node's"
                    + " subtree");
        }
    }

    /**
     * Hands {@code each} the facts of the cases a statistic counts: received in the period, held here, within
     * {@code unit} when given (owned or registered there). One narrow row per case, streamed from the store.
     */
    private void eachCounted(LocalDate from, LocalDate to, String unit, java.util.function.Consumer<CaseFact> each) {
        checkPeriod(from, to, unit);
        store.eachFact(from, to, f -> {
            if (unit == null || node.units().isWithin(f.owner(), unit) || node.units().isWithin(f.registeredBy(), unit)) {
                each.accept(f);
            }
        });
    }

    /**
     * Whether a case is counted in a figure: the one definition behind both the number shown and the list of
     * cases it opens, so the two always agree. {@code figure} names the figure ({@code kind}, {@code status},
     * {@code channel}, {@code category}, {@code month}, {@code unit}, {@code massVisits}, {@code repeats},
     * {@code supervised}, {@code major}, {@code overdue}, {@code onTime}, {@code satisfaction}, {@code total})
     * and {@code key} the item within it ({@code CLAIM}; {@code 2026-11}; {@code HANDLING:missed}; ...).
     */
    private java.util.function.Predicate<CaseFact> figure(String figure, String key,
            org.xinfang.reference.CategoryList list, LocalDate today) {
        String k = key == null ? "" : key.strip();
        return switch (figure == null ? "" : figure.strip()) {
            case "total" -> f -> true;
            case "kind" -> f -> f.kind().name().equals(k);
            case "status" -> f -> f.status().name().equals(k);
            case "channel" -> f -> f.channel().name().equals(k);
            case "category" -> f -> list.countedAs(f.category()).equals(k);
            case "month" -> f -> k.length() == 7 && f.receivedOn().toString().startsWith(k + "-");
            case "unit" -> f -> f.owner().equals(k);
            case "massVisits" -> CaseFact::massVisit;
            case "repeats" -> CaseFact::repeated;
            case "supervised" -> CaseFact::supervised;
            case "major" -> CaseFact::major;
            case "overdue" -> f -> f.overdue(today);
            case "onTime" -> {
                String[] parts = k.split(":");
                Step step = parts.length == 2 ? stepOrNull(parts[0]) : null;
                if (step == null || !(parts[1].equals("met") || parts[1].equals("missed"))) {
                    throw new ValidationException("key", "invalid_value", "应为 期限:met 或 期限:missed / must be"
                            + " STEP:met or STEP:missed");
                }
                yield parts[1].equals("met") ? f -> f.met(step) : f -> f.missed(step, today);
            }
            case "satisfaction" -> f -> k.equals(f.rating());
            default -> throw new ValidationException("figure", "invalid_value", "没有这项统计 / no such figure: " + figure);
        };
    }

    private static Step stepOrNull(String name) {
        for (Step s : Step.values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    @Override
    public org.xinfang.petition.Page<Petition> statisticsCases(LocalDate from, LocalDate to, String unit, String owner,
            String figure, String key, int offset, int limit) {
        if (offset < 0) {
            throw new ValidationException("offset", "out_of_range", "不能为负数 / must not be negative");
        }
        if (limit < 1 || limit > org.xinfang.petition.PetitionQuery.MAX_LIMIT) {
            throw new ValidationException("limit", "out_of_range", "应在1到200之间 / must be between 1 and 200");
        }
        java.util.function.Predicate<CaseFact> in = figure(figure, key, categoryList(), today());
        String ownedBy = owner == null || owner.isBlank() ? null : owner.strip();
        // only the matches' day and id are held while counting: a figure of a million cases stays small
        record Match(LocalDate receivedOn, String id) {
        }
        List<Match> all = new ArrayList<>();
        eachCounted(from, to, unit, f -> {
            if (in.test(f) && (ownedBy == null || f.owner().equals(ownedBy))) {
                all.add(new Match(f.receivedOn(), f.id()));
            }
        });
        all.sort(Comparator.comparing(Match::receivedOn).reversed().thenComparing(Match::id));
        List<String> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size())).stream()
                .map(Match::id).toList();
        return new org.xinfang.petition.Page<>(store.wholeByIds(page), all.size(), offset, limit);
    }

    @Override
    public java.util.Map<String, java.util.Map<String, Long>> figuresByOwner(LocalDate from, LocalDate to) {
        LocalDate today = today();
        java.util.Map<String, java.util.Map<String, Long>> byOwner = new java.util.TreeMap<>();
        eachCounted(from, to, null, c -> {
            java.util.Map<String, Long> f = byOwner.computeIfAbsent(c.owner(), k -> new java.util.TreeMap<>());
            f.merge("total", 1L, Long::sum);
            for (Step step : List.of(Step.NOTICE, Step.HANDLING, Step.SUPERVISION)) {
                if (c.met(step)) {
                    f.merge(step.name() + "." + Deadline.State.MET.json(), 1L, Long::sum);
                } else if (c.missed(step, today)) {
                    f.merge(step.name() + "." + Deadline.State.MISSED.json(), 1L, Long::sum);
                }
            }
            if (c.repeated()) {
                f.merge("repeats", 1L, Long::sum);
            }
            if (c.rating() != null) {
                f.merge("rated", 1L, Long::sum);
                if (c.rating().equals("SATISFIED") || c.rating().equals("BASICALLY_SATISFIED")) {
                    f.merge("satisfied", 1L, Long::sum);
                }
            }
        });
        return byOwner;
    }

    @Override
    public java.util.Map<String, Long> receivedByMonth(LocalDate from, LocalDate to, String unit) {
        java.util.Map<String, Long> byMonth = new java.util.TreeMap<>();
        if (unit == null) {
            checkPeriod(from, to, null);
            // the whole node: counted from the index of the day of receipt alone
            store.receivedPerDay(from, to).forEach((day, n) -> byMonth.merge(day.toString().substring(0, 7), n,
                    Long::sum));
        } else {
            eachCounted(from, to, unit, f -> byMonth.merge(f.receivedOn().toString().substring(0, 7), 1L, Long::sum));
        }
        return byMonth;
    }

    @Override
    public java.util.Map<String, Object> statistics(LocalDate from, LocalDate to, String unit) {
        org.xinfang.reference.CategoryList list = categoryList();
        LocalDate today = today();
        List<Step> organ = CaseFact.organSteps();
        long[] total = new long[1];
        long[] flags = new long[5]; // mass visits, repeats, supervised, major, overdue
        java.util.Map<String, Long> byKind = new java.util.TreeMap<>();
        java.util.Map<String, Long> byStatus = new java.util.TreeMap<>();
        java.util.Map<String, Long> byChannel = new java.util.TreeMap<>();
        java.util.Map<String, Long> byRawCategory = new java.util.HashMap<>();
        java.util.Map<String, Long> byMonth = new java.util.TreeMap<>();
        java.util.Map<String, Long> byUnit = new java.util.TreeMap<>();
        java.util.Map<Step, long[]> clocks = new java.util.EnumMap<>(Step.class);
        java.util.Map<String, Long> ratings = new java.util.TreeMap<>();
        eachCounted(from, to, unit, f -> {
            total[0]++;
            byKind.merge(f.kind().name(), 1L, Long::sum);
            byStatus.merge(f.status().name(), 1L, Long::sum);
            byChannel.merge(f.channel().name(), 1L, Long::sum);
            byRawCategory.merge(f.category() == null ? "" : f.category(), 1L, Long::sum);
            byMonth.merge(f.receivedOn().toString().substring(0, 7), 1L, Long::sum);
            byUnit.merge(f.owner(), 1L, Long::sum);
            flags[0] += f.massVisit() ? 1 : 0;
            flags[1] += f.repeated() ? 1 : 0;
            flags[2] += f.supervised() ? 1 : 0;
            flags[3] += f.major() ? 1 : 0;
            flags[4] += f.overdue(today) ? 1 : 0;
            for (Step step : organ) {
                if (f.met(step)) {
                    clocks.computeIfAbsent(step, s -> new long[2])[0]++;
                } else if (f.missed(step, today)) {
                    clocks.computeIfAbsent(step, s -> new long[2])[1]++;
                }
            }
            if (f.rating() != null) {
                ratings.merge(f.rating(), 1L, Long::sum); // each case's latest rating (R2022 Art. 21)
            }
        });
        java.util.Map<String, Long> byCategory = new java.util.TreeMap<>();
        java.util.Map<String, Long> unmapped = new java.util.TreeMap<>();
        byRawCategory.forEach((raw, n) -> {
            String category = raw.isEmpty() ? null : raw;
            String counted = list.countedAs(category);
            byCategory.merge(counted, n, Long::sum);
            // the free texts registered before the list (or above a node with an older list) no entry names yet
            if (org.xinfang.reference.CategoryList.UNMAPPED.equals(counted)) {
                unmapped.merge(String.valueOf(category), n, Long::sum);
            }
        });
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("from", from.toString());
        m.put("to", to.toString());
        m.put("unit", unit);
        m.put("total", total[0]);
        m.put("byKind", byKind);
        m.put("byStatus", byStatus);
        m.put("byChannel", byChannel);
        m.put("byCategory", byCategory);
        m.put("unmappedCategories", unmapped);
        m.put("categoriesVersion", list.version());
        m.put("byMonth", byMonth);
        m.put("byUnit", byUnit);
        m.put("massVisits", flags[0]);
        m.put("repeats", flags[1]);
        m.put("repeatRate", rate(flags[1], total[0]));
        m.put("supervised", flags[2]);
        m.put("major", flags[3]);
        m.put("overdue", flags[4]);
        // on time: each organ clock that ended (met in time or not) or lapsed while still open
        java.util.Map<String, Object> onTime = new java.util.LinkedHashMap<>();
        for (Step step : organ) {
            long[] mm = clocks.get(step);
            if (mm != null && mm[0] + mm[1] > 0) {
                onTime.put(step.name(), java.util.Map.of("met", mm[0], "missed", mm[1], "rate", rate(mm[0], mm[0] + mm[1])));
            }
        }
        m.put("onTime", onTime);
        long rated = ratings.values().stream().mapToLong(Long::longValue).sum();
        long satisfied = ratings.getOrDefault("SATISFIED", 0L) + ratings.getOrDefault("BASICALLY_SATISFIED", 0L);
        java.util.Map<String, Object> satisfaction = new java.util.LinkedHashMap<>();
        satisfaction.put("byLevel", ratings);
        satisfaction.put("rated", rated);
        satisfaction.put("rate", rate(satisfied, rated)); // null when nobody rated
        m.put("satisfaction", satisfaction);
        m.put("sameTimeLastYear", receivedByMonth(from.minusYears(1), to.minusYears(1), unit).values().stream()
                .mapToLong(Long::longValue).sum());
        return m;
    }

    /** A share as a fraction with four decimals, null when there is nothing to divide. */
    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    @Override
    public List<Alert> alerts() {
        String here = node.info().unit().code();
        List<Alert> list = new ArrayList<>();
        for (Petition p : store.wholeWithEvent(EventType.MAJOR_FLAGGED)) {
            CaseState s = CaseState.of(p);
            if (s.major() == null || s.majorAcknowledgedBy().contains(here) || !node.units().isBelow(s.major().unit(), here)) {
                continue;
            }
            java.time.Instant arrived = p.timeline().stream().filter(e -> e.type() == EventType.MAJOR_RECEIVED
                    && e.unit().equals(here)).map(Event::at).findFirst().orElse(null);
            list.add(new Alert(p.id(), listSubject(p), p.owner(), s.major().attrs().get(Attr.REASON), s.major().unit(),
                    s.major().actor(), s.major().at(), arrived));
        }
        list.sort(Comparator.comparing(Alert::flaggedAt).reversed());
        return list;
    }

    @Override
    public List<Supervision> supervisions(boolean openOnly) {
        List<Supervision> list = new ArrayList<>();
        for (Petition p : store.wholeWithEvent(EventType.SUPERVISED)) {
            Event raised = null;
            Event answer = null;
            LocalDate due = null;
            for (Event e : p.timeline()) {
                switch (e.type()) {
                    case SUPERVISED -> {
                        raised = e;
                        answer = null;
                        due = e.attrs().has(Attr.ANSWER_DUE) ? e.attrs().get(Attr.ANSWER_DUE) : null;
                    }
                    case SUPERVISION_ANSWERED -> {
                        if (raised != null && !CaseState.byHand(raised)) {
                            if (!openOnly) {
                                list.add(supervision(p, raised, e, due, "closed"));
                            }
                            raised = null;
                        } else {
                            answer = e;
                        }
                    }
                    case SUPERVISION_RETURNED -> {
                        answer = null;
                        due = e.attrs().get(Attr.ANSWER_DUE);
                    }
                    case SUPERVISION_ACCEPTED -> {
                        if (raised != null && !openOnly) {
                            list.add(supervision(p, raised, answer, due, "closed"));
                        }
                        raised = null;
                        answer = null;
                    }
                    default -> {
                        // not the supervision's
                    }
                }
            }
            if (raised != null) {
                list.add(supervision(p, raised, answer, due, answer == null ? "open" : "answered"));
            }
        }
        list.sort(Comparator.comparing(Supervision::answerDue).thenComparing(Supervision::id));
        return list;
    }

    private Supervision supervision(Petition p, Event raised, Event answer, LocalDate answerDue, String state) {
        LocalDate on = LocalDate.ofInstant(raised.at(), Deadlines.ZONE);
        LocalDate due = answerDue != null ? answerDue : Periods.calendarDays(on, Step.SUPERVISION.length(), node.calendar());
        String reason = Documents.forStaff(raised, this::unitName);
        String answered = answer == null ? null
                : answer.attrs().has(Attr.ANSWER) ? answer.attrs().get(Attr.ANSWER) : answer.note();
        return new Supervision(p.id(), listSubject(p), p.owner(), p.status().name(), raised.unit(), on,
                reason == null ? raised.note() : reason, due, answer == null ? null
                        : LocalDate.ofInstant(answer.at(), Deadlines.ZONE), answered,
                raised.attrs().get(Attr.LISTING) == org.xinfang.petition.Listing.LISTED,
                raised.attrs().has(Attr.SUPERVISED_UNIT) ? raised.attrs().get(Attr.SUPERVISED_UNIT) : p.owner(), state);
    }

    private String unitName(String code) {
        return node.units().get(code).map(org.xinfang.node.Unit::name).orElse(code);
    }

    @Override
    public org.xinfang.petition.Page<CaseDeadline> overdue(int limit) {
        LocalDate yesterday = today().minusDays(1);
        List<CaseDeadline> items = new ArrayList<>();
        for (Petition p : byFacts(store.factsDue(null, yesterday, Math.max(1, limit)), null)) {
            activeDeadline(p).filter(d -> d.daysRemaining() < 0).ifPresent(d -> items.add(new CaseDeadline(p.id(),
                    listSubject(p), p.owner(), p.status().name(), d)));
        }
        items.sort(Comparator.comparing((CaseDeadline c) -> c.deadline().due()).thenComparing(CaseDeadline::id));
        return new org.xinfang.petition.Page<>(items, store.countDue(null, yesterday), 0, limit);
    }

    /** The cases of these facts (owned by {@code unit} when given), whole. */
    private List<Petition> byFacts(List<CaseFact> facts, String unit) {
        return store.wholeByIds(facts.stream().filter(x -> unit == null || unit.equals(x.owner())).map(CaseFact::id)
                .toList());
    }

    /**
     * The cases with an organ clock running (owned by {@code unit} when given), whole: those with a due day and
     * those whose clock a hearing paused, both found by index.
     */
    private List<Petition> running(String unit) {
        List<Petition> running = new ArrayList<>(byFacts(store.factsDue(null, null), unit));
        running.addAll(byFacts(store.factsPaused(), unit));
        return running;
    }

    private static void checkRole(Action action, Actor actor) {
        Set<String> roles = switch (action) {
            case REDIRECT, NOT_ACCEPT, LINK, DECLINE_OBJECTION -> OFFICE;
            case DELIVER -> DELIVERERS;
            case TAKE_CASE, LEADER_PROGRESS, LEADER_CLOSE -> LEADERS;
            case OPEN_RESPONSE, RECORD_MEETING, CLOSE_RESPONSE -> SUPERVISORS;
            case SCHEDULE_HEARING, RECORD_HEARING -> HANDLERS;
            case FLAG_MAJOR, ACKNOWLEDGE_MAJOR -> STAFF;
            case ACCEPT_ANSWER, RETURN_ANSWER -> SUPERVISORS;
            case ACCEPT, OBJECT, MEDIATE, REQUEST_REVIEW, REQUEST_REREVIEW, START_HEARING, END_HEARING -> HANDLERS;
            case EXTEND, DECIDE, REVIEW, REREVIEW, TERMINATE, ANSWER_SUPERVISION, REPLY -> HEADS;
        };
        if (!actor.hasAny(roles)) {
            throw new ForbiddenActionException("当前用户无权" + action.label() + "，需要角色 " + roles
                    + " / " + action.path() + " needs one of the roles " + roles);
        }
    }

    @Override
    public List<Deadline> deadlines(Petition petition) {
        return Deadlines.of(petition, node.calendar(), today(), node.units());
    }

    @Override
    public Optional<Deadline> activeDeadline(Petition petition) {
        return petition.status().closed() ? Optional.empty() : Deadlines.active(deadlines(petition));
    }

    @Override
    public List<CaseDeadline> deadlineList(String filter, String unit, int days) {
        String f = filter == null || filter.isBlank() ? "open" : filter.strip().toLowerCase(Locale.ROOT);
        if (!Set.of("open", "overdue", "approaching").contains(f)) {
            throw new ValidationException("filter", "invalid_value",
                    "取值无效，可选：open, overdue, approaching / must be open, overdue or approaching");
        }
        if (days < 0 || days > 365) {
            throw new ValidationException("days", "out_of_range", "应在0到365之间 / must be between 0 and 365");
        }
        List<CaseDeadline> list = new ArrayList<>();
        LocalDate today = today();
        // the cases are found by the due day kept with each case (indexed; the open list adds those whose clock a
        // hearing paused, indexed too), not by counting the clocks of every case not closed (most of a district's
        // register); the clocks of those found are then counted as always
        List<Petition> candidates = switch (f) {
            case "overdue" -> byFacts(store.factsDue(null, today.minusDays(1)), unit);
            case "approaching" -> byFacts(store.factsDue(today, today.plusDays(days)), unit);
            default -> running(unit);
        };
        for (Petition p : candidates) {
            if (p.status().closed() || unit != null && !unit.equals(p.owner())) {
                continue;
            }
            activeDeadline(p).ifPresent(d -> {
                boolean keep = switch (f) {
                    case "overdue" -> d.daysRemaining() < 0;
                    case "approaching" -> d.daysRemaining() >= 0 && d.daysRemaining() <= days;
                    default -> true;
                };
                if (keep) {
                    list.add(new CaseDeadline(p.id(), listSubject(p), p.owner(), p.status().name(), d));
                }
            });
        }
        list.sort(Comparator.comparing((CaseDeadline c) -> c.deadline().due()).thenComparing(CaseDeadline::id));
        return list;
    }

    /** The subject as lists show it: a 检举控告's never (R2022 Art. 30, 46(5); {@link org.xinfang.petition.Disclosure}). */
    private static String listSubject(Petition p) {
        return org.xinfang.petition.Disclosure.listSubject(p.kind(), p.subject());
    }
}
