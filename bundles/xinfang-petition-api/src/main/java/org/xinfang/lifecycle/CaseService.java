package org.xinfang.lifecycle;

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

    /** A supervision notice and its answer. */
    record Supervision(String id, String subject, String owner, String status, String raisedBy,
            java.time.LocalDate raisedOn, String reason, java.time.LocalDate answerDue, java.time.LocalDate answeredOn,
            String answer) {
    }

    /** A case and its open clock, for deadline lists. */
    record CaseDeadline(String id, String subject, String owner, String status, Deadline deadline) {
    }
}
