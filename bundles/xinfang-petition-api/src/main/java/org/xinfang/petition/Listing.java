package org.xinfang.petition;

/**
 * How a supervision notice is raised: 挂牌督办 shows on the district's board until the supervising organ
 * accepts the answer; an ordinary one does not.
 */
public enum Listing {
    /** 挂牌督办. */
    LISTED("挂牌督办"),
    /** 一般督办. */
    ORDINARY("一般督办");

    private final String label;

    Listing(String label) {
        this.label = label;
    }

    /** The Chinese name. */
    public String label() {
        return label;
    }
}
