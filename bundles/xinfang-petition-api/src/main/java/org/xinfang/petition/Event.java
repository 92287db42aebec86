package org.xinfang.petition;

import java.time.Instant;

/**
 * One entry in a case's timeline: what happened, its typed facts, who did it (the person, not only
 * the login), in which unit, on which node, when. Immutable once stored; the timeline is the record
 * that accountability questions (R2022 Art. 43-46) are answered from.
 *
 * @param seq position in the case's timeline, from 1; the case's version is its last position
 * @param id the event's identity in the whole network: the node that recorded it and the position of
 *     that change in the node's journal ({@code 510199101#17}); it never changes, while a step taken on
 *     a lower node may land at another position once the owner of the stage above has it
 * @param at when it happened (node clock, UTC)
 * @param type what happened
 * @param actor the person who did it
 * @param unit the unit the person acted for
 * @param node the node where it was recorded
 * @param attrs its typed facts (see {@link EventType})
 * @param note what the person wrote beside them, may be null; never parsed
 */
public record Event(int seq, String id, Instant at, EventType type, Person actor, String unit, String node,
        Attributes attrs, String note) {

    /** The longest note a person may write on a step. */
    public static final int MAX_NOTE = 2000;

    public Event {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be positive");
        }
        Checks.text("id", id, 80);
        Checks.required("at", at);
        Checks.required("type", type);
        Checks.required("actor", actor);
        unit = Checks.text("unit", unit, 40);
        node = Checks.text("node", node, 40);
        attrs = attrs == null ? Attributes.NONE : attrs;
        type.checkAllowed(attrs);
        note = Checks.optionalText("note", note, MAX_NOTE);
    }

    /** The same event at another position of the timeline. */
    public Event atPosition(int position) {
        return position == seq ? this : new Event(position, id, at, type, actor, unit, node, attrs, note);
    }

    /** The event's facts without its identity and position: what was recorded. */
    public NewEvent content() {
        return new NewEvent(type, actor, unit, node, at, attrs, note);
    }
}
