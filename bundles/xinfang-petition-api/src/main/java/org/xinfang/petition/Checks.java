package org.xinfang.petition;

import java.util.regex.Pattern;

/** Small validation helpers shared by the model's records. */
public final class Checks {
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

    private Checks() {
    }

    /** Requires a non-blank text of at most {@code max} characters, without control characters; returns it trimmed. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "required", "必填项不能为空 / required");
        }
        return optionalText(field, value, max);
    }

    /** Like {@link #text} but allows null or blank, which becomes null. */
    public static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw new ValidationException(field, "too_long",
                    "长度不能超过 " + max + " 个字符 / at most " + max + " characters");
        }
        if (CONTROL.matcher(trimmed).find()) {
            throw new ValidationException(field, "control_character",
                    "含有不可见的控制字符 / contains control characters");
        }
        return trimmed;
    }

    /** The first year the system counts: no date of a case, a query or a report lies before it. */
    public static final int FIRST_YEAR = 1990;
    /** The last year the system counts. */
    public static final int LAST_YEAR = 2100;

    /**
     * Requires a date within the years the system counts ({@value #FIRST_YEAR} to {@value #LAST_YEAR}); null stays
     * null. A date outside them is a typing error (or an attack), never a case: refused before it reaches a query.
     */
    public static java.time.LocalDate date(String field, java.time.LocalDate value) {
        if (value != null) {
            year(field, value.getYear());
        }
        return value;
    }

    /**
     * Why a date typed as text cannot be read, for the person who typed it: a day the calendar does not have
     * (2026-02-30: the form is right, the day is not) or else the form expected.
     */
    public static String unreadableDate(String text) {
        return text != null && text.strip().matches("\\d{4}-\\d{2}-\\d{2}")
                ? "日历上没有这一天（月或日超出范围） / no such day in the calendar (month or day out of range)"
                : "日期格式应为 YYYY-MM-DD / must be YYYY-MM-DD";
    }

    /** Requires a year within the years the system counts; returns it. */
    public static int year(String field, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new ValidationException(field, "out_of_range", "年份应在 " + FIRST_YEAR + " 至 " + LAST_YEAR + " 之间 / the year"
                    + " must be " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        return year;
    }

    /** Requires a non-null value. */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, "required", "必填项不能为空 / required");
        }
        return value;
    }
}
