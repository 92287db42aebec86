package org.xinfang.rules;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Documents;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Petition;
import org.xinfang.petition.Status;

/**
 * Where a case stands, derived from its timeline alone: the same events give the same state on every
 * node. A case's status and owner are never set any other way, so no field of a case changes without an
 * event that justifies it.
 *
 * @param status the state of the procedure
 * @param owner the unit that owns the current stage: the registering unit, then the unit assigned to
 * @param registeredBy the unit that registered the case
 * @param lastAssigner the unit that made the latest assignment (an objection returns the case there)
 * @param objector the unit whose objection awaits the assigning office (a declined objection returns the case
 *     there), or null
 * @param reviewer the unit that gave the latest review (the re-review is asked above it)
 * @param extended whether the handling period was extended (once only, R2022 Art. 34)
 * @param inHearing whether a hearing is in progress (R2022 Art. 36)
 * @param openSupervision the latest supervision notice not yet answered, or null
 * @param supervisedLapses the lapses supervised so far, as {@code CLOCK@due}: each is supervised once
 * @param rateable whether a written result has been issued that the petitioner has not rated yet
 * @param unitsAssigned every unit the case was ever assigned to
 * @param version how many events the state is derived from
 * @param kind the kind of matter, which decides its procedure (R2022 Art. 29-34); null on a case read
 *     without it, handled as a claim
 * @param awaitingReceipt whether the latest assignment has not been received (签收) by its unit yet
 * @param documents the latest document of each type owed to the petitioner: who issued it, when, and
 *     when it was delivered
 * @param supervisionAnswered whether the open supervision (by hand) was answered and awaits the supervising
 *     organ's acceptance
 * @param leader the leader's 包案 (the latest), or null
 * @param hearingPending the hearing scheduled and not yet recorded, or null
 * @param major the flag of a major or urgent matter, or null
 * @param majorReceivedBy the units above the flagging one whose nodes recorded the report's arrival
 * @param majorAcknowledgedBy the units at which a named person acknowledged the report
 * @param response the emergency response or joint conference opened for a major matter and not closed, or null
 * @param imported whether the case was imported from the office's old register (its registration names the
 *     import): such a case keeps no statutory clocks here
 * @param accusedUnit the unit an accusation (检举控告) names as accused, from its registration, or null
 */
