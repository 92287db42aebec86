package org.xinfang.rest.internal;

import static org.xinfang.petition.StaffRoles.ADMIN;
import static org.xinfang.petition.StaffRoles.HEAD;
import static org.xinfang.petition.StaffRoles.LEADER;
import static org.xinfang.petition.StaffRoles.SUPERVISOR;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.xinfang.lifecycle.CaseService;
import org.xinfang.rest.support.PetitionRequests;
import org.xinfang.rest.support.Roles;

/**
 * 督办: {@code GET /api/v1/supervision?open=true&listed=true} lists supervision notices (open ones until
 * answered, or for a notice raised by hand until its answer is accepted; only listed ones, the district's
 * board, with {@code listed=true}); {@code POST /api/v1/supervision} raises one by hand;
 * {@code POST /api/v1/supervision/scan} runs the overdue scan now instead of waiting for the daily one.
 */
@Path("/supervision")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class SupervisionResource {
    private final CaseService cases;
    private final Views views;
    private final PetitionRequests requests = new PetitionRequests();

    public SupervisionResource(CaseService cases, Views views) {
        this.cases = cases;
        this.views = views;
    }

    @GET
    public Map<String, Object> list(@QueryParam("open") String open, @QueryParam("listed") String listed,
            @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        boolean openOnly = open == null || !open.strip().equalsIgnoreCase("false");
        boolean listedOnly = listed != null && listed.strip().equalsIgnoreCase("true");
        List<Map<String, Object>> items = cases.supervisions(openOnly).stream().filter(s -> !listedOnly || s.listed())
                .map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("subject", s.subject());
            m.put("owner", s.owner());
            m.put("ownerName", views.unitName(s.owner()));
            m.put("status", s.status());
            m.put("raisedBy", s.raisedBy());
            m.put("raisedByName", views.unitName(s.raisedBy()));
            m.put("raisedOn", s.raisedOn().toString());
            m.put("reason", s.reason());
            m.put("answerDue", s.answerDue().toString());
            m.put("answeredOn", s.answeredOn() == null ? null : s.answeredOn().toString());
            m.put("answer", s.answer());
            m.put("listed", s.listed());
            m.put("supervisedUnit", s.supervisedUnit());
            m.put("supervisedUnitName", views.unitName(s.supervisedUnit()));
            // open: awaiting the answer; answered: awaiting the supervising unit's acceptance; closed
            m.put("state", s.state());
            return m;
        }).toList();
        return Map.of("items", items, "total", items.size());
    }

    /**
     * 督办 by hand: {@code {"case", "instructions", "answerBy", "listed", "version"}}. Answers the case;
     * 400 naming {@code case}, {@code instructions} or {@code answerBy}; 403 when this node's unit is not
     * above the owner or the user is not a supervisor, leader or head; 409 when a supervision is still open.
     */
    @POST
    @javax.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> supervise(java.io.InputStream body, @Context SecurityContext security)
            throws java.io.IOException {
        Roles.require(security, Set.of(ADMIN, SUPERVISOR, LEADER, HEAD));
        com.fasterxml.jackson.databind.JsonNode root = requests.object(PetitionRequests.readLimited(body));
        String id = text(root, "case");
        if (id == null) {
            throw new org.xinfang.petition.ValidationException("case", "required", "请指定案件 / the case is required");
        }
        com.fasterxml.jackson.databind.JsonNode listed = root.get("listed");
        if (listed != null && !listed.isNull() && !listed.isBoolean()) {
            throw new org.xinfang.petition.ValidationException("listed", "invalid_type", "应为布尔值 / must be a boolean");
        }
        // a version that is not a whole number from 1 is refused, never taken as "no version" (no check)
        Integer version = org.xinfang.rest.support.PetitionRequests.version(root);
        org.xinfang.petition.Petition p = cases.supervise(id, text(root, "instructions"), text(root, "answerBy"),
                listed != null && listed.asBoolean(), version, views.actor(security));
        // masked, and a 检举控告 sealed: the case page asks for more (GET /petitions/{id}?reveal=true)
        return views.petition(p, false, org.xinfang.petition.Disclosure.sealed(p.kind()));
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode root, String field) {
        com.fasterxml.jackson.databind.JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new org.xinfang.petition.ValidationException(field, "invalid_type", "应为文字 / must be text");
        }
        return v.textValue();
    }

    @POST
    @Path("/scan")
    public Map<String, Object> scan(@Context SecurityContext security) {
        Roles.require(security, Set.of(ADMIN, SUPERVISOR, LEADER, HEAD));
        List<String> supervised = cases.superviseOverdue(views.actor(security));
        return Map.of("supervised", supervised);
    }
}
