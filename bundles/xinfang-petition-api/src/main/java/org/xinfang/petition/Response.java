package org.xinfang.petition;

/** How a major matter is worked on together: an emergency response (应急联动) or a joint conference (联席会议). */
public enum Response {
    /** 应急联动. */
    EMERGENCY("应急联动"),
    /** 联席会议. */
    JOINT_CONFERENCE("联席会议");

    private final String label;

    Response(String label) {
        this.label = label;
    }

    /** The Chinese name. */
    public String label() {
        return label;
    }
}
