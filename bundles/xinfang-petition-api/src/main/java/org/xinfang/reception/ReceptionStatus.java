package org.xinfang.reception;

/** Where a reception session stands. */
public enum ReceptionStatus {
    /** 已排期: published, not yet held. */
    SCHEDULED("已排期", "Scheduled"),
    /** 已取消, with the reason. */
    CANCELLED("已取消", "Cancelled"),
    /** 已接访: held, with its record (what was raised, what was decided). */
    HELD("已接访", "Held");

    private final String label;
    private final String english;

    ReceptionStatus(String label, String english) {
        this.label = label;
        this.english = english;
    }

    /** The Chinese name. */
    public String label() {
        return label;
    }

    /** The English name. */
    public String english() {
        return english;
    }
}
