package org.xinfang.sync;

/**
 * A push or pull the parent refuses: a gap in a sequence, a broken hash chain, an origin outside the
 * sender's subtree. Nothing of the batch is stored; the parent raises an alarm.
 */
public class SyncRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;
    private final String origin;
    private final long expected;

    /**
     * @param status the HTTP status to answer with (409 for gaps and chains, 403 for foreign origins)
     * @param reason stable code: {@code gap}, {@code broken_chain}, {@code conflict}, {@code foreign_origin}
     * @param origin the origin at fault
     * @param expected the sequence the parent expects next from that origin
     */
    public SyncRefusedException(int status, String reason, String origin, long expected, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.origin = origin;
        this.expected = expected;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String origin() {
        return origin;
    }

    public long expected() {
        return expected;
    }
}
