package org.xinfang.lifecycle;

/** The actor's role or unit does not allow the action on this case. Answered with 403. */
public class ForbiddenActionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ForbiddenActionException(String message) {
        super(message);
    }
}
