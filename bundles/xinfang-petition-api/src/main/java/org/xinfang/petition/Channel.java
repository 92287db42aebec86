package org.xinfang.petition;

/** How a petition reached the office (R2022 Art. 17, 19: oral petitions are recorded as given). */
public enum Channel {
    ONLINE("网上"),
    LETTER("来信"),
    WALK_IN("来访"),
    PHONE("来电"),
    FAX("传真"),
    EMAIL("电邮");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    /** The Chinese name used in documents and screens. */
    public String label() {
        return label;
    }
}
