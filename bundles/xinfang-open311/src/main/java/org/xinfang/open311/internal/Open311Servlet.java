package org.xinfang.open311.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.petition.ValidationException;
import org.xinfang.rest.support.TooManyRequests;

/**
 * GeoReport v2 over HTTP at {@code /open311/v2}: routes the standard's paths, reads the query or the form, answers
 * JSON. Every failure is answered in the standard's error format; nothing reaches a client as a stack trace.
 * A servlet rather than a JAX-RS resource: the standard's path lies outside the node's {@code /api}.
 */
final class Open311Servlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(Open311Servlet.class);
    private static final Pattern PATH = Pattern.compile("/(discovery|services|requests|tokens)(?:/([^/]+?))?\\.([a-z]+)");
    /** Largest form taken: the portal's limit for a petition body. */
    static final int MAX_BODY_BYTES = org.xinfang.rest.support.PetitionRequests.MAX_BODY_BYTES;

    private final transient Open311Api api;
    private final String publicUrl;
    private final transient ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /** @param publicUrl the endpoint's address as citizens reach it; empty to take it from each request */
    Open311Servlet(Open311Api api, String publicUrl) {
        this.api = api;
        this.publicUrl = publicUrl == null ? "" : publicUrl.strip();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // civic tools call from web pages of their own; nothing here needs a cookie or a login
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        try {
            Object body = route(req);
            write(resp, "POST".equals(req.getMethod()) ? 201 : 200, body);
        } catch (Open311Error e) {
            write(resp, e.status(), e.body());
        } catch (TooManyRequests e) {
            resp.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            write(resp, 429, Open311Error.body(429, e.getMessage()));
        } catch (ValidationException e) {
            write(resp, 400, Open311Error.body(400, Submissions.field(e.field()) + "：" + e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("unexpected failure answering Open311 {} {}", req.getMethod(), req.getPathInfo(), e);
            write(resp, 500, Open311Error.body(500, "服务器内部错误，已记录日志 / internal error; it has been logged"));
        }
    }

    private Object route(HttpServletRequest req) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            throw Open311Error.notFound("没有这个地址；可用：discovery.json、services.json、requests.json"
                    + " / no such resource; try discovery.json, services.json, requests.json");
        }
        String resource = m.group(1);
        String id = m.group(2);
        if (!"json".equals(m.group(3))) {
            throw Open311Error.badRequest("format", "仅提供 JSON 格式（.json） / only the JSON format (.json) is offered");
        }
        String method = req.getMethod();
        boolean get = "GET".equals(method) || "HEAD".equals(method);
        if ("requests".equals(resource) && id == null && "POST".equals(method)) {
            return api.submit(form(req), req.getRemoteAddr());
        }
        if (!get) {
            throw new Open311Error(405, "该地址不支持此请求方法 / method not allowed here");
        }
        return switch (resource) {
            case "discovery" -> {
                if (id != null) {
                    throw Open311Error.notFound("没有这个地址 / no such resource");
                }
                yield api.discovery(endpoint(req));
            }
            case "services" -> id == null ? api.services() : api.definition(id);
            case "requests" -> id == null ? api.requests(query(req)) : api.request(id);
            // every request gets its id at once ("realtime"): no token is ever issued
            default -> throw Open311Error.notFound("本接口不发放 token，提交时即返回 service_request_id"
                    + " / no tokens are issued: service_request_id is returned at once");
        };
    }

    private String endpoint(HttpServletRequest req) {
        if (!publicUrl.isEmpty()) {
            return publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
        }
        String url = req.getRequestURL().toString();
        return url.substring(0, url.length() - req.getPathInfo().length()) + "/";
    }

    private static Map<String, String> query(HttpServletRequest req) {
        Map<String, String> params = new HashMap<>();
        req.getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? null : v[0]));
        return params;
    }

    private static Map<String, String> form(HttpServletRequest req) throws IOException {
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            throw new Open311Error(415, "请以 application/x-www-form-urlencoded 表单提交（GeoReport v2）"
                    + " / send the request as an application/x-www-form-urlencoded form");
        }
        if (req.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new Open311Error(413, "请求体超过 " + MAX_BODY_BYTES / 1024 + " KiB 上限 / the body exceeds "
                    + MAX_BODY_BYTES / 1024 + " KiB");
        }
        // a form without a charset is UTF-8 here: the office's clients write Chinese
        if (req.getCharacterEncoding() == null) {
            req.setCharacterEncoding("UTF-8");
        }
        return query(req);
    }

    private void write(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        byte[] bytes = json.writeValueAsBytes(body);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
