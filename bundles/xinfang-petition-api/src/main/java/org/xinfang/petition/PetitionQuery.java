package org.xinfang.petition;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Filters, order and paging for a petition list. Every filter is optional (null means any). The order always
 * ends on the case id, so that consecutive pages of an unchanged list never repeat or skip a case.
 *
 * @param status only this status
 * @param unit only petitions registered by or owned by this unit
 * @param kind only this kind
 * @param from received on or after this day
 * @param to received on or before this day
 * @param text what the search box holds: every word of it (at most {@value #MAX_WORDS}, split at blanks) must
 *     find the case by its id (whole or its beginning), its tracking code (查询码), a petitioner's name
 *     (whole or part), with {@code personalData} a petitioner's 18-character ID number (whole), or occur in the
 *     subject, content or category; Latin letters match in either case
 * @param offset how many matches to skip (0 or more)
 * @param limit at most this many (1 to {@value #MAX_LIMIT})
 * @param channel only this channel
 * @param categories only cases whose stored category is one of these (in either case of Latin letters): a
 *     category of the managed list and its aliases, see {@code CategoryList}
 * @param ids only these cases (a filter computed outside the database, such as overdue)
 * @param personalData whether the search may find a case by a petitioner's ID number: only for the roles that
 *     may see personal data
 * @param sort the column to order by
 * @param ascending ascending rather than descending (the id that breaks ties follows the same direction)
 */
public record PetitionQuery(Status status, String unit, Kind kind, LocalDate from, LocalDate to, String text,
        int offset, int limit, Channel channel, Set<String> categories, Set<String> ids, boolean personalData,
        Sort sort, boolean ascending) {
    public static final int MAX_LIMIT = 200;
    /** How many words of the search box count. */
    public static final int MAX_WORDS = 5;

    /** The columns a list can be ordered by, each under its name in the API. */
    public enum Sort {
        RECEIVED_AT("receivedAt"),
        REGISTERED_AT("registeredAt"),
        ID("id"),
        STATUS("status"),
        OWNER("owner"),
        SUBJECT("subject");

        private final String param;

        Sort(String param) {
            this.param = param;
        }

        /** The name of the column in the API ({@code sort=receivedAt}). */
        public String param() {
            return param;
        }

        /**
         * The column named {@code param}, or the default (newest registration first) for null or blank.
         *
         * @throws ValidationException {@code sort} for any other name
         */
        public static Sort of(String param) {
            if (param == null || param.isBlank()) {
                return REGISTERED_AT;
            }
            return Arrays.stream(values()).filter(s -> s.param.equalsIgnoreCase(param.strip())).findFirst()
                    .orElseThrow(() -> new ValidationException("sort", "invalid_value", "取值无效，可选：receivedAt,"
                            + " registeredAt, id, status, owner, subject / must be one of receivedAt, registeredAt, id,"
                            + " status, owner, subject"));
        }
    }

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
        categories = categories == null ? null : Set.copyOf(categories);
        ids = ids == null ? null : Set.copyOf(ids);
        sort = sort == null ? Sort.REGISTERED_AT : sort;
    }

    /** The filters as before sorting was offered: newest registration first, no ID numbers searched. */
    public PetitionQuery(Status status, String unit, Kind kind, LocalDate from, LocalDate to, String text,
            int offset, int limit) {
        this(status, unit, kind, from, to, text, offset, limit, null, null, null, false, Sort.REGISTERED_AT, false);
    }

    /** All petitions, first page. */
    public static PetitionQuery all(int limit) {
        return new PetitionQuery(null, null, null, null, null, null, 0, limit);
    }

    /** This query for another page. */
    public PetitionQuery page(int offset, int limit) {
        return new PetitionQuery(status, unit, kind, from, to, text, offset, limit, channel, categories, ids,
                personalData, sort, ascending);
    }

    /** This query, only for cases that came by {@code channel} (null: any). */
    public PetitionQuery withChannel(Channel channel) {
        return new PetitionQuery(status, unit, kind, from, to, text, offset, limit, channel, categories, ids,
                personalData, sort, ascending);
    }

    /** This query, only for cases whose stored category is one of these (null: any). */
    public PetitionQuery withCategories(Set<String> categories) {
        return new PetitionQuery(status, unit, kind, from, to, text, offset, limit, channel, categories, ids,
                personalData, sort, ascending);
    }

    /** This query, only for these cases (null: any). */
    public PetitionQuery withIds(Set<String> ids) {
        return new PetitionQuery(status, unit, kind, from, to, text, offset, limit, channel, categories, ids,
                personalData, sort, ascending);
    }

    /** This query, searching ID numbers too when {@code personalData}. */
    public PetitionQuery withPersonalData(boolean personalData) {
        return new PetitionQuery(status, unit, kind, from, to, text, offset, limit, channel, categories, ids,
                personalData, sort, ascending);
    }

    /** This query, ordered by {@code sort}. */
    public PetitionQuery sortedBy(Sort sort, boolean ascending) {
        return new PetitionQuery(status, unit, kind, from, to, text, offset, limit, channel, categories, ids,
                personalData, sort, ascending);
    }

    /** The words of the search box that count (none without a search). */
    public java.util.List<String> words() {
        if (text == null) {
            return java.util.List.of();
        }
        return Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).limit(MAX_WORDS).toList();
    }

    /**
     * Whether {@code order} asks for ascending order: {@code asc} or {@code desc}; null or blank gives the
     * default, descending (newest first).
     *
     * @throws ValidationException {@code order} for anything else
     */
    public static boolean ascending(String order) {
        if (order == null || order.isBlank()) {
            return false;
        }
        return switch (order.strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw new ValidationException("order", "invalid_value", "取值无效，可选：asc, desc / must be asc or"
                    + " desc");
        };
    }
}
