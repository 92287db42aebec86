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

    /** Requires a non-null value. */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, "required", "必填项不能为空 / required");
        }
        return value;
    }
}
