package org.xinfang.rest.support;

/** A request the API refuses, with the HTTP status and the error body to answer with. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final ApiError body;

    public ApiException(int status, String error, String message, String field) {
        super(message);
        this.status = status;
        this.body = new ApiError(error, message, field);
    }

    public int status() {
        return status;
    }

    public ApiError body() {
        return body;
    }
}
