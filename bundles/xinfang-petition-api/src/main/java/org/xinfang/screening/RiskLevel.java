package org.xinfang.screening;

/** How likely an item is to turn into petitions, mass visits or worse. */
public enum RiskLevel {
    /** 高. */
    HIGH("高", "High"),
    /** 中. */
    MEDIUM("中", "Medium"),
    /** 低. */
    LOW("低", "Low");

    private final String label;
    private final String english;

    RiskLevel(String label, String english) {
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
