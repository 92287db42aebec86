package org.xinfang.digest;

/** Where a month's digest stands. */
public enum DigestStatus {
    /** Generated; the office edits its text and may refresh the figures. */
    DRAFT("草稿"),
    /** Signed off by a leader (签发): fixed, shown exactly as signed. */
    SIGNED("已签发");

    private final String label;

    DigestStatus(String label) {
        this.label = label;
    }

    /** The Chinese name. */
    public String label() {
        return label;
    }
}
