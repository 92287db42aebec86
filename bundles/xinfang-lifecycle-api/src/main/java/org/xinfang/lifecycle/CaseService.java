package org.xinfang.lifecycle;

import org.xinfang.petition.Actor;
import java.util.List;
import java.util.Optional;
import org.xinfang.petition.Petition;
import org.xinfang.rules.Deadline;

/** Moves cases through the statutory procedure and answers for their clocks. */
public interface CaseService {

    /**
     * Performs an action on a case held by this node: checks the state, the actor's role and unit, the
     * input; records the event; journals the change so that it syncs.
     *
     * @throws org.xinfang.petition.NotFoundException if there is no such case here
     * @throws IllegalTransitionException if the case's state does not allow it
     * @throws ForbiddenActionException if the actor's role or unit does not
     * @throws org.xinfang.petition.ValidationException naming the input field at fault
     * @throws org.xinfang.petition.VersionConflictException when the case changed after it was checked
     *     (another step came first, or {@code input.version} is not the case's version): nothing is written
     */
    Petition act(String id, Action action, ActionInput input, Actor actor);

    /**
     * The steps this actor may take on the case now: those its state, the actor's roles and this
     * node's unit allow. The input is checked only when the step is taken, so a step listed here may
     * still be refused for a missing field or a closed window.
     */
    List<Action> allowedActions(Petition petition, Actor actor);

    /** Every clock the case has started, with its state today. */
    List<Deadline> deadlines(Petition petition);

    /** The organ's clock that is open now, if any. */
    Optional<Deadline> activeDeadline(Petition petition);

    /**
     * Cases whose open clock is past due ({@code overdue}), due within {@code days} ({@code approaching}),
     * or any open clock ({@code open}); owned by {@code unit} when given; most urgent first.
     */
    List<CaseDeadline> deadlineList(String filter, String unit, int days);

    /**
     * The cases overdue today, longest overdue first, at most {@code limit} of them, and how many there are:
     * what {@code deadlineList("overdue", null, 0)} lists, without reading every overdue case (a digest shows
     * the first hundred and the count).
     */
    org.xinfang.petition.Page<CaseDeadline> overdue(int limit);

    /**
     * 督办: for every case held here, owned by a unit below this node, whose organ clock is past due and
     * not yet supervised for that clock, records a supervision notice and sends it down to the owner,
     * who must answer in writing within 30 days (R2022 Art. 40). Returns the ids supervised now.
     */
    List<String> superviseOverdue(Actor actor);

    /**
     * Supervisions raised by this node or received by it; with {@code openOnly} those not yet answered,
     * which stay on the list whatever else happens to the case.
     */
    List<Supervision> supervisions(boolean openOnly);

    /**
     * 督办 by hand (督查督办, 挂牌督办): a supervisor of a unit above the case's owner raises a notice with
     * instructions and an answer-by day; a listed one stays on the district's board until the answer is
     * accepted. The owner answers in writing; the supervising unit accepts the answer or sends it back.
     *
     * @throws org.xinfang.petition.ValidationException naming {@code instructions} or {@code answerBy}
     */
    Petition supervise(String id, String instructions, String answerBy, boolean listed, Integer version, Actor actor);

    /**
     * Whether {@link #supervise} would take this actor's notice on the case now, its input aside: the actor is a
     * supervisor, leader or head, this node's unit is above the owner and no supervision is open. The case page
     * offers 督办 only then.
     */
    boolean maySupervise(Petition petition, Actor actor);

    /**
     * 包案: the cases leaders of this node's unit or below took, with {@code filter} {@code open} (default),
     * {@code overdue} (open past its deadline), {@code closed} or {@code all}; only {@code leader}'s when given.
     */
    List<LeaderCase> leaderCases(String filter, String leader);

    /** Major matters flagged below this node's unit whose report no named person here has acknowledged yet. */
    List<Alert> alerts();

    /**
     * What waits for the person logged in at this node's unit, by kind of work: the first screen of each
     * role (clerk: unrouted and returned cases; handler and head: cases to accept and to decide, clocks due
     * this week or past, supervision to answer; leader: their 包案 and major matters to acknowledge;
     * supervisor: listed supervision and lapsed clocks below).
     */
    Workload workload(Actor actor);

