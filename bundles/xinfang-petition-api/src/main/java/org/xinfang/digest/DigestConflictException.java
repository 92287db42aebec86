package org.xinfang.digest;

/**
 * A change of a digest its state or version does not allow: the month already has one, it is signed (fixed),
 * or it changed since it was read. Nothing was written. Answered with 409.
 */
public class DigestConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the change was refused. */
    public enum Reason {
        /** The month already has a digest. */
        EXISTS,
        /** The digest is signed and may no longer change. */
        SIGNED,
        /** The digest changed since the version the change was made on. */
        STALE
    }

    private final Reason reason;

    public DigestConflictException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
