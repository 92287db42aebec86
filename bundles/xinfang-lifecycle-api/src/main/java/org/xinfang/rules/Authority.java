package org.xinfang.rules;

import org.xinfang.petition.Hierarchy;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.xinfang.lifecycle.Action;
import org.xinfang.lifecycle.ForbiddenActionException;
import org.xinfang.lifecycle.IllegalTransitionException;
import org.xinfang.petition.Attr;
import org.xinfang.petition.EventType;
import org.xinfang.petition.Kind;
import org.xinfang.petition.RedirectChannel;
import org.xinfang.petition.NewEvent;
import org.xinfang.petition.Person;
import org.xinfang.petition.Status;
import org.xinfang.petition.ValidationException;

/**
 * The authority table: which event may be authored at which stage of a case, and by which unit. Every
 * node applies the same table, to its own users' steps and to every entry a child node pushes, always
 * against its own copy of the case; the owner of the stage (or a unit above it, where the table says
 * so) wins. Roles are checked where the person logged in; units and stages are checked at every hop.
 *
 * <table>
 * <caption>who may author what</caption>
 * <tr><th>event</th><th>at</th><th>author unit</th></tr>
 * <tr><td>ASSIGNED</td><td>REGISTERED, TRIAGED, OBJECTED</td><td>the owner or a unit above it; the unit
 *     assigned to lies below the author and is competent (有权处理); never an accusation</td></tr>
 * <tr><td>REDIRECTED, NOT_ACCEPTED, LINKED</td><td>REGISTERED, OBJECTED</td><td>the owner; an accusation
 *     goes to the discipline channel (R2022 Art. 30), routed by the owner or a unit above it</td></tr>
 * <tr><td>RECEIVED</td><td>TRIAGED, the assignment not yet received</td><td>the owner (the assignee)</td></tr>
 * <tr><td>ACCEPTED</td><td>REGISTERED (received directly), TRIAGED</td><td>the owner, if competent; never an
 *     accusation</td></tr>
 * <tr><td>OBJECTED</td><td>TRIAGED</td><td>the owner</td></tr>
 * <tr><td>OBJECTION_DECLINED</td><td>OBJECTED</td><td>the owner (the office the objection went back to)</td></tr>
 * <tr><td>EXTENDED (once), DECIDED, MEDIATED</td><td>ACCEPTED, a claim (申诉求决)</td><td>the owner</td></tr>
 * <tr><td>REPLIED</td><td>ACCEPTED, a suggestion (建议意见)</td><td>the owner</td></tr>
 * <tr><td>DELIVERED</td><td>a document owed to the petitioner not delivered yet</td><td>the unit that issued it</td></tr>
 * <tr><td>REVIEW_REQUESTED</td><td>DECIDED</td><td>a unit above the owner</td></tr>
 * <tr><td>REVIEWED</td><td>REVIEW_REQUESTED</td><td>a unit above the owner</td></tr>
 * <tr><td>REREVIEW_REQUESTED, HEARING_STARTED, HEARING_ENDED, REREVIEWED</td><td>REVIEWED / REREVIEW_REQUESTED</td>
 *     <td>a unit above the reviewer</td></tr>
 * <tr><td>TERMINATED</td><td>REREVIEWED</td><td>a unit above the reviewer</td></tr>
 * <tr><td>SUPERVISED</td><td>any open state, none open, each lapse once</td><td>a unit above the owner and above
 *     the unit that must answer</td></tr>
 * <tr><td>SUPERVISION_ANSWERED</td><td>a supervision awaits an answer</td><td>the unit it names, else the owner</td></tr>
 * <tr><td>SUPERVISION_ACCEPTED, SUPERVISION_RETURNED</td><td>a supervision by hand was answered</td><td>the
 *     supervising unit</td></tr>
 * <tr><td>LEADER_TOOK</td><td>any open state, no 包案 open</td><td>the owner or a unit above it; the responsible
 *     unit lies within the leader's</td></tr>
 * <tr><td>LEADER_PROGRESS, LEADER_CLOSED</td><td>a 包案 is open</td><td>the leader's unit, by the leader</td></tr>
 * <tr><td>HEARING_SCHEDULED, HEARING_RECORDED (HEARING_STARTED, HEARING_ENDED: the pause, REREVIEW_REQUESTED
 *     only)</td><td>ACCEPTED, REVIEW_REQUESTED, REREVIEW_REQUESTED</td><td>the unit that holds the stage: the owner, the reviewing unit above it, the
 *     re-reviewing unit above the reviewer</td></tr>
 * <tr><td>MAJOR_FLAGGED</td><td>any open state, once</td><td>the owner or a unit above it</td></tr>
 * <tr><td>RESPONSE_OPENED (应急联动、联席会议)</td><td>a major matter, none open</td><td>the flagging unit or one
 *     above it</td></tr>
 * <tr><td>RESPONSE_MEETING, RESPONSE_CLOSED</td><td>a response is open</td><td>the unit that opened it</td></tr>
 * <tr><td>MAJOR_RECEIVED, MAJOR_ACKNOWLEDGED</td><td>a major matter, once per unit</td><td>a unit above the one that
 *     flagged it; an acknowledgement by a named person</td></tr>
 * <tr><td>RATED</td><td>a written result not yet rated</td><td>the petitioner, at the owner or a unit above it</td></tr>
 * <tr><td>REGISTERED</td><td>a new case</td><td>the registering unit (checked by the sync judge)</td></tr>
 * <tr><td>ARCHIVED (历史办结)</td><td>REGISTERED, an imported case, right after its registration (version 1)</td>
 *     <td>the owner, which is the importing unit; closed on a day not after the recording</td></tr>
 * </table>
 * On an accusation, the accused unit and the units below it author nothing but its routing to the discipline
 * channel (REDIRECTED), the delivery of the notice of that routing, the answer to a supervision and the
 * historic closing of an import: it cannot decline, merge or otherwise dispose of a complaint against itself
 * (R2022 Art. 30, 46(5)).
 * The written opinions and the extension are signed off: their author must be a person the staff list
 * names (name and title).
 */
