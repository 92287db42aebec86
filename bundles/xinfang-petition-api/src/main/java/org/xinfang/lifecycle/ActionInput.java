package org.xinfang.lifecycle;

/**
 * What a person enters with an action. Which fields an action needs is checked by the service; a
 * missing one is reported by name.
 *
 * @param reason why (objection, extension, not accepting, redirecting)
 * @param days extension length (1 to 30)
 * @param channel where a redirected matter goes: {@code LEGAL} (涉法涉诉), {@code DISCIPLINE} (纪检监察), {@code OTHER}
 * @param request the petitioner's request, as the decision restates it
 * @param facts the facts found
 * @param decision {@code SUPPORT} (支持), {@code EXPLAIN} (解释说明) or {@code REJECT} (不予支持)
 * @param basis the legal basis
 * @param signOff whether the unit head signs the decision off
 * @param note anything else for the timeline
 * @param linkTo the open case a repeat petition is linked to ({@code link})
 */
public record ActionInput(String reason, Integer days, String channel, String request, String facts, String decision,
        String basis, Boolean signOff, String note, String linkTo) {

    /** The input without a link. */
    public ActionInput(String reason, Integer days, String channel, String request, String facts, String decision,
            String basis, Boolean signOff, String note) {
        this(reason, days, channel, request, facts, decision, basis, signOff, note, null);
    }

    /** No input. */
    public static ActionInput none() {
        return new ActionInput(null, null, null, null, null, null, null, null, null, null);
    }
}
