package org.xinfang.sync.agent.internal;

import static org.xinfang.petition.StaffRoles.ADMIN;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.xinfang.petition.PetitionStore;
import org.xinfang.sync.ConsistencyReport;
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
    private final PetitionStore petitions;
    private final NodeKey key;
    private final org.xinfang.attachment.AttachmentStore attachments;

    public SyncResource(SyncStore store, NodeService node, SyncAgent agent, SyncStatus status, PetitionStore petitions,
            NodeKey key) {
        this(store, node, agent, status, petitions, key, null);
    }

    public SyncResource(SyncStore store, NodeService node, SyncAgent agent, SyncStatus status, PetitionStore petitions,
            NodeKey key, org.xinfang.attachment.AttachmentStore attachments) {
        this.attachments = attachments;
        this.store = store;
        this.node = node;
        this.agent = agent;
        this.status = status;
        this.petitions = petitions;
        this.key = key;
    }

    /** A child pushes its outbox: stored and applied in one transaction, answered with what is held. */
    @POST
    @Path("push")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> push(InputStream body, @Context SecurityContext security) throws IOException {
        String child = requireNode(security);
        SyncJson.Push push;
        try {
            push = SyncJson.read(body.readAllBytes());
        } catch (org.xinfang.rest.support.RefusedInput e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            // the reason without the input: a parser's message may quote what it was sent
            throw new ApiException(400, "malformed_batch", "同步批次格式错误 / the batch cannot be read" + where(e),
                    "entries");
        }
        PushResult result = store.receive(child, agent.policy(), push.entries());
        if (push.heads() != null) {
            store.reportHeads(child, push.heads(), origin -> node.units().isWithin(origin, child));
        }
        if (result.accepted() + result.refused() > 0) {
            agent.wake(); // relay upward at once
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("held", result.held());
        answer.put("accepted", result.accepted());
        answer.put("duplicates", result.duplicates());
        answer.put("refused", result.refused());
        // the child's chain as held here now, witnessed under this node's key
        store.heads().stream().filter(h -> h.origin().equals(child) && h.seq() > 0).findFirst()
                .ifPresent(h -> answer.put("receipt", key.receipt(node.info().nodeId(), child, h.seq(), h.hash())));
        return answer;
    }

    /**
     * What this node holds of an attachment whose fact a child pushed: {@code {"id", "size", "pieceSize", "held":
     * [piece indices], "complete"}}; 404 when no such fact is held here, or it is not the caller's to send.
     */
    @GET
    @Path("attachments/{id}")
    public Map<String, Object> attachment(@javax.ws.rs.PathParam("id") String id, @Context SecurityContext security) {
        String child = requireNode(security);
        org.xinfang.attachment.AttachmentStore.Held h = ownAttachment(id, child);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("size", h.attachment().size());
        answer.put("pieceSize", h.pieceSize());
        answer.put("held", h.complete() ? List.of() : attachments.piecesHeld(id));
        answer.put("complete", h.complete());
        return answer;
    }

    /**
     * One piece of an attachment, the bytes as the body: piece {@code index} of {@code pieceSize} bytes each (the
     * last shorter). Answers {@code {"outcome": KEPT | COMPLETE | DISCARDED}}; a piece that does not fit is 400.
     */
    @PUT
    @Path("attachments/{id}/pieces/{index}")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> piece(@javax.ws.rs.PathParam("id") String id, @javax.ws.rs.PathParam("index") int index,
            @QueryParam("pieceSize") int pieceSize, InputStream body, @Context SecurityContext security)
            throws IOException {
        String child = requireNode(security);
        ownAttachment(id, child);
        byte[] data = body.readNBytes(org.xinfang.attachment.AttachmentLimits.MAX_PIECE_BYTES + 1);
        var outcome = attachments.takePiece(id, pieceSize, index, data);
        return Map.of("outcome", outcome.name());
    }

    private org.xinfang.attachment.AttachmentStore.Held ownAttachment(String id, String child) {
        org.xinfang.attachment.AttachmentStore.Held h = attachments == null ? null
                : attachments.transferState(id).orElse(null);
        if (h == null || !node.units().isWithin(h.attachment().node(), child)) {
            throw new ApiException(404, "not_found", "本级没有附件 " + id + " 的登记 / no attachment " + id + " is known here",
                    "id");
        }
        return h;
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

    /**
     * A child compares its copies with this node's: {@code {"node", "cases": [[id, version, digest]...],
     * "below": [reports of nodes below it]}}. Answers the cases that differ and keeps the result, and the
     * reports of the nodes below, so that the top of the network can list every case whose copies differ.
     */
    @POST
    @Path("digest")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> digest(InputStream body, @Context SecurityContext security) throws IOException {
        String child = requireNode(security);
        SyncJson.Digest digest;
        try {
            digest = SyncJson.readDigest(body.readAllBytes());
        } catch (org.xinfang.rest.support.RefusedInput e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new ApiException(400, "malformed_digest", "一致性核对请求格式错误 / the digest cannot be read" + where(e),
                    "cases");
        }
        Map<String, Consistency.Copy> copies = new java.util.HashMap<>();
        for (List<Object> c : digest.cases()) {
            if (c.size() != 3 || !(c.get(1) instanceof Number)) {
                throw new ApiException(400, "malformed_digest", "每一项应为 [编号, 版本, 摘要] / each case is [id, version,"
                        + " digest]", "cases");
            }
            copies.put(String.valueOf(c.get(0)), new Consistency.Copy(((Number) c.get(1)).intValue(),
                    String.valueOf(c.get(2))));
        }
        List<String> differing = Consistency.differing(copies, petitions.digests(), d -> node.units().isWithin(
                d.registeredBy(), child) || node.units().isWithin(d.owner(), child));
        long now = System.currentTimeMillis();
        String self = node.info().nodeId();
        store.keepConsistencyReport(new ConsistencyReport(child, self, now, copies.size(), differing));
        for (ConsistencyReport below : digest.below() == null ? List.<ConsistencyReport>of() : digest.below()) {
            if (below.node() != null && !below.node().equals(child) && node.units().isWithin(below.node(), child)) {
                store.keepConsistencyReport(below);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("parent", self);
        answer.put("checkedAt", now);
        answer.put("differing", differing);
        return answer;
    }

    /**
     * Whether the copies of the cases agree across the network, as far as this node knows: its own latest
     * comparison with its parent and the latest of every node below it ({@code differing}: every case
     * whose copies differ somewhere).
     */
    @GET
    @Path("consistency")
    public Map<String, Object> consistency(@Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        return status.consistency();
    }

    /** Compares this node's copies with its parent's now, and answers as {@link #consistency}. */
    @POST
    @Path("consistency/check")
    public Map<String, Object> checkConsistency(@Context SecurityContext security) throws IOException,
            InterruptedException {
        Roles.require(security, Roles.STAFF);
        if (!agent.configured()) {
            throw new ApiException(409, "no_parent", "本节点没有上级节点可供核对 / this node has no parent to compare with", null);
        }
        try {
            agent.checkConsistency();
        } catch (IOException unreachable) {
            throw new ApiException(503, "parent_unreachable", "无法与上级节点核对：" + unreachable.getMessage()
                    + " / cannot compare with the parent: " + unreachable.getMessage(), null);
        }
        return status.consistency();
    }

    /** Per chain held here: how far it was witnessed here, when, and how far the network says it goes. */
    @GET
    @Path("witnessed")
    public Map<String, Object> witnessed(@Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        return Map.of("chains", status.witnessed());
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

    /**
     * Re-checks every hash chain held here, and this node's own journal against the receipts its parent
     * signed: a journal rewritten or cut short after the parent witnessed it no longer matches them.
     */
    @GET
    @Path("verify")
    public Map<String, Object> verify(@Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        return status.verify();
    }

    /**
     * Registers a child node and issues its credential: body {"node": unit code, "secret": optional,
     * at least 32 characters}. The secret is shown once; put it in the child's etc/org.xinfang.sync.cfg.
     */
    @POST
    @Path("children")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> register(InputStream body, @Context SecurityContext security) throws IOException {
        Roles.require(security, Set.of(ADMIN));
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = SyncJson.MAPPER.readTree(body.readNBytes(64 * 1024 + 1));
        } catch (org.xinfang.rest.support.RefusedInput e) {
            throw e;
        } catch (IOException e) {
            throw new ApiException(400, "malformed_json", "请求体不是有效的 JSON / the body is not valid JSON" + where(e),
                    null);
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(400, "malformed_json", "请求体应为 {\"node\": …} / the body must be an object", null);
        }
        return status.register(textField(root, "node"), textField(root, "secret"));
    }

    /** A field that must be a JSON string when present: a number is not a node id. */
    private static String textField(com.fasterxml.jackson.databind.JsonNode root, String field) {
        com.fasterxml.jackson.databind.JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new ApiException(400, "invalid_type", "应为文本 / must be a string", field);
        }
        return n.textValue();
    }

    /** Where a body stopped being readable (line and column), never what it said. */
    private static String where(Exception e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
            return "（第 " + j.getLocation().getLineNr() + " 行第 " + j.getLocation().getColumnNr() + " 列） / at line "
                    + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
        }
        return "";
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