public final class Authority {

    /** The stages at which a hearing may be held: handling, review, re-review (R2022 Art. 33, 35, 36). */
    private static final Set<Status> HEARING_STAGES = EnumSet.of(Status.ACCEPTED, Status.REVIEW_REQUESTED,
            Status.REREVIEW_REQUESTED);
    private static final Set<Status> OPEN = EnumSet.complementOf(EnumSet.copyOf(Status.closedStates()));

    /** The states each event may follow. */
    private static final Map<EventType, Set<Status>> FROM = Map.ofEntries(
            Map.entry(EventType.ASSIGNED, EnumSet.of(Status.REGISTERED, Status.TRIAGED, Status.OBJECTED)),
            Map.entry(EventType.REDIRECTED, EnumSet.of(Status.REGISTERED, Status.OBJECTED)),
            Map.entry(EventType.NOT_ACCEPTED, EnumSet.of(Status.REGISTERED, Status.OBJECTED)),
            Map.entry(EventType.LINKED, EnumSet.of(Status.REGISTERED, Status.OBJECTED)),
            Map.entry(EventType.RECEIVED, EnumSet.of(Status.TRIAGED)),
            Map.entry(EventType.ACCEPTED, EnumSet.of(Status.REGISTERED, Status.TRIAGED)),
            Map.entry(EventType.REPLIED, EnumSet.of(Status.ACCEPTED)),
            Map.entry(EventType.DELIVERED, EnumSet.allOf(Status.class)),
            Map.entry(EventType.OBJECTED, EnumSet.of(Status.TRIAGED)),
            Map.entry(EventType.OBJECTION_DECLINED, EnumSet.of(Status.OBJECTED)),
            Map.entry(EventType.EXTENDED, EnumSet.of(Status.ACCEPTED)),
            Map.entry(EventType.DECIDED, EnumSet.of(Status.ACCEPTED)),
            Map.entry(EventType.MEDIATED, EnumSet.of(Status.ACCEPTED)),
            Map.entry(EventType.REVIEW_REQUESTED, EnumSet.of(Status.DECIDED)),
            Map.entry(EventType.REVIEWED, EnumSet.of(Status.REVIEW_REQUESTED)),
            Map.entry(EventType.REREVIEW_REQUESTED, EnumSet.of(Status.REVIEWED)),
            Map.entry(EventType.HEARING_SCHEDULED, HEARING_STAGES),
            // the pause of the clock: only the re-review's period excludes hearing time (R2022 Art. 36)
            Map.entry(EventType.HEARING_STARTED, EnumSet.of(Status.REREVIEW_REQUESTED)),
            Map.entry(EventType.HEARING_ENDED, EnumSet.of(Status.REREVIEW_REQUESTED)),
            Map.entry(EventType.HEARING_RECORDED, HEARING_STAGES),
            Map.entry(EventType.LEADER_TOOK, OPEN),
            Map.entry(EventType.LEADER_PROGRESS, EnumSet.allOf(Status.class)),
            Map.entry(EventType.LEADER_CLOSED, EnumSet.allOf(Status.class)),
            Map.entry(EventType.MAJOR_FLAGGED, OPEN),
            Map.entry(EventType.MAJOR_RECEIVED, EnumSet.allOf(Status.class)),
            Map.entry(EventType.MAJOR_ACKNOWLEDGED, EnumSet.allOf(Status.class)),
            Map.entry(EventType.RESPONSE_OPENED, EnumSet.allOf(Status.class)),
            Map.entry(EventType.RESPONSE_MEETING, EnumSet.allOf(Status.class)),
            Map.entry(EventType.RESPONSE_CLOSED, EnumSet.allOf(Status.class)),
            Map.entry(EventType.SUPERVISION_ACCEPTED, EnumSet.allOf(Status.class)),
            Map.entry(EventType.SUPERVISION_RETURNED, EnumSet.allOf(Status.class)),
            Map.entry(EventType.REREVIEWED, EnumSet.of(Status.REREVIEW_REQUESTED)),
            Map.entry(EventType.TERMINATED, EnumSet.of(Status.REREVIEWED)),
            Map.entry(EventType.SUPERVISED, OPEN),
            Map.entry(EventType.SUPERVISION_ANSWERED, EnumSet.allOf(Status.class)),
            Map.entry(EventType.RATED, EnumSet.allOf(Status.class)),
            Map.entry(EventType.ARCHIVED, EnumSet.of(Status.REGISTERED)));

