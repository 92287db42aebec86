package org.xinfang.petition;

/**
 * Input that breaks a rule of the petition model. Names the offending field (a JSON path such as
 * {@code petitioners[1].idNumber}) and says, in Chinese first, what is wrong with it.
 */
public class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String code;

    /**
     * @param field the offending field, as a JSON path; never null
     * @param code a stable machine-readable reason, e.g. {@code required} or {@code check_digit}
     * @param message the reason for a person, zh-CN first
     */
    public ValidationException(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    /** The offending field as a JSON path. */
    public String field() {
        return field;
    }

    /** A stable, machine-readable reason. */
    public String code() {
        return code;
    }

    /** The same error, reported for a field nested under {@code prefix}. */
    public ValidationException under(String prefix) {
        ValidationException moved = new ValidationException(prefix + "." + field, code, getMessage());
        moved.setStackTrace(getStackTrace());
        return moved;
    }
}
