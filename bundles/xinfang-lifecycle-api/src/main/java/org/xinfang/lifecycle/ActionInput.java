package org.xinfang.lifecycle;

/**
 * What a person enters with an action. Which fields an action needs is checked by the service; a
 * missing one is reported by name. Each becomes a typed attribute of the event the action records
 * ({@link org.xinfang.petition.Attr}), checked against that attribute's own limit.
 *
 * @param reason why (objection, extension, not accepting, redirecting, asking for review)
 * @param days extension length (1 to 30)
 * @param channel where a redirected matter goes: {@code LEGAL} (涉法涉诉), {@code DISCIPLINE} (纪检监察), {@code OTHER}
 * @param request the petitioner's request, as the decision restates it
 * @param facts the facts found
 * @param decision {@code SUPPORT} (支持), {@code EXPLAIN} (解释说明) or {@code REJECT} (不予支持)
 * @param basis the legal basis
 * @param signOff whether the unit head signs the decision off
 * @param note what the person writes beside the step (for {@code mediate} without {@code agreement}: the agreement)
 * @param linkTo the open case a repeat petition is linked to ({@code link})
 * @param agreement the mediation agreement ({@code mediate})
 * @param answer the written answer to supervision ({@code answer-supervision}; {@code reason} is taken too)
 * @param version the case version the person saw when choosing the step; when given, the step is refused
 *     with 409 if the case has changed since
 * @param result a review's or re-review's conclusion ({@code UPHOLD} 维持, {@code VARY} 变更, {@code REVOKE} 撤销),
 *     or what became of a suggestion ({@code reply}: {@code ADOPTED}, {@code PARTLY_ADOPTED}, {@code NOT_ADOPTED})
 * @param filedOn the day the petitioner filed a review or re-review request (ISO date; today when absent)
 * @param document the document delivered ({@code deliver}): the step that issued it, e.g. {@code DECIDED}
 * @param deliveredOn the day the petitioner received it (ISO date)
 * @param way how: {@code IN_PERSON}, {@code POST}, {@code ONLINE}
 * @param more every other field given, by name: the steps of 包案 ({@code measures}, {@code targetDate},
 *     {@code responsibleUnit}, {@code progress}, {@code summary}), hearings ({@code hearingOn}, {@code place},
 *     {@code chair}, {@code panel}, {@code petitionerSide}, {@code unitSide}, {@code openness},
 *     {@code attendance}, {@code record}, {@code opinion}) and supervision ({@code answerBy}) take their input here
 */
public record ActionInput(String reason, Integer days, String channel, String request, String facts, String decision,
        String basis, Boolean signOff, String note, String linkTo, String agreement, String answer, Integer version,
        String result, String filedOn, String document, String deliveredOn, String way, java.util.Map<String, Object> more) {

    public ActionInput {
        more = more == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(more));
    }

    /** The input with results, filing and delivery days, without further fields. */
    public ActionInput(String reason, Integer days, String channel, String request, String facts, String decision,
            String basis, Boolean signOff, String note, String linkTo, String agreement, String answer,
            Integer version, String result, String filedOn, String document, String deliveredOn, String way) {
        this(reason, days, channel, request, facts, decision, basis, signOff, note, linkTo, agreement, answer, version,
                result, filedOn, document, deliveredOn, way, null);
    }

    /** A field of the steps that take their input by attribute name (包案, hearings, supervision), or null. */
    public Object field(String name) {
        return more.get(name);
    }

    /** The input before results, filing and delivery days. */
    public ActionInput(String reason, Integer days, String channel, String request, String facts, String decision,
            String basis, Boolean signOff, String note, String linkTo, String agreement, String answer,
            Integer version) {
        this(reason, days, channel, request, facts, decision, basis, signOff, note, linkTo, agreement, answer, version,
                null, null, null, null, null);
    }

    /** The input of the first release (no agreement, answer or version). */
    public ActionInput(String reason, Integer days, String channel, String request, String facts, String decision,
            String basis, Boolean signOff, String note, String linkTo) {
        this(reason, days, channel, request, facts, decision, basis, signOff, note, linkTo, null, null, null);
    }

    /** The input without a link. */
    public ActionInput(String reason, Integer days, String channel, String request, String facts, String decision,
            String basis, Boolean signOff, String note) {
        this(reason, days, channel, request, facts, decision, basis, signOff, note, null);
    }

    /** No input. */
    public static ActionInput none() {
        return new ActionInput(null, null, null, null, null, null, null, null, null, null);
    }

    /** The same input, checked against this case version. */
    public ActionInput atVersion(Integer expected) {
        return new ActionInput(reason, days, channel, request, facts, decision, basis, signOff, note, linkTo, agreement,
                answer, expected, result, filedOn, document, deliveredOn, way, more);
    }
}
