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
    private static final int MAX_BODY = 32 * 1024 * 1024;

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
        if (node == null || timestamp == null || nonce == null || signature == null || nonce.length() > 64) {
            refuse(request, "unsigned", node, "同步请求未签名 / sync calls must be signed by a registered node");
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
        byte[] body;
        try {
            body = read(request.getEntityStream());
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
        store.alarm(kind, node, message + " (" + request.getMethod() + " " + request.getUriInfo().getPath() + ")");
        request.abortWith(Response.status(401).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ApiError(kind, message, null)).build());
    }

    private static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > MAX_BODY) {
                throw new IOException("sync body over " + MAX_BODY + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