    /** What the accused unit (or one below it) may still author on an accusation against it. */
    private static final Set<EventType> ACCUSED_MAY = EnumSet.of(EventType.REDIRECTED, EventType.DELIVERED,
            EventType.SUPERVISION_ANSWERED, EventType.ARCHIVED, EventType.RATED);

    /** Which unit authors each event, relative to the case. */
    private enum Who {
        OWNER, OWNER_OR_ABOVE, ABOVE_OWNER, ABOVE_REVIEWER, STAGE_HOLDER, SUPERVISED, SUPERVISOR, LEADER, ABOVE_FLAGGER,
        AT_OR_ABOVE_FLAGGER, RESPONDER
    }

    private static final Map<EventType, Who> WHO = Map.ofEntries(
            Map.entry(EventType.ASSIGNED, Who.OWNER_OR_ABOVE),
            Map.entry(EventType.REDIRECTED, Who.OWNER), Map.entry(EventType.NOT_ACCEPTED, Who.OWNER),
            Map.entry(EventType.LINKED, Who.OWNER), Map.entry(EventType.ACCEPTED, Who.OWNER),
            Map.entry(EventType.RECEIVED, Who.OWNER), Map.entry(EventType.REPLIED, Who.OWNER),
            Map.entry(EventType.DELIVERED, Who.OWNER_OR_ABOVE),
            Map.entry(EventType.OBJECTED, Who.OWNER), Map.entry(EventType.OBJECTION_DECLINED, Who.OWNER),
            Map.entry(EventType.EXTENDED, Who.OWNER),
            Map.entry(EventType.DECIDED, Who.OWNER), Map.entry(EventType.MEDIATED, Who.OWNER),
            Map.entry(EventType.REVIEW_REQUESTED, Who.ABOVE_OWNER), Map.entry(EventType.REVIEWED, Who.ABOVE_OWNER),
            Map.entry(EventType.REREVIEW_REQUESTED, Who.ABOVE_REVIEWER),
            Map.entry(EventType.HEARING_SCHEDULED, Who.STAGE_HOLDER), Map.entry(EventType.HEARING_STARTED, Who.STAGE_HOLDER),
            Map.entry(EventType.HEARING_ENDED, Who.STAGE_HOLDER), Map.entry(EventType.HEARING_RECORDED, Who.STAGE_HOLDER),
            Map.entry(EventType.REREVIEWED, Who.ABOVE_REVIEWER),
            Map.entry(EventType.TERMINATED, Who.ABOVE_REVIEWER), Map.entry(EventType.SUPERVISED, Who.ABOVE_OWNER),
            Map.entry(EventType.SUPERVISION_ANSWERED, Who.SUPERVISED),
            Map.entry(EventType.SUPERVISION_ACCEPTED, Who.SUPERVISOR), Map.entry(EventType.SUPERVISION_RETURNED, Who.SUPERVISOR),
            Map.entry(EventType.LEADER_TOOK, Who.OWNER_OR_ABOVE), Map.entry(EventType.LEADER_PROGRESS, Who.LEADER),
            Map.entry(EventType.LEADER_CLOSED, Who.LEADER), Map.entry(EventType.MAJOR_FLAGGED, Who.OWNER_OR_ABOVE),
            Map.entry(EventType.MAJOR_RECEIVED, Who.ABOVE_FLAGGER), Map.entry(EventType.MAJOR_ACKNOWLEDGED, Who.ABOVE_FLAGGER),
            Map.entry(EventType.RESPONSE_OPENED, Who.AT_OR_ABOVE_FLAGGER), Map.entry(EventType.RESPONSE_MEETING, Who.RESPONDER),
            Map.entry(EventType.RESPONSE_CLOSED, Who.RESPONDER),
            Map.entry(EventType.RATED, Who.OWNER_OR_ABOVE), Map.entry(EventType.ARCHIVED, Who.OWNER));

