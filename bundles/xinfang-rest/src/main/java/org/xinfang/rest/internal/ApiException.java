package org.xinfang.rest.internal;

/** A request the API refuses, with the HTTP status and the error body to answer with. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final ApiError body;

    ApiException(int status, String error, String message, String field) {
        super(message);
        this.status = status;
        this.body = new ApiError(error, message, field);
    }

    int status() {
        return status;
    }

    ApiError body() {
        return body;
    }
}
