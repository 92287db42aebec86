package org.xinfang.digest.internal;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.xinfang.digest.DigestConflictException;
import org.xinfang.rest.support.ApiError;
import org.xinfang.rest.support.ErrorMappers;

/**
 * A change the digest's state or version does not allow: 409 with {@code exists} (the month has one),
 * {@code illegal_transition} on {@code status} (signed, fixed) or {@code version_conflict} on {@code version}.
 */
public final class ConflictMapper implements ExceptionMapper<DigestConflictException> {
    @Override
    public Response toResponse(DigestConflictException e) {
        return switch (e.reason()) {
            case EXISTS -> ErrorMappers.answer(409, new ApiError("exists", e.getMessage(), "month"));
            case SIGNED -> ErrorMappers.answer(409, new ApiError("illegal_transition", e.getMessage(), "status"));
            case STALE -> ErrorMappers.answer(409, new ApiError("version_conflict", e.getMessage(), "version"));
        };
    }
}