    private static final String ACCUSATION = "检举控告类事项由纪检监察机关或者有权处理的机关依规依纪依法处理，应导入纪检监察渠道"
            + "（《信访工作条例》第三十条） / an accusation goes to the discipline channel (R2022 Art. 30)";
    private static final String NOT_A_CLAIM = "办理期限、处理意见书和调解只适用于申诉求决类事项（第三十二至三十四条）；建议意见以回复办结"
            + " / the handling period, the written decision and mediation belong to claims (R2022 Art. 32-34)";

    private Authority() {
    }

    /**
     * Whether {@code e} may follow a case in state {@code s}: the state allows the event, and its unit
     * (and for ratings and sign-offs, its person) may author it.
     *
     * @throws IllegalTransitionException when the stage does not allow the event (answered 409)
     * @throws ForbiddenActionException when the event's unit may not author it at this stage (403)
     * @throws ValidationException when the event's facts do not fit the case (an assignment to a unit
     *     that is not below the author or already owns the case; a sign-off by a person not named)
     */
    public static void check(CaseState s, NewEvent e, Hierarchy units) {
        checkStage(s, e.type());
        checkUnit(s, e.type(), e.unit(), units);
        checkFacts(s, e, units);
    }

    /** The states an event of this type may follow (empty for a registration, which starts a case). */
    public static Set<Status> allowedFrom(EventType type) {
        Set<Status> from = FROM.get(type);
        return from == null ? Set.of() : java.util.Collections.unmodifiableSet(from);
    }

