package org.xinfang.rest.support;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

/** A client has used up what a {@link RateLimiter} allows it for now: answered 429 with {@code Retry-After}. */
public final class TooManyRequests extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** What a client reads once it has tried too many wrong tracking/verification code pairs. */
    public static final String GUESSES = "查询码或验证码错误次数过多，请稍后再试，或携带回执到信访接待场所查询。"
            + " / Too many wrong codes for this case; please try again later, or ask at the reception office.";

    private final long retryAfterSeconds;

    /** @param message what the client reads, "中文 / English" */
    public TooManyRequests(String message, long retryAfterSeconds) {
        super(message);
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
            return Response.fromResponse(ErrorMappers.answer(429, new ApiError("too_many_requests", e.getMessage(), null)))
                    .header("Retry-After", e.retryAfterSeconds()).build();
        }
    }
}
