package org.xinfang.digest.internal;

import static org.xinfang.petition.StaffRoles.ADMIN;
import static org.xinfang.petition.StaffRoles.CLERK;
import static org.xinfang.petition.StaffRoles.HANDLER;
import static org.xinfang.petition.StaffRoles.HEAD;
import static org.xinfang.petition.StaffRoles.LEADER;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.xinfang.digest.Digest;
import org.xinfang.digest.DigestStore.Stored;
import org.xinfang.node.NodeService;
import org.xinfang.petition.Person;
import org.xinfang.petition.ValidationException;
import org.xinfang.rest.support.PetitionRequests;
import org.xinfang.rest.support.Roles;

/**
 * {@code /api/v1/digests}: the monthly digests (信访摘报). Staff read them; the office (clerk, handler, head)
 * generates a month's draft, writes its text and counts its figures again; a leader signs it off. A digest is
 * answered as the stored document, byte for byte, with its SHA-256 in {@code X-Content-SHA256} and as the ETag.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class DigestResource {
    /** Who makes and edits the draft: the petition office. */
    static final Set<String> OFFICE = Set.of(ADMIN, CLERK, HANDLER, HEAD);
    /** Who signs a digest off. */
    static final Set<String> LEADERS = Set.of(LEADER);
    /** The response header carrying the document's SHA-256. */
    static final String HASH_HEADER = "X-Content-SHA256";

    private final DigestService service;
    private final NodeService node;
    private final PetitionRequests requests = new PetitionRequests();

    public DigestResource(DigestService service, NodeService node) {
        this.service = service;
        this.node = node;
    }

    private Person person(SecurityContext security) {
        return node.person(security.getUserPrincipal().getName());
    }

    /** Every digest held here, newest month first, without its figures. */
    @GET
    public Map<String, Object> list(@Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("title", service.title());
        answer.put("thisMonth", service.thisMonth().toString());
        answer.put("items", service.list().stream().map(DigestResource::summary).toList());
        return answer;
    }

    /** {month}: generates the month's draft. 201 with the document; 409 when the month has one. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response generate(InputStream body, @Context SecurityContext security, @Context UriInfo uri)
            throws IOException {
        Roles.require(security, OFFICE);
        JsonNode root = requests.object(PetitionRequests.readLimited(body));
        Stored stored = service.generate(text(root, "month"), person(security));
        return document(Response.created(uri.getAbsolutePathBuilder().path(stored.digest().month().toString()).build()),
                stored);
    }

    @GET
    @Path("{month}")
    public Response get(@PathParam("month") String month, @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        return document(Response.ok(), service.get(month));
    }

    /** {highlights, analysis, suggestions, version}: the office's text of a draft. */
    @PUT
    @Path("{month}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response edit(@PathParam("month") String month, InputStream body, @Context SecurityContext security)
            throws IOException {
        Roles.require(security, OFFICE);
        JsonNode root = requests.object(PetitionRequests.readLimited(body));
        return document(Response.ok(), service.edit(month, text(root, "highlights"), text(root, "analysis"),
                text(root, "suggestions"), version(root), person(security)));
    }

    /** {version?}: counts a draft's figures again. */
    @POST
    @Path("{month}/regenerate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response regenerate(@PathParam("month") String month, InputStream body, @Context SecurityContext security)
            throws IOException {
        Roles.require(security, OFFICE);
        byte[] bytes = PetitionRequests.readLimited(body);
        Integer version = bytes.length == 0 ? null : version(requests.object(bytes));
        return document(Response.ok(), service.regenerate(month, version, person(security)));
    }

    /** {version}: a leader signs the draft off; it is fixed from then on. */
    @POST
    @Path("{month}/sign-off")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signOff(@PathParam("month") String month, InputStream body, @Context SecurityContext security)
            throws IOException {
        Roles.require(security, LEADERS);
        JsonNode root = requests.object(PetitionRequests.readLimited(body));
        return document(Response.ok(), service.signOff(month, version(root), person(security)));
    }

    /** The stored document as it is, with its hash. */
    private static Response document(Response.ResponseBuilder answer, Stored stored) {
        return answer.entity(stored.document()).type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
                .header(HASH_HEADER, stored.sha256()).tag(stored.sha256()).header("Cache-Control", "no-cache").build();
    }

    private static Map<String, Object> summary(Stored s) {
        Digest d = s.digest();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("month", d.month().toString());
        m.put("issueLabel", d.month().getYear() + "年第" + d.month().getMonthValue() + "期");
        m.put("status", d.status().name());
        m.put("statusLabel", d.status().label());
        m.put("version", d.version());
        m.put("generatedAt", d.generatedAt().toString());
        m.put("signedBy", d.signedBy() == null ? null : d.signedBy().display());
        m.put("signedAt", d.signedAt() == null ? null : d.signedAt().toString());
        m.put("sha256", s.sha256());
        return m;
    }

    private static String text(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ValidationException(field, "invalid_type", "应为字符串 / must be a string");
        }
        return v.textValue();
    }

    private static Integer version(JsonNode root) {
        JsonNode v = root.get("version");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new ValidationException("version", "invalid_type", "应为整数 / must be an integer");
        }
        return v.intValue();
    }
}
