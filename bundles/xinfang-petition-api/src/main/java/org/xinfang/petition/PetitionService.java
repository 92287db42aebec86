package org.xinfang.petition;

import static org.xinfang.petition.StaffRoles.CLERK;
import static org.xinfang.petition.StaffRoles.HEAD;
import static org.xinfang.petition.StaffRoles.LEADER;

import java.util.Optional;

/** Registers petitions and answers questions about them. Published as an OSGi service. */
public interface PetitionService {

    /**
     * Registers a petition at this node: issues its id, tracking and verification codes, stores it
     * with its first timeline event in one transaction.
     *
     * @param actor the person registering it (first-contact owner)
     * @throws ValidationException when the draft breaks a rule that needs the node's context
     *     (e.g. a receipt date in the future)
     */
    Registration register(PetitionDraft draft, Person actor);

    /**
     * As {@link #register(PetitionDraft, Person)}, for a walk-in received during a leader reception session
     * (领导接访日) of this node's unit: the registration names the session and its receiving leader. A node
     * that keeps no reception days refuses a session.
     *
     * @param receptionDay the session's id, or null for an ordinary registration
     * @throws ValidationException naming {@code receptionDay} when it is not a scheduled session of this
     *     node's unit on the day the matter was received, or the petition is not a walk-in
     */
    default Registration register(PetitionDraft draft, Person actor, String receptionDay) {
        if (receptionDay == null || receptionDay.isBlank()) {
            return register(draft, actor);
        }
        throw new ValidationException("receptionDay", "unknown_reception_day",
                "本节点没有领导接访日 / this node keeps no reception days");
    }

    /**
     * As {@link #register(PetitionDraft, Person, String)}, for a 检举控告 that names the unit it accuses (a unit of
     * the tree) and optionally the person: recorded on the registration, they keep the material from that unit's
     * staff and that person ({@link Disclosure}).
     *
     * @throws ValidationException naming {@code accusedUnit} or {@code accusedPerson} when the petition is not a
     *     检举控告 or the unit is not in the tree
     */
    default Registration register(PetitionDraft draft, Person actor, String receptionDay, String accusedUnit,
            String accusedPerson) {
        if (accusedUnit == null && accusedPerson == null) {
            return register(draft, actor, receptionDay);
        }
        throw new ValidationException("accusedUnit", "not_supported",
                "本节点不能登记被检举控告单位 / this node records no accused unit");
    }

    /**
     * As {@link #register(PetitionDraft, Person)}, for a matter found by the monthly screening of conflicts (矛盾纠纷排查):
     * the registration names the item of the screening report it came from, so the case and the report show each
     * other on every node. The caller (the screening capability) has checked that the item exists and has no case.
     *
     * @param screeningItem the item's id, {@code <unit>-S<yyyyMM>-<n>}
     * @throws ValidationException naming {@code screeningItem} when it is not an item id
     */
    default Registration registerScreened(PetitionDraft draft, Person actor, String screeningItem) {
        throw new ValidationException("screeningItem", "not_supported",
                "本节点不能从矛盾纠纷排查事项登记 / this node registers no screening items");
    }

    /**
     * Who may assign a case (交办/转送): the petition office's clerks, the unit heads and the leaders; {@code admin}
     * may do everything. {@link #assign} refuses anyone else, whether the REST API or the shell asks.
     */
    java.util.Set<String> ASSIGNERS = java.util.Set.of(CLERK, HEAD, LEADER);

    /**
     * Assigns a case to a unit below this node (交办/转送): the unit becomes its owner, the timeline
     * records who assigned it where, and the case is sent down to the node of that unit.
     *
     * @param unit the code of the unit that is to handle it
     * @param actor who assigns: the event records the person; the roles must include one of {@link #ASSIGNERS}
     * @throws org.xinfang.lifecycle.ForbiddenActionException if the actor holds none of {@link #ASSIGNERS}, or
     *     this node neither owns the case nor lies above its owner
     * @throws NotFoundException if this node does not hold the case
     * @throws ValidationException if the unit is unknown, not below this node, or already the owner
     * @throws org.xinfang.lifecycle.IllegalTransitionException if the case's stage does not allow it
     * @throws VersionConflictException if the case changed while it was being assigned
     */
    Petition assign(String id, String unit, String note, org.xinfang.petition.Actor actor);

    /**
     * As {@link #assign(String, String, String, org.xinfang.petition.Actor)}, checked on the case version the
     * person saw: refused with {@link VersionConflictException} if the case is not at {@code version} (null: the
     * version read here).
     */
    Petition assign(String id, String unit, String note, org.xinfang.petition.Actor actor, Integer version);

    /**
     * Open cases of the same petitioners (same identity number): the clerk decides whether this is a
     * repeat of a matter already being handled, which a higher level does not accept again but links
     * (R2022 Art. 19).
     */
    java.util.List<PetitionSummary> possibleRepeats(Petition petition);

    /**
     * Open cases of people holding one of these identity numbers: the registration form warns of a
     * possible repeat before the clerk registers (R2022 Art. 19). Invalid numbers are ignored.
     */
    java.util.List<PetitionSummary> openCasesOf(java.util.Collection<String> idNumbers);

    /** Where a petition held here came from: origin node and sequence, and the nodes it passed. */
    Optional<PetitionStore.Provenance> provenance(String id);

    /**
     * Steps taken on this node that the owner of the stage above did not take, newest first, for one case
     * or for all when {@code caseId} is null: the clerk who took them is told.
     */
    java.util.List<PetitionStore.Conflict> conflicts(String caseId, int limit);

    /** The petition with its timeline, if this node holds it. */
    Optional<Petition> get(String id);

    /**
     * Petitions matching the query, in its order (newest registration first by default). A category of the
     * query names a category of the managed list: it finds the cases registered under its name, English name or
     * any alias.
     *
     * @throws ValidationException {@code category} when the list has no such category
     */
    Page<PetitionSummary> find(PetitionQuery query);

    /**
     * Every case {@link #find} would list with this query, in its order, handed to {@code each} as it is read:
     * what an export streams, however many there are.
     */
    void eachSummary(PetitionQuery query, java.util.function.Consumer<PetitionSummary> each);

    /**
     * Progress for the petitioner: only when both codes match. A wrong code and an unknown tracking
     * code give the same empty answer, so the query cannot be used to probe for codes.
     */
    Optional<PublicProgress> publicProgress(String trackingCode, String verificationCode);

    /**
     * The petitioner rates the latest result of the case (R2022 Art. 21): once per written result
     * (decision, review, re-review, mediation). The rating is recorded on the timeline, journalled, and
     * sent down to the unit that handled the case.
     *
     * @return the progress after rating
     * @throws NotFoundException when the codes do not match (same answer as an unknown code)
     * @throws org.xinfang.lifecycle.IllegalTransitionException when there is no result to rate yet, or it
     *     was rated already
     * @throws ValidationException when the comment is too long
     */
    PublicProgress rate(String trackingCode, String verificationCode, Rating rating, String comment);
}
