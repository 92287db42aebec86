package org.xinfang.petition;

import java.time.LocalDate;

/**
 * Filters and paging for a petition list. Every filter is optional (null means any).
 *
 * @param status only this status
 * @param unit only petitions registered by or owned by this unit
 * @param kind only this kind
 * @param from received on or after this day
 * @param to received on or before this day
 * @param text words that must occur in the subject, content or category
 * @param offset how many matches to skip (0 or more)
 * @param limit at most this many (1 to {@value #MAX_LIMIT})
 */
public record PetitionQuery(Status status, String unit, Kind kind, LocalDate from, LocalDate to, String text,
        int offset, int limit) {
    public static final int MAX_LIMIT = 200;

    public PetitionQuery {
        if (offset < 0) {
            throw new ValidationException("offset", "out_of_range", "不能为负数 / must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "out_of_range",
                    "应在1到" + MAX_LIMIT + "之间 / must be between 1 and " + MAX_LIMIT);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new ValidationException("from", "out_of_range", "开始日期晚于结束日期 / from is after to");
        }
        unit = Checks.optionalText("unit", unit, 40);
        text = Checks.optionalText("q", text, 100);
    }

    /** All petitions, first page. */
    public static PetitionQuery all(int limit) {
        return new PetitionQuery(null, null, null, null, null, null, 0, limit);
    }
}