public record CaseState(Status status, String owner, String registeredBy, String lastAssigner, String objector,
        String reviewer,
        boolean extended, boolean inHearing, Event openSupervision, Set<String> supervisedLapses, boolean rateable,
        Set<String> unitsAssigned, int version, Kind kind, boolean awaitingReceipt,
        Map<EventType, Document> documents, boolean supervisionAnswered, LeaderCase leader, Event hearingPending,
        Event major, Set<String> majorReceivedBy, Set<String> majorAcknowledgedBy, Event response,
        boolean imported, String accusedUnit) {

    /**
     * A leader's 包案 (四定: the leader, the measures, the deadline, the responsible unit).
     *
     * @param taken the LEADER_TOOK event (its actor is the leader, its unit the leader's)
     * @param closed the LEADER_CLOSED event, or null while open
     */
    public record LeaderCase(Event taken, Event closed) {
        /** Whether the 包案 is still open. */
        public boolean open() {
            return closed == null;
        }
    }

    /**
     * A document owed to the petitioner.
     *
     * @param unit the unit that issued it
     * @param issuedOn the day it was issued
     * @param deliveredOn the day the petitioner received it, or null while not recorded
     */
    public record Document(String unit, LocalDate issuedOn, LocalDate deliveredOn) {
    }

    public CaseState {
        supervisedLapses = Set.copyOf(supervisedLapses);
        unitsAssigned = Set.copyOf(unitsAssigned);
        documents = java.util.Collections.unmodifiableMap(copy(documents));
        majorReceivedBy = Set.copyOf(majorReceivedBy);
        majorAcknowledgedBy = Set.copyOf(majorAcknowledgedBy);
    }

    /** The unit that must answer the open supervision: the one it names, else the owner; null when none is open. */
    public String supervisedUnit() {
        if (openSupervision == null) {
            return null;
        }
        return openSupervision.attrs().has(Attr.SUPERVISED_UNIT) ? openSupervision.attrs().get(Attr.SUPERVISED_UNIT)
                : owner;
    }

    /** Whether a supervision raised by hand (not by the overdue scan): its answer is accepted or sent back. */
    public static boolean byHand(Event supervised) {
        return !supervised.attrs().has(Attr.CLOCK);
    }

    /** The state after every event of the case. */
    public static CaseState of(Petition p) {
        return of(p.registeredBy(), p.kind(), p.timeline(), p.timeline().size());
    }

    /** The state after the first {@code version} events of the case: the state a step was checked on. */
    public static CaseState of(Petition p, int version) {
        return of(p.registeredBy(), p.kind(), p.timeline(), Math.min(version, p.timeline().size()));
    }

    private static CaseState of(String registeredBy, Kind kind, List<Event> timeline, int count) {
        CaseState s = new CaseState(Status.REGISTERED, registeredBy, registeredBy, null, null, null, false, false, null,
                Set.of(), false, Set.of(), 0, kind, false, Map.of(), false, null, null, null, Set.of(), Set.of(), null, false,
                null);
        for (int i = 0; i < count; i++) {
            s = s.next(timeline.get(i));
        }
        return s;
    }

    /** The procedure the case follows: its kind, a claim when not known. */
    public Kind procedure() {
        return kind == null ? Kind.CLAIM : kind;
    }

    /** Whether the case is still open. */
    public boolean open() {
        return !status.closed();
    }

    /** The state after {@code e}. The event is assumed allowed ({@link Authority} decides that). */
    public CaseState next(Event e) {
        EventType type = e.type();
        Status nextStatus = type.to() == null ? status : type.to();
        String nextOwner = owner;
        String assigner = lastAssigner;
        String objecting = objector;
        String nextReviewer = reviewer;
        boolean ext = extended;
        boolean hearing = inHearing;
        Event supervision = openSupervision;
        Set<String> lapses = supervisedLapses;
        boolean canRate = rateable;
        Set<String> assigned = unitsAssigned;
        boolean awaiting = awaitingReceipt;
        boolean answered = supervisionAnswered;
        LeaderCase lead = leader;
        Event hearingNext = hearingPending;
        Event flag = major;
        Set<String> reported = majorReceivedBy;
        Set<String> acknowledged = majorAcknowledgedBy;
        Event joint = response;
        boolean historic = imported;
        String accused = accusedUnit;
        Map<EventType, Document> docs = documents;
        LocalDate day = LocalDate.ofInstant(e.at(), Deadlines.ZONE);
        if (Documents.owedToPetitioner(type)) {
            docs = copy(documents);
            docs.put(type, new Document(e.unit(), day, null));
        }
        switch (type) {
            case REGISTERED -> {
                nextOwner = registeredBy;
                historic = e.attrs().has(Attr.IMPORTED_FROM);
                accused = e.attrs().has(Attr.ACCUSED_UNIT) ? e.attrs().get(Attr.ACCUSED_UNIT) : null;
            }
            case ASSIGNED -> {
                String unit = e.attrs().get(Attr.UNIT);
                if (unit != null) {
                    nextOwner = unit;
                    assigned = plus(assigned, unit);
                }
                assigner = e.unit();
                objecting = null;
                awaiting = true;
            }
            case RECEIVED -> awaiting = false;
            case DELIVERED -> {
                EventType doc = e.attrs().get(Attr.DOCUMENT);
                Document d = doc == null ? null : documents.get(doc);
                if (d != null) {
                    docs = copy(documents);
                    docs.put(doc, new Document(d.unit(), d.issuedOn(), e.attrs().get(Attr.DELIVERED_ON)));
                }
            }
            // R2022 Art. 23(3): the matter waits with the unit that assigned it, which decides on the objection
            case OBJECTED -> {
                awaiting = false;
                objecting = e.unit();
                nextOwner = lastAssigner == null ? registeredBy : lastAssigner;
            }
            case OBJECTION_DECLINED -> {
                nextOwner = objector == null ? owner : objector;
                objecting = null;
            }
            case EXTENDED -> ext = true;
            case REVIEWED -> nextReviewer = e.unit();
            case HEARING_STARTED -> hearing = true;
            case HEARING_ENDED -> hearing = false;
            case SUPERVISED -> {
                supervision = e;
                answered = false;
                if (e.attrs().has(Attr.CLOCK) && e.attrs().has(Attr.DUE)) {
                    lapses = plus(lapses, e.attrs().get(Attr.CLOCK) + "@" + e.attrs().get(Attr.DUE));
                }
            }
            case SUPERVISION_ANSWERED -> {
                if (supervision != null && byHand(supervision)) {
                    answered = true; // the supervising organ accepts it or sends it back
                } else {
                    supervision = null;
                }
            }
            case SUPERVISION_ACCEPTED -> {
                supervision = null;
                answered = false;
            }
            case SUPERVISION_RETURNED -> answered = false;
            case LEADER_TOOK -> lead = new LeaderCase(e, null);
            case LEADER_CLOSED -> lead = lead == null ? null : new LeaderCase(lead.taken(), e);
            case HEARING_SCHEDULED -> hearingNext = e;
            case HEARING_RECORDED -> hearingNext = null;
            case MAJOR_FLAGGED -> flag = e;
            case MAJOR_RECEIVED -> reported = plus(reported, e.unit());
            case MAJOR_ACKNOWLEDGED -> acknowledged = plus(acknowledged, e.unit());
            case RESPONSE_OPENED -> joint = e;
            case RESPONSE_CLOSED -> joint = null;
            case RATED -> canRate = false;
            default -> {
                // the state and owner follow from the type alone
            }
        }
        if (type.isResult()) {
            canRate = true;
        }
        if (type == EventType.ACCEPTED) {
            awaiting = false;
        }
        return new CaseState(nextStatus, nextOwner, registeredBy, assigner, objecting, nextReviewer, ext, hearing,
                supervision, lapses, canRate, assigned, version + 1, kind, awaiting, docs, answered, lead, hearingNext,
                flag, reported, acknowledged, joint, historic, accused);
    }

    private static Map<EventType, Document> copy(Map<EventType, Document> map) {
        Map<EventType, Document> copy = new EnumMap<>(EventType.class);
        copy.putAll(map);
        return copy;
    }

    private static Set<String> plus(Set<String> set, String value) {
        Set<String> more = new HashSet<>(set);
        more.add(value);
        return more;
    }
}
