package org.xinfang.petition;

import java.time.Instant;

/**
 * An event about to be recorded: everything but its position and identity, which the store gives it
 * in the transaction that journals it.
 */
public record NewEvent(EventType type, Person actor, String unit, String node, Instant at, Attributes attrs,
        String note) {
    public NewEvent {
        Checks.required("type", type);
        Checks.required("actor", actor);
        unit = Checks.text("unit", unit, 40);
        node = Checks.text("node", node, 40);
        Checks.required("at", at);
        attrs = attrs == null ? Attributes.NONE : attrs;
        type.checkAllowed(attrs);
        note = Checks.optionalText("note", note, Event.MAX_NOTE);
    }

    /** The recorded event at {@code seq} with the identity {@code id}. */
    public Event recorded(int seq, String id) {
        return new Event(seq, id, at, type, actor, unit, node, attrs, note);
    }
}
