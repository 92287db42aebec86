package org.xinfang.rest.internal;

import static org.xinfang.petition.StaffRoles.ADMIN;
import static org.xinfang.petition.StaffRoles.CLERK;
import static org.xinfang.petition.StaffRoles.HANDLER;
import static org.xinfang.petition.StaffRoles.HEAD;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.xinfang.attachment.Attachment;
import org.xinfang.attachment.AttachmentLimits;
import org.xinfang.attachment.AttachmentStore;
import org.xinfang.node.NodeService;
import org.xinfang.petition.PetitionService;
import org.xinfang.rest.support.ApiException;
import org.xinfang.rest.support.Roles;
import org.xinfang.rest.support.Uploads;

/**
 * Scanned letters and photos of a case (附件), docs/attachments.md: attach one (the file as the body with its own
 * {@code Content-Type}, or the first file of a {@code multipart/form-data} body), list them, open one. The type is
 * read from the content; the content is served with headers that keep a browser from reading it as anything else.
 */
@Path("/petitions/{id}/attachments")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AttachmentResource {
    /** Who may attach: those who register a case and those who handle it. */
    static final Set<String> ATTACH = Set.of(ADMIN, CLERK, HANDLER, HEAD);

    private final AttachmentStore attachments;
    private final PetitionService petitions;
    private final NodeService node;
    private final Views views;
    private final org.xinfang.petition.PersonalReads reads;

    public AttachmentResource(AttachmentStore attachments, PetitionService petitions, NodeService node, Views views) {
        this(attachments, petitions, node, views, null);
    }

    public AttachmentResource(AttachmentStore attachments, PetitionService petitions, NodeService node, Views views,
            org.xinfang.petition.PersonalReads reads) {
        this.attachments = attachments;
        this.petitions = petitions;
        this.node = node;
        this.views = views;
        this.reads = reads;
    }

    /**
     * The files of a 检举控告 are its material (R2022 Art. 30, 46(5)): only a reader who may read it lists or opens
     * them (403 for the others); the others see that the case exists, not what was sent.
     */
    private org.xinfang.petition.Petition readable(String id, SecurityContext security) {
        org.xinfang.petition.Petition p = petitions.get(id).orElseThrow(() -> new ApiException(404, "not_found",
                "未找到编号为 " + id + " 的信访事项 / no petition with id " + id, "id"));
        if (!org.xinfang.petition.Disclosure.mayReadSealed(p, views.reader(security), views.disclosure())) {
            throw new ApiException(403, "forbidden", org.xinfang.petition.Disclosure.SEALED_REASON
                    + " / the files of an accusation are read only by the roles the office names for it", "id");
        }
        return p;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response add(@PathParam("id") String id, InputStream body, @QueryParam("name") String name,
            @HeaderParam("Content-Type") String contentType, @HeaderParam("Content-Disposition") String disposition,
            @HeaderParam("Content-Length") Long length, @Context SecurityContext security) throws IOException {
        Roles.require(security, ATTACH);
        requireCase(id);
        AttachmentLimits limits = attachments.limits();
        ApiException tooLarge = new ApiException(413, "too_large", "单个文件不能超过 " + mib(limits.maxFileBytes())
                + " / a file may not exceed " + mib(limits.maxFileBytes()), "file");
        if (length != null && length > limits.maxFileBytes() + 64 * 1024) {
            throw tooLarge;
        }
        Uploads.Upload upload = Uploads.read(body, contentType, disposition, name, limits.maxFileBytes(), tooLarge);
        String self = node.info().nodeId();
        Attachment a = attachments.add(id, upload.fileName(), upload.content(), views.actor(security).person(), self,
                self);
        AttachmentStore.Held held = attachments.get(id, a.id()).orElseThrow();
        return Response.created(URI.create(href(a))).entity(view(held)).build();
    }

    @GET
    public Map<String, Object> list(@PathParam("id") String id, @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        readable(id, security);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("items", attachments.list(id).stream().map(this::view).toList());
        AttachmentLimits limits = attachments.limits();
        answer.put("maxFileBytes", limits.maxFileBytes());
        answer.put("maxCaseBytes", limits.maxCaseBytes());
        return answer;
    }

    /**
     * The content, as its detected type, {@code inline} with a safe file name (RFC 5987), {@code nosniff},
     * {@code no-store}, and a sandbox that runs nothing a file might carry; 404 until all its bytes are here.
     */
    @GET
    @Path("/{attachment}")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("id") String id, @PathParam("attachment") String attachment,
            @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        org.xinfang.petition.Petition p = readable(id, security);
        AttachmentStore.Held h = attachments.get(id, attachment).orElseThrow(() -> new ApiException(404, "not_found",
                "该案件没有附件 " + attachment + " / case " + id + " has no attachment " + attachment, "attachment"));
        byte[] content = h.complete() ? attachments.content(attachment).orElse(null) : null;
        if (content == null) {
            throw new ApiException(404, "not_arrived", "附件 " + attachment + " 尚未完整传到本级 / the file has not all arrived"
                    + " here yet", "attachment");
        }
        Attachment a = h.attachment();
        if (org.xinfang.petition.Disclosure.sealed(p.kind()) && reads != null) {
            // opening a file of a 检举控告 is a read of its material, recorded like the case page's
            org.xinfang.petition.Disclosure.Reader reader = views.reader(security);
            reads.record(id, reader.person(), reader.unit(), views.nodeId(),
                    java.util.List.of(org.xinfang.petition.PersonalField.ATTACHMENT));
        }
        return Response.ok(content, a.mediaType())
                .header("Content-Disposition", Uploads.disposition("inline", a.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-SHA256", a.sha256())
                .build();
    }

    private void requireCase(String id) {
        if (petitions.get(id).isEmpty()) {
            throw new ApiException(404, "not_found", "未找到编号为 " + id + " 的信访事项 / no petition with id " + id, "id");
        }
    }

    private static String href(Attachment a) {
        return "/api/v1/petitions/" + a.caseId() + "/attachments/" + a.id();
    }

    private Map<String, Object> view(AttachmentStore.Held h) {
        Attachment a = h.attachment();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("fileName", a.fileName());
        m.put("mediaType", a.mediaType());
        m.put("size", a.size());
        m.put("sha256", a.sha256());
        m.put("addedAt", a.addedAt().toString());
        m.put("addedByName", a.addedBy().display());
        m.put("unit", a.unit());
        m.put("unitName", views.unitName(a.unit()));
        m.put("complete", h.complete());
        m.put("piecesHeld", h.piecesHeld());
        m.put("piecesReceived", h.piecesReceived());
        m.put("pieceSize", h.pieceSize());
        m.put("href", href(a));
        return m;
    }

    private static String mib(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " 字节";
    }
}
