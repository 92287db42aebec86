package org.xinfang.open311.internal;

import java.util.List;
import java.util.Map;

/**
 * A request Open311 refuses, answered in the standard's error format {@code [{"code": …, "description": …}]}
 * with the same HTTP status; the description is Chinese first, then English.
 */
final class Open311Error extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    Open311Error(int status, String description) {
        super(description);
        this.status = status;
    }

    static Open311Error badRequest(String field, String description) {
        return new Open311Error(400, field + "：" + description);
    }

    static Open311Error notFound(String description) {
        return new Open311Error(404, description);
    }

    int status() {
        return status;
    }

    /** The body the standard prescribes: a list of errors, here always one. */
    List<Map<String, Object>> body() {
        return body(status, getMessage());
    }

    static List<Map<String, Object>> body(int code, String description) {
        return List.of(Map.of("code", code, "description", description));
    }
}
