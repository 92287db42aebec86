package org.xinfang.assessment.internal;

import static org.xinfang.petition.StaffRoles.ADMIN;
import static org.xinfang.petition.StaffRoles.HEAD;
import static org.xinfang.petition.StaffRoles.LEADER;
import static org.xinfang.petition.StaffRoles.SUPERVISOR;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.xinfang.assessment.AssessmentStore;
import org.xinfang.node.NodeService;
import org.xinfang.petition.ValidationException;
import org.xinfang.reference.ReferenceStore;
import org.xinfang.rest.support.ApiException;
import org.xinfang.rest.support.Roles;

/**
 * {@code /api/v1/assessments}: the yearly assessment of the units below this node (heads, leaders,
 * supervisors), its rules (edited at the top of the network by heads and the administrator) and the closing
 * of a year that is over (a leader, by name).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AssessmentResource {
    static final Set<String> READERS = Set.of(ADMIN, HEAD, LEADER, SUPERVISOR);

    private final AssessmentService service;
    private final NodeService node;

    public AssessmentResource(AssessmentService service, NodeService node) {
        this.service = service;
        this.node = node;
    }

    /** {@code GET /api/v1/assessments?year=} (default: this year so far). */
    @GET
    public Response get(@QueryParam("year") String year, @Context SecurityContext security) {
        Roles.require(security, READERS);
        ObjectNode n = service.assessment(year(year));
        n.putPOJO("closedYears", service.closedYears());
        return Response.ok(n.toString(), MediaType.APPLICATION_JSON + ";charset=UTF-8").build();
    }

    @GET
    @Path("rules")
    public Map<String, Object> rules(@Context SecurityContext security) {
        Roles.require(security, READERS);
        return view(service.rules());
    }

    @PUT
    @Path("rules")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> replaceRules(String body, @Context SecurityContext security) {
        Roles.require(security, Set.of(ADMIN, HEAD));
        if (node.info().parentUrl() != null) {
            throw new ApiException(409, "maintained_above", "考核规则由上级统一制定并同步下发 / the rules are kept at the top of"
                    + " the network and arrive by sync", null);
        }
        try {
            return view(service.replaceRules(body));
        } catch (ReferenceStore.StaleException e) {
            throw new ApiException(409, "version_conflict", e.getMessage(), null);
        }
    }

    /** {@code POST /api/v1/assessments/{year}/close}: freezes a year that is over (leaders). */
    @POST
    @Path("{year}/close")
    public Response close(@PathParam("year") String year, @Context SecurityContext security) {
        Roles.require(security, Set.of(LEADER));
        try {
            return Response.ok(service.close(year(year), node.person(security.getUserPrincipal().getName())).toString(),
                    MediaType.APPLICATION_JSON + ";charset=UTF-8").build();
        } catch (AssessmentStore.AlreadyClosedException e) {
            throw new ApiException(409, "closed", e.getMessage(), "year");
        }
    }

    private int year(String raw) {
        if (raw == null || raw.isBlank()) {
            return service.today().getYear();
        }
        try {
            return org.xinfang.petition.Checks.year("year", Integer.parseInt(raw.strip()));
        } catch (NumberFormatException e) {
            throw new ValidationException("year", "invalid_type", "年度应为四位数字 / the year is a number");
        }
    }

    private static Map<String, Object> view(AssessmentService.Rules rules) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", rules.version());
        Map<String, Object> weights = new LinkedHashMap<>();
        Map<String, Object> labels = new LinkedHashMap<>();
        for (Indicator i : Indicator.values()) {
            weights.put(i.name(), rules.weights().getOrDefault(i, 0));
            labels.put(i.name(), Map.of("zh", i.zh, "en", i.en));
        }
        m.put("weights", weights);
        m.put("labels", labels);
        return m;
    }
}
