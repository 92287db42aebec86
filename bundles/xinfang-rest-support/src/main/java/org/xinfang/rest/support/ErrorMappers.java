package org.xinfang.rest.support;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.ValidationException;

/**
 * One {@link ExceptionMapper} per kind of failure, all answering with {@link ApiError}. Nothing reaches
 * a client as a stack trace.
 */
public final class ErrorMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);

    private ErrorMappers() {
    }

    public static Response answer(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(error)
                .build();
    }

    /** Input that breaks a rule of the model: 400 naming the field. */
    public static final class Validation implements ExceptionMapper<ValidationException> {
        @Override
        public Response toResponse(ValidationException e) {
            String code = "required".equals(e.code()) ? "missing_field" : "invalid_field";
            return answer(400, new ApiError(code, e.getMessage(), e.field()));
        }
    }

    /** A refusal the API decided on (401, 403, 404, 413, ...). */
    public static final class Api implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            return answer(e.status(), e.body());
        }
    }

    /** An action the case's state does not allow: 409 naming the state. */
    public static final class IllegalTransition
            implements ExceptionMapper<org.xinfang.lifecycle.IllegalTransitionException> {
        @Override
        public Response toResponse(org.xinfang.lifecycle.IllegalTransitionException e) {
            return answer(409, new ApiError("illegal_transition", e.getMessage(), "status"));
        }
    }

    /**
     * A step checked on a version of the case that has changed since (someone else acted first): 409
     * naming the version the step was checked on and the case's version now.
     */
    public static final class VersionConflict implements ExceptionMapper<org.xinfang.petition.VersionConflictException> {
        @Override
        public Response toResponse(org.xinfang.petition.VersionConflictException e) {
            java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("error", "version_conflict");
            body.put("message", e.getMessage());
            body.put("field", "version");
            body.put("expected", e.expected());
            body.put("current", e.current());
            return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body).build();
        }
    }

    /** An action the actor's role or unit does not allow. */
    public static final class ForbiddenAction implements ExceptionMapper<org.xinfang.lifecycle.ForbiddenActionException> {
        @Override
        public Response toResponse(org.xinfang.lifecycle.ForbiddenActionException e) {
            return answer(403, new ApiError("forbidden", e.getMessage(), null));
        }
    }

    /** Something asked for does not exist. */
    public static final class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return answer(404, new ApiError("not_found", e.getMessage(), null));
        }
    }

    /** What JAX-RS itself refuses: unknown path 404, wrong method 405, wrong media type 415, ... */
    public static final class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String error;
            String message;
            switch (status) {
                case 404 -> {
                    error = "not_found";
                    message = "没有这个地址 / no such resource";
                }
                case 405 -> {
                    error = "method_not_allowed";
                    message = "该地址不支持此请求方法 / method not allowed here";
                }
                case 406 -> {
                    error = "not_acceptable";
                    message = "只能返回 application/json / only application/json can be returned";
                }
                case 415 -> {
                    error = "unsupported_media_type";
                    message = "请求体应为 application/json / the body must be application/json";
                }
                default -> {
                    error = status >= 500 ? "internal_error" : "bad_request";
                    message = status >= 500 ? "服务器内部错误 / internal error" : "请求无效 / bad request";
                }
            }
            return answer(status, new ApiError(error, message, null));
        }
    }

    /** Anything else is a fault of ours: logged with its stack trace, answered without it. */
    public static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            LOG.error("unexpected failure answering an API call", e);
            return answer(500, new ApiError("internal_error",
                    "服务器内部错误，已记录日志 / internal error; it has been logged", null));
        }
    }
}
