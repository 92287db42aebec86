package org.xinfang.rest.internal;

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
import org.xinfang.rest.support.Roles;

/**
 * 督办: {@code GET /api/v1/supervision?open=true} lists supervision notices (open ones until answered);
 * {@code POST /api/v1/supervision/scan} runs the overdue scan now instead of waiting for the daily one.
 */
@Path("/supervision")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class SupervisionResource {
    private final CaseService cases;
    private final Views views;

    public SupervisionResource(CaseService cases, Views views) {
        this.cases = cases;
        this.views = views;
    }

    @GET
    public Map<String, Object> list(@QueryParam("open") String open, @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        boolean openOnly = open == null || !open.strip().equalsIgnoreCase("false");
        List<Map<String, Object>> items = cases.supervisions(openOnly).stream().map(s -> {
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
            return m;
        }).toList();
        return Map.of("items", items, "total", items.size());
    }

    @POST
    @Path("/scan")
    public Map<String, Object> scan(@Context SecurityContext security) {
        Roles.require(security, Set.of("admin", "supervisor", "leader", "head"));
        List<String> supervised = cases.superviseOverdue(views.actor(security));
        return Map.of("supervised", supervised);
    }
}
