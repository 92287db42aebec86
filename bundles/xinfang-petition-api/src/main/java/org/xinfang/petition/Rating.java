package org.xinfang.petition;

import java.util.Locale;

/**
 * The petitioner's rating of a result (满意度评价): petitioners query progress and results and rate the
 * handling (R2022 Art. 21); the ratings count in each unit's yearly assessment (R2022 Art. 38-39).
 */
public enum Rating {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    DISSATISFIED("不满意");

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The rating named by {@code value} (any case), or null. */
    public static Rating parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
