package org.xinfang.screening;

/** What a screening item is. */
public enum ItemKind {
    /** 矛盾隐患: a conflict that has not come to a petition yet. */
    HIDDEN_CONFLICT("矛盾隐患", "Hidden conflict"),
    /** 热点问题: an issue many people raise. */
    HOT_ISSUE("热点问题", "Hot issue");

    private final String label;
    private final String english;

    ItemKind(String label, String english) {
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
