package org.xinfang.lifecycle.internal;

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
import org.xinfang.lifecycle.Actor;
import org.xinfang.lifecycle.CaseService;
import org.xinfang.lifecycle.ForbiddenActionException;
import org.xinfang.lifecycle.IllegalTransitionException;
import org.xinfang.node.NodeInfo;
import org.xinfang.node.NodeService;
import org.xinfang.petition.Checks;
import org.xinfang.petition.Event;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionStore;
import org.xinfang.petition.Status;
import org.xinfang.petition.ValidationException;
import org.xinfang.rules.Deadline;
import org.xinfang.rules.Deadlines;
import org.xinfang.rules.Periods;
import org.xinfang.rules.Step;

/** The procedure of R2022 after registration, on the cases this node holds. */
public final class LifecycleService implements CaseService {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleService.class);

    /** The petition office's staff who triage. */
    static final Set<String> OFFICE = Set.of("clerk", "head", "leader");
    /** Staff of the unit that handles the case. */
    static final Set<String> HANDLERS = Set.of("clerk", "handler", "head");
    /** Who signs off and approves: the unit head (签批). */
    static final Set<String> HEAD = Set.of("head");
    private static final Set<Status> FINAL = Set.of(Status.REDIRECTED, Status.NOT_ACCEPTED, Status.MEDIATED,
            Status.TERMINATED);
    private static final Set<Status> OPEN = EnumSet.complementOf(EnumSet.copyOf(FINAL));

    private final PetitionStore store;
    private final NodeService node;
    private final Clock clock;

    public LifecycleService(PetitionStore store, NodeService node) {
        this(store, node, Clock.system(Deadlines.ZONE));
    }

    LifecycleService(PetitionStore store, NodeService node, Clock clock) {
        this.store = store;
        this.node = node;
        this.clock = clock;
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
        checkState(p, action);
        checkActor(p, action, actor, here);
        String owner = p.owner();
        String note;
        switch (action) {
            case REDIRECT -> {
                String channel = required("channel", in.channel()).toUpperCase(Locale.ROOT);
                String where = switch (channel) {
                    case "LEGAL" -> "涉法涉诉，请向人民法院、仲裁机构或行政复议机关提出 / litigation: courts, arbitration or administrative review";
                    case "DISCIPLINE" -> "检举控告，转纪检监察机关 / accusation: to discipline inspection";
                    case "OTHER" -> "其他法定途径 / another statutory channel";
                    default -> throw new ValidationException("channel", "invalid_value",
                            "取值无效，可选：LEGAL, DISCIPLINE, OTHER / must be LEGAL, DISCIPLINE or OTHER");
                };
                note = "导入" + where + "。理由 / reason：" + required("reason", in.reason());
            }
            case NOT_ACCEPT -> note = "不予受理。理由 / reason：" + required("reason", in.reason());
            case LINK -> note = link(p, required("linkTo", in.linkTo()));
            case ACCEPT -> note = "受理告知书：你反映的事项已由" + self.unit().name() + "受理，将依法办理并在60日内书面答复"
                    + " / acceptance notice: accepted by " + self.unit().name() + ", decision in writing within 60 days"
                    + optional(in.note());
            case OBJECT -> {
                note = "异议：非本单位职责范围 / not competent：" + required("reason", in.reason());
                // R2022 Art. 23: the matter goes back to the unit that assigned it
                owner = lastUnit(p, "ASSIGNED", p.registeredBy());
            }
            case EXTEND -> {
                if (p.timeline().stream().anyMatch(e -> e.type().equals("EXTENDED"))) {
                    throw new IllegalTransitionException(p.status(), action,
                            "办理期限只能延长一次，本件已延长过 / the handling period can be extended once only (R2022 Art. 34)");
                }
                Integer days = in.days();
                if (days == null) {
                    throw new ValidationException("days", "required", "请填写延长天数 / days are required");
                }
                if (days < 1 || days > Step.MAX_EXTENSION_DAYS) {
                    throw new ValidationException("days", "out_of_range",
                            "延长期限不得超过30日（《信访工作条例》第三十四条） / at most 30 days (R2022 Art. 34)");
                }
                note = Deadlines.extensionNote(days, required("reason", in.reason()))
                        + "（告知信访人延期理由 / the petitioner is told why）";
            }
            case DECIDE, REVIEW, REREVIEW -> note = opinion(action, in, actor);
            case MEDIATE -> note = "调解协议 / mediation agreement：" + required("note", in.note());
            case REQUEST_REVIEW, REQUEST_REREVIEW -> {
                Step window = action == Action.REQUEST_REVIEW ? Step.REVIEW_REQUEST : Step.REREVIEW_REQUEST;
                Deadline d = deadlines(p).stream().filter(x -> x.step() == window).findFirst().orElseThrow();
                if (today().isAfter(d.due())) {
                    throw new IllegalTransitionException(p.status(), action, "申请期限已于" + d.due() + "届满（"
                            + window.article() + "） / the 30-day window closed on " + d.due());
                }
                note = action.label() + "，理由 / reason：" + required("reason", in.reason());
            }
            case START_HEARING, END_HEARING, TERMINATE -> note = action.label() + optional(in.note());
            case ANSWER_SUPERVISION -> note = "督办答复 / answer to supervision：" + required("reason", in.reason());
            default -> throw new IllegalStateException("unhandled action " + action);
        }
        Status to = action.to() == null ? p.status() : action.to();
        Petition after = store.update(id, new PetitionStore.Change(owner, to, action.eventType(), actor.user(),
                here, self.nodeId(), note, clock.instant()), null);
        LOG.info("petition {}: {} by {} at {}", id, action, actor.user(), here);
        return after;
    }

    @Override
    public List<Action> allowedActions(Petition p, Actor actor) {
        String here = node.info().unit().code();
        List<Action> allowed = new ArrayList<>();
        for (Action action : Action.values()) {
            try {
                checkState(p, action);
                checkActor(p, action, actor, here);
                allowed.add(action);
            } catch (IllegalTransitionException | ForbiddenActionException notNow) {
                // the same checks act() makes: not allowed now
            }
        }
        return allowed;
    }

    private static String required(String field, String value) {
        return Checks.text(field, value, 2000);
    }

    private static String optional(String note) {
        return note == null || note.isBlank() ? "" : "。" + note.strip();
    }

    /**
     * R2022 Art. 19: a matter already accepted and within its time limits is not accepted again. The
     * case linked to must be held here, share a petitioner, be accepted and have no missed clock.
     */
    private String link(Petition repeat, String targetId) {
        Petition target = store.get(targetId.strip()).orElseThrow(() -> new ValidationException("linkTo", "unknown_case",
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
        return "重复信访，不再重复受理，并入 " + target.id() + "（" + target.owner() + "办理中）（《信访工作条例》第十九条）"
                + " / repeat of " + target.id() + ", which is being handled: linked, not accepted again (R2022 Art. 19)";
    }

    /** 信访处理意见书 (and the review / re-review opinion): request, facts, decision, basis, sign-off. */
    private static String opinion(Action action, ActionInput in, Actor actor) {
        String request = required("request", in.request());
        String facts = required("facts", in.facts());
        String decision = required("decision", in.decision()).toUpperCase(Locale.ROOT);
        String decided = switch (decision) {
            case "SUPPORT" -> "支持 / supported";
            case "EXPLAIN" -> "解释说明 / explained";
            case "REJECT" -> "不予支持 / not supported";
            default -> throw new ValidationException("decision", "invalid_value",
                    "取值无效，可选：SUPPORT, EXPLAIN, REJECT / must be SUPPORT, EXPLAIN or REJECT");
        };
        String basis = required("basis", in.basis());
        if (!Boolean.TRUE.equals(in.signOff())) {
            throw new ValidationException("signOff", "required",
                    "处理意见须经单位负责人签批 / the unit head must sign the decision off");
        }
        String title = switch (action) {
            case DECIDE -> "信访处理意见书";
            case REVIEW -> "复查意见书";
            default -> "复核意见书";
        };
        return title + "｜诉求 request：" + request + "｜事实 facts：" + facts + "｜意见 decision：" + decided
                + "｜依据 basis：" + basis + "｜签批 signed off：" + actor.user();
    }

    private void checkState(Petition p, Action action) {
        boolean inHearing = inHearing(p);
        boolean allowed = action.from().contains(p.status())
                && !(action == Action.ANSWER_SUPERVISION && openSupervision(p) == null)
                && !(action == Action.START_HEARING && inHearing)
                && !(action == Action.END_HEARING && !inHearing)
                && !(action == Action.REREVIEW && inHearing);
        if (!allowed) {
            String why = action == Action.ANSWER_SUPERVISION && openSupervision(p) == null
                    ? "没有待答复的督办 / no supervision awaits an answer"
                    : action == Action.END_HEARING ? "没有进行中的听证 / no hearing is in progress"
                    : inHearing ? "听证进行中 / a hearing is in progress" : "";
            throw new IllegalTransitionException(p.status(), action, "当前状态为「" + p.status().label() + "」（"
                    + p.status() + "），不能" + action.label() + (why.isEmpty() ? "" : "：" + why) + " / the case is "
                    + p.status() + "; " + action.path() + " is not allowed" + (why.isEmpty() ? "" : " (" + why + ")"));
        }
    }

    /** The latest supervision notice not yet answered, or null. */
    private static Event openSupervision(Petition p) {
        Event open = null;
        for (Event e : p.timeline()) {
            if (e.type().equals("SUPERVISED")) {
                open = e;
            } else if (e.type().equals("SUPERVISION_ANSWERED")) {
                open = null;
            }
        }
        return open;
    }

    @Override
    public List<String> superviseOverdue(Actor actor) {
        if (!actor.hasAny(Set.of("supervisor", "leader", "head"))) {
            throw new ForbiddenActionException("督办需要督查、领导或负责人角色 / supervision needs the supervisor, leader or"
                    + " head role");
        }
        NodeInfo self = node.info();
        String here = self.unit().code();
        List<String> supervised = new ArrayList<>();
        for (Petition p : openCases()) {
            if (FINAL.contains(p.status()) || p.owner().equals(here) || !node.units().isWithin(p.owner(), here)) {
                continue; // 督办 comes from the level above the owner
            }
            Deadline d = activeDeadline(p).orElse(null);
            if (d == null || d.daysRemaining() >= 0 || d.step() == Step.SUPERVISION || openSupervision(p) != null) {
                continue;
            }
            String mark = "[" + d.step() + "@" + d.due() + "]";
            if (p.timeline().stream().anyMatch(e -> e.type().equals("SUPERVISED") && e.note() != null
                    && e.note().contains(mark))) {
                continue; // this lapse was supervised once already
            }
            String note = "督办通知 / supervision notice " + mark + "：" + d.step().label() + "期限已于" + d.due()
                    + "届满（" + d.step().article() + "），请于30日内书面答复办理情况 / the " + d.step().name()
                    + " deadline passed on " + d.due() + "; answer in writing within 30 days";
            String child = node.units().childToward(here, p.owner()).map(org.xinfang.node.Unit::code).orElseThrow();
            store.update(p.id(), new PetitionStore.Change(p.owner(), p.status(), "SUPERVISED", actor.user(), here,
                    self.nodeId(), note, clock.instant()), new PetitionStore.Downward(child, p.owner(), "CASE"));
            supervised.add(p.id());
            LOG.info("petition {} supervised: {} overdue since {}", p.id(), d.step(), d.due());
        }
        return supervised;
    }

    @Override
    public List<Supervision> supervisions(boolean openOnly) {
        List<Supervision> list = new ArrayList<>();
        for (Petition p : store.wholeWithEvent("SUPERVISED")) {
            Event raised = null;
            for (Event e : p.timeline()) {
                if (e.type().equals("SUPERVISED")) {
                    raised = e;
                } else if (e.type().equals("SUPERVISION_ANSWERED") && raised != null) {
                    if (!openOnly) {
                        list.add(supervision(p, raised, e));
                    }
                    raised = null;
                }
            }
            if (raised != null) {
                list.add(supervision(p, raised, null));
            }
        }
        list.sort(Comparator.comparing(Supervision::answerDue).thenComparing(Supervision::id));
        return list;
    }

    private Supervision supervision(Petition p, Event raised, Event answer) {
        LocalDate on = LocalDate.ofInstant(raised.at(), Deadlines.ZONE);
        return new Supervision(p.id(), p.subject(), p.owner(), p.status().name(), raised.unit(), on, raised.note(),
                Periods.calendarDays(on, Step.SUPERVISION.length(), node.calendar()),
                answer == null ? null : LocalDate.ofInstant(answer.at(), Deadlines.ZONE),
                answer == null ? null : answer.note());
    }

    /** The cases held here that are not closed, whole; the clocks and overdue lists concern only these. */
    private List<Petition> openCases() {
        return store.whole(OPEN);
    }

    private static boolean inHearing(Petition p) {
        boolean open = false;
        for (Event e : p.timeline()) {
            if (e.type().equals("HEARING_STARTED")) {
                open = true;
            } else if (e.type().equals("HEARING_ENDED")) {
                open = false;
            }
        }
        return open;
    }

    private void checkActor(Petition p, Action action, Actor actor, String here) {
        Set<String> roles = switch (action) {
            case REDIRECT, NOT_ACCEPT, LINK -> OFFICE;
            case ACCEPT, OBJECT, MEDIATE, REQUEST_REVIEW, REQUEST_REREVIEW, START_HEARING, END_HEARING -> HANDLERS;
            case EXTEND, DECIDE, REVIEW, REREVIEW, TERMINATE, ANSWER_SUPERVISION -> HEAD;
        };
        if (!actor.hasAny(roles)) {
            throw new ForbiddenActionException("当前用户无权" + action.label() + "，需要角色 " + roles
                    + " / " + action.path() + " needs one of the roles " + roles);
        }
        // which unit may act: the owner handles; the level above reviews; the level above that re-reviews
        String must = switch (action) {
            case REQUEST_REVIEW, REVIEW -> "above:" + p.owner();
            case REQUEST_REREVIEW, START_HEARING, END_HEARING, REREVIEW, TERMINATE -> "above:" + lastUnit(p, "REVIEWED", p.owner());
            default -> p.owner();
        };
        boolean ok = must.startsWith("above:")
                ? !here.equals(must.substring(6)) && node.units().isWithin(must.substring(6), here)
                : here.equals(must);
        if (!ok) {
            throw new ForbiddenActionException(must.startsWith("above:")
                    ? "须由" + must.substring(6) + "的上级机关办理 / must be done by an organ above " + must.substring(6)
                    : "本件由" + must + "负责，本单位不能" + action.label() + " / the case is owned by " + must);
        }
    }

    /** The unit that recorded the latest event of this type, or {@code fallback}. */
    private static String lastUnit(Petition p, String eventType, String fallback) {
        String unit = fallback;
        for (Event e : p.timeline()) {
            if (e.type().equals(eventType)) {
                unit = e.unit();
            }
        }
        return unit;
    }

    @Override
    public List<Deadline> deadlines(Petition petition) {
        return Deadlines.of(petition, node.calendar(), today());
    }

    @Override
    public Optional<Deadline> activeDeadline(Petition petition) {
        return FINAL.contains(petition.status()) ? Optional.empty() : Deadlines.active(deadlines(petition));
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
        for (Petition p : openCases()) {
            if (FINAL.contains(p.status()) || unit != null && !unit.equals(p.owner())) {
                continue;
            }
            activeDeadline(p).ifPresent(d -> {
                boolean keep = switch (f) {
                    case "overdue" -> d.daysRemaining() < 0;
                    case "approaching" -> d.daysRemaining() >= 0 && d.daysRemaining() <= days;
                    default -> true;
                };
                if (keep) {
                    list.add(new CaseDeadline(p.id(), p.subject(), p.owner(), p.status().name(), d));
                }
            });
        }
        list.sort(Comparator.comparing((CaseDeadline c) -> c.deadline().due()).thenComparing(CaseDeadline::id));
        return list;
    }
}
