package org.xinfang.portal.internal;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.xinfang.rest.support.ApiError;
import org.xinfang.rest.support.ErrorMappers;

/** A client has used up its online petitions for now: answered 429 with {@code Retry-After}. */
public final class TooManyRequests extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String MESSAGE = "提交过于频繁，请稍后再试，或通过来电、来信、来访反映。"
            + " / Too many petitions from this address; please try again later, or call, write or visit us.";

    private final long retryAfterSeconds;

    public TooManyRequests(long retryAfterSeconds) {
        super(MESSAGE);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Seconds until the client may try again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 429 {"error": "too_many_requests", "message": ...} with a Retry-After header. */
    public static final class Mapper implements ExceptionMapper<TooManyRequests> {
        @Override
        public Response toResponse(TooManyRequests e) {
            return Response.fromResponse(ErrorMappers.answer(429, new ApiError("too_many_requests", MESSAGE, null)))
                    .header("Retry-After", e.retryAfterSeconds()).build();
        }
    }
}