    /** Whether the case's stage allows an event of this type, whoever authors it. */
    public static void checkStage(CaseState s, EventType type) {
        Set<Status> from = FROM.get(type);
        String why = null;
        if (from == null) {
            why = "登记只能产生新案件 / registration makes a new case";
        } else if (!from.contains(s.status())) {
            why = "";
        } else {
            why = switch (type) {
                case ASSIGNED, ACCEPTED -> s.procedure() == Kind.ACCUSATION ? ACCUSATION : null;
                case DECIDED, MEDIATED -> s.procedure() == Kind.CLAIM ? null : NOT_A_CLAIM;
                case REPLIED -> s.procedure() == Kind.SUGGESTION ? null
                        : "只有建议意见类事项以回复办结（第二十九条） / only a suggestion is closed by a reply (R2022 Art. 29)";
                case RECEIVED -> s.awaitingReceipt() ? null : "本次交办已签收 / this assignment was received already";
                case DELIVERED -> s.documents().values().stream().anyMatch(d -> d.deliveredOn() == null) ? null
                        : "没有待送达的文书 / no document awaits delivery";
                case EXTENDED -> s.procedure() != Kind.CLAIM ? NOT_A_CLAIM : s.extended() ? "办理期限只能延长一次，本件已延长过 / the handling period can be extended once only"
                        + " (R2022 Art. 34)" : null;
                case HEARING_STARTED -> s.inHearing() ? "听证进行中 / a hearing is in progress" : null;
                case HEARING_ENDED -> s.inHearing() ? null : "没有进行中的听证 / no hearing is in progress";
                case REREVIEWED -> s.inHearing() ? "听证进行中 / a hearing is in progress" : null;
                case SUPERVISED -> s.openSupervision() != null ? "已有未办结的督办 / a supervision is still open" : null;
                case SUPERVISION_ANSWERED -> s.openSupervision() == null || s.supervisionAnswered()
                        ? "没有待答复的督办 / no supervision awaits an answer" : null;
                case SUPERVISION_ACCEPTED, SUPERVISION_RETURNED -> s.openSupervision() != null && s.supervisionAnswered()
                        ? null : "没有待审核的督办答复 / no answer to supervision awaits review";
                case LEADER_TOOK -> s.leader() != null && s.leader().open() ? "本件已由领导包案 / a leader already owns"
                        + " this case" : null;
                case LEADER_PROGRESS, LEADER_CLOSED -> s.leader() != null && s.leader().open() ? null
                        : "本件没有进行中的领导包案 / no leader owns this case now";
                case HEARING_SCHEDULED -> s.hearingPending() != null ? "已安排的听证尚未记录 / a scheduled hearing is not"
                        + " recorded yet" : null;
                case HEARING_RECORDED -> s.hearingPending() == null ? "没有已安排的听证 / no hearing is scheduled" : null;
                case MAJOR_FLAGGED -> s.major() != null ? "本件已标记为重大紧急事项 / already flagged as major" : null;
                case MAJOR_RECEIVED, MAJOR_ACKNOWLEDGED -> s.major() == null
                        ? "本件不是重大紧急事项 / the case is not flagged as major" : null;
                case RESPONSE_OPENED -> s.major() == null ? "应急联动、联席会议只适用于重大紧急事项 / a response is opened for a"
                        + " major matter" : s.response() != null ? "已有进行中的应急联动或联席会议 / a response is already open" : null;
                case RESPONSE_MEETING, RESPONSE_CLOSED -> s.response() == null
                        ? "没有进行中的应急联动或联席会议 / no response is open" : null;
                case RATED -> s.rateable() ? null : "没有待评价的处理结果 / there is no result to rate";
                // a historic case is closed as it is imported, in the same transaction; never a live case
                case ARCHIVED -> s.imported() && s.version() == 1 ? null
                        : "只有历史导入的案件在导入时按历史办结记录 / only an imported case is closed as history, as it is"
                        + " imported";
                default -> null;
            };
        }
        if (why != null) {
            Action action = Action.forEvent(type);
            String name = action == null ? type.name().toLowerCase().replace('_', '-') : action.path();
            // the reason is written "中文 / English": each half of the message takes its own half
            int slash = why.indexOf(" / ");
            String whyZh = slash < 0 ? why : why.substring(0, slash);
            String whyEn = slash < 0 ? why : why.substring(slash + 3);
            throw new IllegalTransitionException(s.status(), action, "当前状态为「" + s.status().label() + "」（"
                    + s.status() + "），不能" + type.label() + (whyZh.isEmpty() ? "" : "：" + whyZh) + " / the case is "
                    + s.status() + "; " + name + " is not allowed" + (whyEn.isEmpty() ? "" : " (" + whyEn + ")"));
        }
    }

