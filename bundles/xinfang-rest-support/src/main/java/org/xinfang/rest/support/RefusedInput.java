package org.xinfang.rest.support;

import java.io.IOException;
import javax.ws.rs.ext.ExceptionMapper;

/**
 * Input refused before it reached a resource or a parser: too large, not strict UTF-8, nested too deep. An
 * {@link IOException}, so that it passes through parsers reading the body unchanged; answered by {@link Mapper}
 * with the status and an {@link ApiError} naming the field (or {@code body}). The message never repeats the input.
 */
public final class RefusedInput extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final ApiError error;

    public RefusedInput(int status, String error, String message, String field) {
        super(message);
        this.status = status;
        this.error = new ApiError(error, message, field);
    }

    /** Not strict UTF-8 (overlong forms, surrogates, cut sequences) in the named field, or the body. */
    public static RefusedInput encoding(String field) {
        return new RefusedInput(400, "invalid_encoding", "内容不是有效的 UTF-8 编码 / not valid UTF-8 (overlong forms,"
                + " unpaired surrogates and cut sequences are refused)", field);
    }

    /** A body over its limit. */
    public static RefusedInput tooLarge(long limit) {
        return new RefusedInput(413, "payload_too_large", "请求体超过 " + limit / 1024 + " KiB 上限 / the request body"
                + " exceeds " + limit / 1024 + " KiB", "body");
    }

    /** Arrays and objects nested deeper than any request of the API. */
    public static RefusedInput tooDeep() {
        return new RefusedInput(400, "too_deep", "JSON 嵌套层数超过 " + GuardedBody.MAX_DEPTH + " 层 / JSON nested deeper than "
                + GuardedBody.MAX_DEPTH + " levels", "body");
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return error;
    }

    /** Answers a refused input with its status and error body. */
    public static final class Mapper implements ExceptionMapper<RefusedInput> {
        @Override
        public javax.ws.rs.core.Response toResponse(RefusedInput e) {
            return ErrorMappers.answer(e.status(), e.error());
        }
    }
}
