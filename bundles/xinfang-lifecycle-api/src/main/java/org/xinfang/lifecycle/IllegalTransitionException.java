package org.xinfang.lifecycle;

import org.xinfang.petition.Status;

/** An action that the case's current state does not allow. Answered with 409 naming the state. */
public class IllegalTransitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Status current;
    private final Action action;

    public IllegalTransitionException(Status current, Action action, String message) {
        super(message);
        this.current = current;
        this.action = action;
    }

    public Status current() {
        return current;
    }

    public Action action() {
        return action;
    }
}