    /**
     * Whether a person of unit {@code author} may author an event of this type on the case as it stands
     * (the unit column of the table).
     *
     * @throws ForbiddenActionException when not
     */
    public static void checkUnit(CaseState s, EventType type, String author, Hierarchy units) {
        String owner = s.owner();
        Who rule = WHO.get(type);
        if (rule == null) {
            throw new ForbiddenActionException("登记不能作为办理环节 / registration is not a step on a case");
        }
        if (type == EventType.ACCEPTED && author.equals(owner) && !units.competent(author)) {
            throw new ForbiddenActionException(units.nameOf(author) + "不是有权处理的机关，不能受理；请报送信访部门分流（《信访工作条例》第二十二、二十三条）"
                    + " / " + units.nameOf(author) + " is not an organ competent to accept; the petition office routes it");
        }
        if (s.procedure() == Kind.ACCUSATION && s.accusedUnit() != null && units.isWithin(author, s.accusedUnit())
                && !ACCUSED_MAY.contains(type)) {
            throw new ForbiddenActionException("本单位是被检举控告的单位或其下级，不能对针对它的检举控告" + type.label()
                    + "，只能将其导入纪检监察渠道（《信访工作条例》第三十条） / the accused unit and the units"
                    + " below it cannot act on an accusation against it except to route it to the discipline channel");
        }
        boolean ok = switch (rule) {
            // a 检举控告 may be routed to the discipline channel from above too: it must not wait on the unit it
            // accuses, which registered it (R2022 Art. 30, 46(5))
            case OWNER -> author.equals(owner) || type == EventType.REDIRECTED && s.procedure() == Kind.ACCUSATION
                    && units.isBelow(owner, author);
            case OWNER_OR_ABOVE -> units.isWithin(owner, author);
            case ABOVE_OWNER -> units.isBelow(owner, author);
            case ABOVE_REVIEWER -> units.isBelow(s.reviewer() == null ? owner : s.reviewer(), author);
            case STAGE_HOLDER -> switch (s.status()) {
                case REVIEW_REQUESTED -> units.isBelow(owner, author);
                case REREVIEW_REQUESTED -> units.isBelow(s.reviewer() == null ? owner : s.reviewer(), author);
                default -> author.equals(owner);
            };
            case SUPERVISED -> author.equals(s.supervisedUnit() == null ? owner : s.supervisedUnit());
            case SUPERVISOR -> s.openSupervision() != null && author.equals(s.openSupervision().unit());
            case LEADER -> s.leader() != null && author.equals(s.leader().taken().unit());
            case ABOVE_FLAGGER -> s.major() != null && units.isBelow(s.major().unit(), author);
            case AT_OR_ABOVE_FLAGGER -> s.major() != null && units.isWithin(s.major().unit(), author);
            case RESPONDER -> s.response() != null && author.equals(s.response().unit());
        };
        if (!ok && EnumSet.of(Who.SUPERVISED, Who.SUPERVISOR, Who.LEADER, Who.ABOVE_FLAGGER, Who.AT_OR_ABOVE_FLAGGER,
                Who.RESPONDER).contains(rule)) {
            throw new ForbiddenActionException(switch (rule) {
                case SUPERVISED -> "督办由被督办单位答复 / the supervised unit answers";
                case SUPERVISOR -> "督办答复由督办单位审核 / the supervising unit reviews the answer";
                case LEADER -> "包案进展和办结由包案领导所在单位记录 / the leader's unit records the 包案's progress";
                case AT_OR_ABOVE_FLAGGER -> "应急联动、联席会议由上报单位或其上级启动 / the reporting unit or one above it opens"
                        + " a response";
                case RESPONDER -> "会议和结束由启动的单位记录 / the unit that opened the response records it";
                default -> "重大紧急事项的报告由上报单位的上级接收 / the levels above the reporting unit receive the report";
            });
        }
        if (!ok) {
            // units by name, as people read them (the code only for a unit the tree does not know)
            String of = units.nameOf(rule == Who.ABOVE_REVIEWER && s.reviewer() != null ? s.reviewer() : owner);
            String ownerName = units.nameOf(owner);
            String authorName = units.nameOf(author);
            throw new ForbiddenActionException(rule == Who.ABOVE_OWNER || rule == Who.ABOVE_REVIEWER
                    ? "须由" + of + "的上级机关办理 / must be done by an organ above " + of
                    : "本件由" + ownerName + "负责，" + authorName + "不能" + type.label() + " / the case is owned by "
                            + ownerName + ", not " + authorName);
        }
    }

