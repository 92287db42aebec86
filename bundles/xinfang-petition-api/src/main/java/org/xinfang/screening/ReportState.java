package org.xinfang.screening;

/**
 * Where a monthly report stands: {@code DRAFT} → {@code FILED} → {@code RETURNED} (with comments) → {@code FILED}
 * again … A draft or a returned report is in the unit's hands (only its node changes it); a filed one is in the
 * hands of the units above (they may send it back, or register one of its items as a case).
 */
public enum ReportState {
    /** 草稿: being written at the unit. */
    DRAFT("草稿", "Draft"),
    /** 已报: filed with the units above. */
    FILED("已报", "Filed"),
    /** 退回: sent back by a unit above with comments, to be corrected and filed again. */
    RETURNED("退回", "Returned");

    private final String label;
    private final String english;

    ReportState(String label, String english) {
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

    /** Whether the unit itself may change the report now (else only the units above may). */
    public boolean withUnit() {
        return this != FILED;
    }
}