    /**
     * Statistics of the cases received from {@code from} to {@code to} held here (this node's subtree), of
     * {@code unit}'s subtree when given: counts by kind, status, channel, category, month and owning unit;
     * mass visits, repeats, supervised and overdue cases; on-time rate per clock; satisfaction; and the
     * total of the same period a year before. Every figure is counted from the cases' events.
     *
     * @throws org.xinfang.petition.ValidationException naming {@code from}, {@code to} or {@code unit}
     */
    java.util.Map<String, Object> statistics(java.time.LocalDate from, java.time.LocalDate to, String unit);

    /**
     * How many cases were received each month ({@code yyyy-MM}) from {@code from} to {@code to}, within
     * {@code unit} when given, as {@link #statistics} counts them in {@code byMonth}; without a unit it is
     * counted from the index alone (a digest's two-year trend).
     */
    java.util.Map<String, Long> receivedByMonth(java.time.LocalDate from, java.time.LocalDate to, String unit);

    /**
     * The cases behind one figure of {@link #statistics}: counted by the same rule, newest first, a page at a
     * time. {@code figure} is {@code total}, {@code kind}, {@code status}, {@code channel}, {@code category},
     * {@code month}, {@code unit}, {@code massVisits}, {@code repeats}, {@code supervised}, {@code major},
     * {@code overdue}, {@code onTime} (key {@code STEP:met} or {@code STEP:missed}) or {@code satisfaction}
     * (key a level); {@code key} is the item within it, as the statistics name it; {@code owner}, when given,
     * keeps only the cases that unit owns (what {@link #figuresByOwner} counts).
     *
     * @throws org.xinfang.petition.ValidationException naming the period, {@code unit}, {@code figure} or
     *         {@code key}
     */
    org.xinfang.petition.Page<org.xinfang.petition.Petition> statisticsCases(java.time.LocalDate from,
            java.time.LocalDate to, String unit, String owner, String figure, String key, int offset, int limit);

    /**
     * The figures a unit is assessed on, for the cases received in the period, by the unit that owns each
     * case (its clocks are that unit's): {@code total}, {@code NOTICE.met}, {@code NOTICE.missed},
     * {@code HANDLING.met}, {@code HANDLING.missed}, {@code SUPERVISION.met}, {@code SUPERVISION.missed},
     * {@code repeats}, {@code rated}, {@code satisfied}. Each equals the total of
     * {@link #statisticsCases} with that owner and the matching figure.
     */
    java.util.Map<String, java.util.Map<String, Long>> figuresByOwner(java.time.LocalDate from, java.time.LocalDate to);

    /** Counts of the work waiting here. */
    record Workload(int unrouted, int returned, int toAccept, int toDecide, int dueThisWeek, int overdue,
            int supervisionToAnswer, int myLeaderCases, int myLeaderCasesOverdue, int alerts, int listedSupervision,
            int answersToReview, int overdueBelow) {
    }

    /** A leader's 包案, for lists. */
    record LeaderCase(String id, String subject, String owner, String status, org.xinfang.petition.Person leader,
            String leaderUnit, String measures, java.time.LocalDate targetDate, String responsibleUnit,
            java.time.LocalDate takenOn, int progressEntries, java.time.LocalDate lastProgressOn,
            java.time.LocalDate closedOn, boolean overdue) {
    }

    /** An unacknowledged major matter. */
    record Alert(String id, String subject, String owner, String reason, String flaggedBy,
            org.xinfang.petition.Person flaggedByPerson, java.time.Instant flaggedAt, java.time.Instant arrivedHere) {
    }

    /** A supervision notice and its answer. */
    record Supervision(String id, String subject, String owner, String status, String raisedBy,
            java.time.LocalDate raisedOn, String reason, java.time.LocalDate answerDue, java.time.LocalDate answeredOn,
            String answer, boolean listed, String supervisedUnit, String state) {
    }

    /** A case and its open clock, for deadline lists. */
    record CaseDeadline(String id, String subject, String owner, String status, Deadline deadline) {
    }
}