    /**
     * Whether the event's facts fit the case: an assignment goes to a unit below its author that does not
     * own the case yet; a rating comes from the petitioner; a sign-off names its signer.
     *
     * @throws ValidationException or ForbiddenActionException when not
     */
    public static void checkFacts(CaseState s, NewEvent e, Hierarchy units) {
        checkFactsOf(s, e, units);
    }

    /** A delivery names a document issued and not yet delivered, by the unit that issued it, on a day between. */
    private static void checkDelivery(CaseState s, NewEvent e) {
        EventType doc = e.attrs().get(Attr.DOCUMENT);
        CaseState.Document d = s.documents().get(doc);
        if (d == null) {
            throw new ValidationException("document", "not_issued", "本件没有出具该文书 / no such document was issued on"
                    + " this case");
        }
        if (d.deliveredOn() != null) {
            throw new ValidationException("document", "already_delivered", "该文书已于" + d.deliveredOn() + "送达 / it was"
                    + " delivered on " + d.deliveredOn());
        }
        if (!d.unit().equals(e.unit())) {
            throw new ForbiddenActionException("送达由出具文书的单位（" + d.unit() + "）登记 / the unit that issued the document"
                    + " records its delivery");
        }
        LocalDate on = e.attrs().get(Attr.DELIVERED_ON);
        if (on.isBefore(d.issuedOn())) {
            throw new ValidationException("deliveredOn", "before_issue", "送达日期不能早于文书出具之日（" + d.issuedOn()
                    + "） / delivery cannot precede the document");
        }
        if (on.isAfter(LocalDate.ofInstant(e.at(), Deadlines.ZONE))) {
            throw new ValidationException("deliveredOn", "in_future", "送达日期不能晚于今天 / the delivery day cannot be"
                    + " later than today");
        }
    }

