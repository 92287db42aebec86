package org.xinfang.petition;

import java.time.Instant;

/**
 * One entry in a case's timeline: who did what, in which unit, on which node, when. Immutable once
 * stored; the timeline is the record that accountability questions (R2022 Art. 43-46) are answered from.
 *
 * @param seq position in the case's timeline, from 1
 * @param at when it happened (node clock, UTC)
 * @param type what happened, e.g. {@code REGISTERED}
 * @param actor the user who did it
 * @param unit the unit the user acted for
 * @param node the node where it was recorded
 * @param note free text, may be null
 */
public record Event(int seq, Instant at, String type, String actor, String unit, String node, String note) {
    public Event {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be positive");
        }
        Checks.required("at", at);
        type = Checks.text("type", type, 40);
        actor = Checks.text("actor", actor, 100);
        unit = Checks.text("unit", unit, 40);
        node = Checks.text("node", node, 40);
        note = Checks.optionalText("note", note, 2000);
    }
}
