package org.xinfang.sync.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.core.Response;
import org.xinfang.node.NodeService;
import org.xinfang.rest.support.ApiException;
import org.xinfang.rest.support.Roles;
import org.xinfang.sync.JournalEntry;
import org.xinfang.sync.Message;
import org.xinfang.sync.PushResult;
import org.xinfang.sync.SyncRefusedException;
import org.xinfang.sync.SyncStore;

/** The parent side of sync, under /api/v1/sync, and the sync status for staff. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class SyncResource {
    private final SyncStore store;
    private final NodeService node;
    private final SyncAgent agent;
    private final SyncStatus status;

    public SyncResource(SyncStore store, NodeService node, SyncAgent agent, SyncStatus status) {
        this.store = store;
        this.node = node;
        this.agent = agent;
        this.status = status;
    }

    /** A child pushes its outbox: stored and applied in one transaction, answered with what is held. */
    @POST
    @Path("push")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> push(InputStream body, @Context SecurityContext security) throws IOException {
        String child = requireNode(security);
        List<JournalEntry> entries;
        try {
            entries = SyncJson.entries(body.readAllBytes());
        } catch (IOException | IllegalArgumentException e) {
            throw new ApiException(400, "malformed_batch", "同步批次格式错误 / the batch cannot be read: "
                    + e.getMessage(), "entries");
        }
        PushResult result = store.receive(child, origin -> node.units().isWithin(origin, child), entries,
                node.info().nodeId());
        if (result.accepted() > 0) {
            agent.wake(); // relay upward at once
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("held", result.held());
        answer.put("accepted", result.accepted());
        answer.put("duplicates", result.duplicates());
        return answer;
    }

    /** A child pulls the messages queued for it after its cursor. */
    @GET
    @Path("messages")
    public Map<String, Object> messages(@QueryParam("after") long after, @QueryParam("limit") Integer limit,
            @Context SecurityContext security) {
        String child = requireNode(security);
        int max = limit == null ? 500 : Math.max(1, Math.min(limit, 1000));
        List<Message> list = store.messagesFor(child, after, max);
        return Map.of("messages", list);
    }

    private static String requireNode(SecurityContext security) {
        if (security == null || !security.isUserInRole(NodeAuthFilter.NODE_ROLE)) {
            throw new ApiException(401, "unsigned", "同步请求未签名 / sync calls must be signed", null);
        }
        return security.getUserPrincipal().getName();
    }

    /** Backlog, last success, lag, alarms, children: what a person checks when cases seem late. */
    @GET
    @Path("status")
    public Map<String, Object> status(@Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        return status.view();
    }

    /** Re-checks every hash chain held here. */
    @GET
    @Path("verify")
    public Map<String, Object> verify(@Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        var reports = store.verifyChains();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("intact", reports.stream().allMatch(r -> r.intact()));
        answer.put("origins", reports);
        return answer;
    }

    /**
     * Registers a child node and issues its credential: body {"node": unit code, "secret": optional,
     * at least 32 characters}. The secret is shown once; put it in the child's etc/org.xinfang.sync.cfg.
     */
    @POST
    @Path("children")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> register(InputStream body, @Context SecurityContext security) throws IOException {
        Roles.require(security, Set.of("admin"));
        var root = SyncJson.MAPPER.readTree(body.readAllBytes());
        String child = root == null ? null : root.path("node").asText(null);
        String secret = root == null ? null : root.path("secret").asText(null);
        return status.register(child, secret);
    }

    /** A refused batch: 409 for gaps, chains and conflicts, 403 for foreign origins, with what is expected. */
    public static final class Refusals implements ExceptionMapper<SyncRefusedException> {
        @Override
        public Response toResponse(SyncRefusedException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.reason());
            body.put("message", e.getMessage());
            body.put("field", "entries");
            body.put("origin", e.origin());
            body.put("expected", e.expected());
            return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(body).build();
        }
    }
}