    private static void checkFactsOf(CaseState s, NewEvent e, Hierarchy units) {
        String author = e.unit();
        String owner = s.owner();
        switch (e.type()) {
            case ASSIGNED -> {
                String target = e.attrs().get(Attr.UNIT);
                if (target == null || !units.isBelow(target, author)) {
                    throw new ValidationException("unit", "not_below",
                            "只能交办给本单位的下级单位 / a case can only be assigned to a unit below " + author);
                }
                if (target.equals(owner)) {
                    throw new ValidationException("unit", "already_owner", "该单位已是责任单位 / that unit already owns the case");
                }
                if (!units.competent(target)) {
                    throw new ValidationException("unit", "not_competent", "只能交办、转送给有权处理的机关（《信访工作条例》第二十二条）"
                            + " / a case goes only to an organ competent to handle it (R2022 Art. 22)");
                }
            }
            case REDIRECTED -> {
                if (s.procedure() == Kind.ACCUSATION && e.attrs().get(Attr.CHANNEL) != RedirectChannel.DISCIPLINE) {
                    throw new ValidationException("channel", "accusation_to_discipline", ACCUSATION);
                }
            }
            case DELIVERED -> checkDelivery(s, e);
            case SUPERVISED -> {
                String target = e.attrs().has(Attr.SUPERVISED_UNIT) ? e.attrs().get(Attr.SUPERVISED_UNIT) : owner;
                if (!units.isBelow(target, author)) {
                    throw new ValidationException("supervisedUnit", "not_below", "督办只能由被督办单位的上级机关作出"
                            + " / supervision comes from an organ above the supervised unit");
                }
                if (!e.attrs().has(Attr.CLOCK) && !e.attrs().has(Attr.INSTRUCTIONS)) {
                    throw new ValidationException("instructions", "required", "督办要求不能为空 / instructions are required");
                }
            }
            case LEADER_TOOK -> {
                String responsible = e.attrs().get(Attr.RESPONSIBLE_UNIT);
                if (!units.isWithin(responsible, author)) {
                    throw new ValidationException("responsibleUnit", "not_within", "责任单位须为包案领导所在单位或其下级单位"
                            + " / the responsible unit is the leader's or one below it");
                }
                if (!e.actor().named()) {
                    throw new ValidationException("leader", "signer_unknown", "包案领导须在本单位人员名册中登记姓名和职务"
                            + " / the leader must be listed with name and title in the staff list");
                }
            }
            case LEADER_PROGRESS, LEADER_CLOSED -> {
                if (!s.leader().taken().actor().login().equals(e.actor().login())) {
                    throw new ForbiddenActionException("包案进展和办结由包案领导本人记录（" + s.leader().taken().actor().display()
                            + "） / only the leader who owns the case records its progress");
                }
            }
            case MAJOR_RECEIVED -> {
                if (s.majorReceivedBy().contains(author)) {
                    throw new IllegalTransitionException(s.status(), null, "本级已收到该报告 / this level has the report");
                }
            }
            case MAJOR_ACKNOWLEDGED -> {
                if (s.majorAcknowledgedBy().contains(author)) {
                    throw new IllegalTransitionException(s.status(), null, "本级已确认知悉 / this level acknowledged it");
                }
                if (!e.actor().named()) {
                    throw new ValidationException("signOff", "signer_unknown", "确认知悉须由本单位人员名册中登记姓名和职务的人员作出"
                            + " / the person acknowledging must be listed with name and title in the staff list");
                }
            }
            case REVIEW_REQUESTED, REREVIEW_REQUESTED -> {
                LocalDate filed = e.attrs().get(Attr.FILED_ON);
                CaseState.Document answer = s.documents().get(e.type() == EventType.REVIEW_REQUESTED
                        ? EventType.DECIDED : EventType.REVIEWED);
                if (filed != null && filed.isAfter(LocalDate.ofInstant(e.at(), Deadlines.ZONE))) {
                    throw new ValidationException("filedOn", "in_future", "申请日期不能晚于今天 / the filing day cannot be"
                            + " later than today");
                }
                if (filed != null && answer != null && filed.isBefore(answer.issuedOn())) {
                    throw new ValidationException("filedOn", "before_answer", "申请日期不能早于被申请的意见书出具之日（"
                            + answer.issuedOn() + "） / a request cannot be filed before the answer was issued");
                }
            }
            case ARCHIVED -> {
                LocalDate closed = e.attrs().get(Attr.CLOSED_ON);
                if (closed != null && closed.isAfter(LocalDate.ofInstant(e.at(), Deadlines.ZONE))) {
                    throw new ValidationException("closedOn", "in_future", "办结日期不能晚于今天 / the closing day cannot be"
                            + " later than today");
                }
            }
            case RATED -> {
                if (!Person.PETITIONER.login().equals(e.actor().login())) {
                    throw new ForbiddenActionException("评价只能由信访人通过查询平台作出 / only the petitioner rates, through the portal");
                }
            }
            default -> {
                if ((e.type().isOpinion() || e.type() == EventType.EXTENDED) && !e.actor().named()) {
                    throw new ValidationException("signOff", "signer_unknown", "签批人须在本单位人员名册中登记姓名和职务"
                            + " / the person signing off must be listed with name and title in the staff list");
                }
            }
        }
    }
}
