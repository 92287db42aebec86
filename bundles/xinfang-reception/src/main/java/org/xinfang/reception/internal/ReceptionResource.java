package org.xinfang.reception.internal;

import static org.xinfang.petition.StaffRoles.ADMIN;
import static org.xinfang.petition.StaffRoles.CLERK;
import static org.xinfang.petition.StaffRoles.HEAD;
import static org.xinfang.petition.StaffRoles.LEADER;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import org.xinfang.reception.ReceptionDay;
import org.xinfang.rest.support.PetitionRequests;
import org.xinfang.rest.support.Roles;

/**
 * Staff API of the reception rota, {@code /api/v1/reception-days}: list (every staff member), schedule,
 * cancel and record (heads, leaders and clerks of this node's unit). Thin: parse, call the service, map.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class ReceptionResource {
    /** Who keeps the rota: the unit's clerks, its head and its leaders. */
    static final Set<String> KEEPERS = Set.of(ADMIN, CLERK, HEAD, LEADER);

    private final ReceptionService service;
    private final NodeService node;
    private final ReceptionViews views;
    private final PetitionRequests requests = new PetitionRequests();

    public ReceptionResource(ReceptionService service, NodeService node) {
        this.service = service;
        this.node = node;
        this.views = new ReceptionViews(service);
    }

    private Person person(SecurityContext security) {
        return node.person(security.getUserPrincipal().getName());
    }

    /** Sessions held here from {@code from} (default today) to {@code to} (default 30 days later), by date and start. */
    @GET
    public Map<String, Object> list(@QueryParam("from") String from, @QueryParam("to") String to,
            @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        LocalDate first = from == null || from.isBlank() ? service.today() : ReceptionService.date("from", from);
        LocalDate last = to == null || to.isBlank() ? first.plusDays(30) : ReceptionService.date("to", to);
        List<ReceptionDay> days = service.between(first, last);
        Map<String, List<String>> cases = service.cases(days);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", first.toString());
        answer.put("to", last.toString());
        answer.put("unit", node.info().unit().code());
        answer.put("unitName", node.info().unit().name());
        answer.put("items", days.stream().map(d -> views.staff(d, cases.get(d.id()))).toList());
        return answer;
    }

    /**
     * The people of this node's staff list who can be put on the rota (named with title), for the form's
     * choice: shown by name and title; the login is the form's value only.
     */
    @GET
    @Path("leaders")
    public Map<String, Object> leaders(@Context SecurityContext security) {
        Roles.require(security, KEEPERS);
        return Map.of("items", node.staff().stream().filter(Person::named).map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("login", p.login());
            m.put("name", p.name());
            m.put("title", p.title());
            m.put("display", p.display());
            return m;
        }).toList());
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id, @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        ReceptionDay day = service.get(id);
        return views.staff(day, service.cases(List.of(day)).get(day.id()));
    }

    /** Schedules a session of this node's unit: {date, start, end, place, topics, leader (login), unit?}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response schedule(InputStream body, @Context SecurityContext security, @Context UriInfo uri)
            throws IOException {
        Roles.require(security, KEEPERS);
        Map<String, String> f = requests.parseFlat(PetitionRequests.readLimited(body), "date", "start", "end", "place",
                "topics", "leader", "unit");
        ReceptionDay day = service.schedule(new ReceptionInput(f.get("date"), f.get("start"), f.get("end"),
                f.get("place"), f.get("topics"), f.get("leader"), f.get("unit")), person(security));
        URI location = uri.getAbsolutePathBuilder().path(day.id()).build();
        return Response.created(location).entity(views.staff(day, List.of())).build();
    }

    /** Cancels a scheduled session: {reason}. */
    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> cancel(@PathParam("id") String id, InputStream body, @Context SecurityContext security)
            throws IOException {
        Roles.require(security, KEEPERS);
        Map<String, String> f = requests.parseFlat(PetitionRequests.readLimited(body), "reason");
        ReceptionDay day = service.cancel(id, f.get("reason"), person(security));
        return views.staff(day, service.cases(List.of(day)).get(day.id()));
    }

    /** The session's record: {raised, decided}. */
    @POST
    @Path("{id}/record")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> record(@PathParam("id") String id, InputStream body, @Context SecurityContext security)
            throws IOException {
        Roles.require(security, KEEPERS);
        Map<String, String> f = requests.parseFlat(PetitionRequests.readLimited(body), "raised", "decided");
        ReceptionDay day = service.record(id, f.get("raised"), f.get("decided"), person(security));
        return views.staff(day, service.cases(List.of(day)).get(day.id()));
    }
}
