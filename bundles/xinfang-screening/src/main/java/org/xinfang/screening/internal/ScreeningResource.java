package org.xinfang.screening.internal;

import static org.xinfang.petition.StaffRoles.ADMIN;
import static org.xinfang.petition.StaffRoles.CLERK;
import static org.xinfang.petition.StaffRoles.HANDLER;
import static org.xinfang.petition.StaffRoles.HEAD;
import static org.xinfang.petition.StaffRoles.SUPERVISOR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
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
import javax.ws.rs.core.UriInfo;
import org.xinfang.node.NodeService;
import org.xinfang.petition.Person;
import org.xinfang.petition.PetitionDraft;
import org.xinfang.petition.Registration;
import org.xinfang.petition.ValidationException;
import org.xinfang.rest.support.JsonFields;
import org.xinfang.rest.support.PetitionRequests;
import org.xinfang.rest.support.Roles;
import org.xinfang.screening.ScreeningItem;
import org.xinfang.screening.ScreeningReport;

/**
 * Staff API of the monthly screening of conflicts, {@code /api/v1/screening}: the month's list of the units below
 * with how each stands (every staff member), a unit's report and its past ones; writing and filing (the unit's
 * clerks, handlers and head on its own node), sending back (heads and supervisors above), an item registered as a
 * case (clerks). Thin: parse, call the service, map.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class ScreeningResource {
    /** Who writes and files the unit's report. */
    static final Set<String> WRITERS = Set.of(ADMIN, CLERK, HANDLER, HEAD);
    /** Who sends a report of a unit below back. */
    static final Set<String> REVIEWERS = Set.of(ADMIN, HEAD, SUPERVISOR);

    private final ScreeningService service;
    private final NodeService node;
    private final ScreeningViews views;
    private final PetitionRequests requests = new PetitionRequests();
    private final ObjectMapper mapper = new ObjectMapper();

    public ScreeningResource(ScreeningService service, NodeService node) {
        this.service = service;
        this.node = node;
        this.views = new ScreeningViews(service);
    }

    private Person person(SecurityContext security) {
        return node.person(security.getUserPrincipal().getName());
    }

    /**
     * The month's list ({@code month}, default the month before this): every department and township below this node
     * with how it stands, this node's own report of the month when it files one, and the form in use. With
     * {@code unit}: that unit's reports held here, newest month first.
     */
    @GET
    public Map<String, Object> list(@QueryParam("month") String month, @QueryParam("unit") String unit,
            @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        Map<String, Object> answer = new LinkedHashMap<>();
        String here = node.info().unit().code();
        answer.put("unit", here);
        answer.put("unitName", node.info().unit().name());
        answer.put("files", service.files());
        answer.put("today", service.today().toString());
        answer.put("form", views.form(service.form()));
        if (unit != null && !unit.isBlank()) {
            answer.put("reports", service.history(unit.strip()).stream().map(views::report).toList());
            answer.put("reportsOf", unit.strip());
            answer.put("reportsOfName", service.unitName(unit.strip()));
            return answer;
        }
        YearMonth m = month == null || month.isBlank() ? service.defaultMonth() : service.month(month);
        answer.put("month", m.toString());
        answer.put("due", service.form().dueDate(m).toString());
        List<ScreeningService.Line> lines = service.overview(m);
        answer.put("units", lines.stream().map(l -> views.line(l, m.toString())).toList());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ScreeningService.Standing s : ScreeningService.Standing.values()) {
            counts.put(s.name(), lines.stream().filter(l -> l.standing() == s).count());
        }
        answer.put("counts", counts);
        answer.put("mine", service.files() ? service.find(here, m).map(views::report).orElse(null) : null);
        return answer;
    }

    /** The form in use here: the due day, the risk levels, the required fields, who defined it. */
    @GET
    @Path("form")
    public Map<String, Object> form(@Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        return views.form(service.form());
    }

    @GET
    @Path("{unit}/{month}")
    public Map<String, Object> get(@PathParam("unit") String unit, @PathParam("month") String month,
            @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        return views.report(service.get(unit, service.month(month)));
    }

    /** Writes the unit's report (new, or while a draft or returned): {version (0 for new), nothingToReport, items}. */
    @PUT
    @Path("{unit}/{month}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> save(@PathParam("unit") String unit, @PathParam("month") String month, InputStream body,
            @Context SecurityContext security) throws IOException {
        Roles.require(security, WRITERS);
        JsonNode root = requests.object(PetitionRequests.readLimited(body));
        List<ScreeningItem> items = ScreeningInput.items(root);
        boolean nothingToReport = Boolean.TRUE.equals(JsonFields.bool(root, "nothingToReport"));
        ScreeningReport r = service.save(unit, service.month(month), items, nothingToReport,
                JsonFields.integer(root, "version"), person(security));
        return views.report(r);
    }

    /** Files the report with the units above: {version}. */
    @POST
    @Path("{unit}/{month}/file")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> file(@PathParam("unit") String unit, @PathParam("month") String month, InputStream body,
            @Context SecurityContext security) throws IOException {
        Roles.require(security, WRITERS);
        JsonNode root = requests.object(PetitionRequests.readLimited(body));
        return views.report(service.file(unit, service.month(month), JsonFields.integer(root, "version"),
                person(security)));
    }

    /** Sends a filed report of a unit below back with comments (退回): {comments, version}. */
    @POST
    @Path("{unit}/{month}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> sendBack(@PathParam("unit") String unit, @PathParam("month") String month,
            InputStream body, @Context SecurityContext security) throws IOException {
        Roles.require(security, REVIEWERS);
        JsonNode root = requests.object(PetitionRequests.readLimited(body));
        return views.report(service.sendBack(unit, service.month(month), JsonFields.string(root, "comments"),
                JsonFields.integer(root, "version"), person(security)));
    }

    /**
     * Registers item {@code n} (from 1) as a petition at this node: the body is a registration ({@code POST
     * /api/v1/petitions}: kind, channel, petitioners …; subject and content default to the item's) with the report's
     * {@code version}. The case names the item; the item records the case.
     */
    @POST
    @Path("{unit}/{month}/items/{n}/register")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("unit") String unit, @PathParam("month") String month, @PathParam("n") String n,
            InputStream body, @Context SecurityContext security, @Context UriInfo uri) throws IOException {
        Roles.require(security, Roles.REGISTER);
        YearMonth m = service.month(month);
        int number;
        try {
            number = Integer.parseInt(n);
        } catch (NumberFormatException e) {
            throw new ValidationException("n", "invalid_value", "事项序号应为正整数 / must be a positive number");
        }
        ObjectNode root = (ObjectNode) requests.object(PetitionRequests.readLimited(body));
        Integer version = JsonFields.integer(root, "version");
        ScreeningItem item = service.item(service.get(unit, m), number);
        if (!root.hasNonNull("subject")) {
            String summary = item.summary();
            root.put("subject", summary.length() > 200 ? summary.substring(0, 199) + "…" : summary);
        }
        if (!root.hasNonNull("content")) {
            root.put("content", content(item));
        }
        PetitionDraft draft = requests.parse(mapper.writeValueAsBytes(root));
        Registration r = service.register(unit, m, number, draft, version, person(security));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("caseId", r.petition().id());
        answer.put("trackingCode", r.petition().trackingCode());
        answer.put("verificationCode", r.verificationCode());
        answer.put("screeningItem", service.get(unit, m).itemId(number));
        answer.put("report", views.report(service.get(unit, m)));
        // this server sits at /api/v1/screening/: the case is at /api/v1/petitions/{id}
        URI location = uri.getBaseUri().resolve("../petitions/" + r.petition().id());
        return Response.created(location).entity(answer).build();
    }

    /** The case's content from the item: what, where, who, what is being done (the clerk may write it instead). */
    static String content(ScreeningItem i) {
        StringBuilder b = new StringBuilder("（矛盾纠纷排查：").append(i.kind().label()).append("，风险等级")
                .append(i.risk().label()).append("）").append(i.summary());
        if (i.place() != null) {
            b.append("\n地点：").append(i.place());
        }
        if (i.peopleCount() != null || i.peopleDescription() != null) {
            b.append("\n涉及人员：").append(i.peopleCount() == null ? "" : i.peopleCount() + "人 ")
                    .append(i.peopleDescription() == null ? "" : i.peopleDescription());
        }
        if (i.measures() != null) {
            b.append("\n化解措施：").append(i.measures());
        }
        if (i.responsible() != null) {
            b.append("\n责任人：").append(i.responsible());
        }
        return b.toString();
    }
}
