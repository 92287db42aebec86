package org.xinfang.sync.agent.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.xinfang.rest.support.ApiError;
import org.xinfang.rest.support.BasicAuthFilter;
import org.xinfang.sync.SyncStore;

/**
 * Authenticates sync calls. Push, pull, the consistency digest and the pieces of attachments must be signed by a registered child node (see
 * {@link Signatures}); forged, stale and replayed calls are refused with 401 and raise an alarm.
 * Everything else under /api/v1/sync is for staff and goes through HTTP Basic like the rest of the API.
 */
public final class NodeAuthFilter implements ContainerRequestFilter {
    /** A signed call authenticates as this role. */
    public static final String NODE_ROLE = "xinfang-node";
    /**
     * The largest body of a push: the agent fills a batch up to 4 MiB of payload, one entry at least, so twice
     * that leaves room for an entry larger than the rest and for JSON's escapes.
     */
    static final int MAX_PUSH = 8 * 1024 * 1024;
    /** The largest consistency digest: about 40 bytes a case, so some 400,000 cases of a subtree. */
    static final int MAX_DIGEST = 16 * 1024 * 1024;
    /** A pull has no body. */
    static final int MAX_OTHER = 64 * 1024;
    /** A piece of an attachment: the configured piece size (256 KiB by default) with room to spare. */
    static final int MAX_PIECE = 4 * 1024 * 1024;
    /** What a node id may look like: a unit code, at most 40 characters (the columns that hold it). */
    private static final java.util.regex.Pattern NODE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,40}");

    @javax.ws.rs.core.Context
    private javax.servlet.http.HttpServletRequest http;

    private final SyncStore store;
    private final BasicAuthFilter staff;

    public NodeAuthFilter(SyncStore store, String realm) {
        this.store = store;
        this.staff = new BasicAuthFilter(realm);
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String path = request.getUriInfo().getPath();
        String tail = path.startsWith("/") ? path.substring(1) : path;
        if (!tail.equals("push") && !tail.equals("messages") && !tail.equals("digest") && !tail.startsWith("attachments/")) {
            staff.filter(request);
            return;
        }
        String node = request.getHeaderString(Signatures.NODE);
        String timestamp = request.getHeaderString(Signatures.TIMESTAMP);
        String nonce = request.getHeaderString(Signatures.NONCE);
        String signature = request.getHeaderString(Signatures.SIGNATURE);
        if (node == null || timestamp == null || nonce == null || signature == null || nonce.length() > 64
                || signature.length() > 100 || timestamp.length() > 20) {
            refuse(request, "unsigned", null, "同步请求未签名 / sync calls must be signed by a registered node");
            return;
        }
        if (!NODE_ID.matcher(node).matches()) {
            // never looked up nor kept: a node id longer than its column, or not a code at all
            refuse(request, "unknown_node", null, "节点编号无效 / not a node id");
            return;
        }
        String secret = store.childSecret(node).orElse(null);
        if (secret == null) {
            refuse(request, "unknown_node", node, "节点未在本级注册 / node " + node + " is not registered here");
            return;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            refuse(request, "bad_timestamp", node, "时间戳无效 / invalid timestamp");
            return;
        }
        long now = System.currentTimeMillis();
        if (Math.abs(now - ts) > Signatures.MAX_SKEW_MILLIS) {
            refuse(request, "stale", node, "请求时间与本机相差过大 / the call's timestamp is too far from this node's clock");
            return;
        }
        // only now, for a registered node within the clock's reach, is the body read: bounded by what the call
        // can legitimately carry, refused at once when it says it is longer, never echoed back
        int limit = tail.equals("push") ? MAX_PUSH : tail.equals("digest") ? MAX_DIGEST
                : tail.startsWith("attachments/") && tail.contains("/pieces/") ? MAX_PIECE : MAX_OTHER;
        byte[] body;
        try {
            String length = request.getHeaderString("Content-Length");
            if (length != null && Long.parseLong(length.strip()) > limit) {
                throw new TooLarge();
            }
            body = read(request.getEntityStream(), limit);
        } catch (TooLarge | NumberFormatException e) {
            refuse(request, 413, "too_large", node, "同步请求体超过 " + limit / 1024 + " KiB 上限 / the body exceeds "
                    + limit / 1024 + " KiB");
            return;
        } catch (org.xinfang.rest.support.RefusedInput e) {
            refuse(request, e.status(), e.error().error(), node, e.getMessage());
            return;
        } catch (IOException broken) {
            // a link cut in the middle of a call (a piece of an attachment): nothing to answer for, nothing taken
            request.abortWith(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(new ApiError("incomplete_body", "请求体未完整收到 / the body did not arrive whole", null)).build());
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        String raw = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String expected = Signatures.sign(secret, request.getMethod(), raw + (query == null ? "" : "?" + query), node,
                ts, nonce, body);
        if (!Signatures.same(expected, signature)) {
            refuse(request, "bad_signature", node, "签名无效 / the signature does not match");
            return;
        }
        // only a genuine call may use up a nonce, so forgeries cannot block real ones
        if (!store.useNonce(node, nonce, ts + 2 * Signatures.MAX_SKEW_MILLIS)) {
            refuse(request, "replay", node, "重复的请求 / this call was already made (replay refused)");
            return;
        }
        store.childSeen(node, now);
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> node;
            }

            @Override
            public boolean isUserInRole(String role) {
                return NODE_ROLE.equals(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "XINFANG-HMAC";
            }
        });
    }

    private void refuse(ContainerRequestContext request, String kind, String node, String message) {
        refuse(request, 401, kind, node, message);
    }

    /**
     * Refuses a call and raises an alarm about it: one per caller's address and kind within the store's interval
     * (repeats are counted), so refused calls cannot fill the disk. Nothing of the call is echoed.
     */
    private void refuse(ContainerRequestContext request, int status, String kind, String node, String message) {
        String source = source(node);
        store.alarm(kind, node, source, message + " (" + request.getMethod() + " " + request.getUriInfo().getPath()
                + (source == null ? "" : ", " + source) + ")");
        request.abortWith(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ApiError(kind, message, status == 401 ? null : "body")).build());
    }

    /** The caller's address; the node when no address is known (tests without a servlet). */
    private String source(String node) {
        try {
            String address = http == null ? null : http.getRemoteAddr();
            if (address != null) {
                return address;
            }
        } catch (RuntimeException outsideARequest) {
            // no servlet request behind this call
        }
        return node;
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static byte[] read(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > limit) {
                throw new TooLarge();
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
