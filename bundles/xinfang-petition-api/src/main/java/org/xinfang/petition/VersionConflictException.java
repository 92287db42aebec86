package org.xinfang.petition;

/**
 * A step checked on one version of a case that has changed since: someone else acted first. Nothing
 * was written; the step may be taken again on the case as it is now. Answered with 409.
 */
public class VersionConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String caseId;
    private final int expected;
    private final int current;

    public VersionConflictException(String caseId, int expected, int current) {
        super("本件已被他人办理（已由第" + expected + "版变为第" + current + "版），请刷新后重试 / case " + caseId
                + " changed since it was read (version " + expected + ", now " + current + "): reload and try again");
        this.caseId = caseId;
        this.expected = expected;
        this.current = current;
    }

    public String caseId() {
        return caseId;
    }

    /** The version the step was checked on. */
    public int expected() {
        return expected;
    }

    /** The version the case has now. */
    public int current() {
        return current;
    }
}
