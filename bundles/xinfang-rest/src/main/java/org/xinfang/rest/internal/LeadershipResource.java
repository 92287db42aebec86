package org.xinfang.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.xinfang.lifecycle.CaseService;
import org.xinfang.rest.support.Roles;

/**
 * The district's own tools that are lists across cases: {@code GET /api/v1/alerts} (major matters flagged
 * below this node that no named person here has acknowledged) and {@code GET /api/v1/leader-cases} (包案).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class LeadershipResource {
    private final CaseService cases;
    private final Views views;

    public LeadershipResource(CaseService cases, Views views) {
        this.cases = cases;
        this.views = views;
    }

    /** The counts of the caller's home page (what waits for them here), with their roles. */
    @GET
    @Path("home")
    public Map<String, Object> home(@Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        org.xinfang.petition.Actor actor = views.actor(security);
        CaseService.Workload w = cases.workload(actor);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unrouted", w.unrouted());
        m.put("returned", w.returned());
        m.put("toAccept", w.toAccept());
        m.put("toDecide", w.toDecide());
        m.put("dueThisWeek", w.dueThisWeek());
        m.put("overdue", w.overdue());
        m.put("supervisionToAnswer", w.supervisionToAnswer());
        m.put("myLeaderCases", w.myLeaderCases());
        m.put("myLeaderCasesOverdue", w.myLeaderCasesOverdue());
        m.put("alerts", w.alerts());
        m.put("listedSupervision", w.listedSupervision());
        m.put("answersToReview", w.answersToReview());
        m.put("overdueBelow", w.overdueBelow());
        return m;
    }

    /** Unacknowledged major matters at this node and below, newest first. */
    @GET
    @Path("alerts")
    public Map<String, Object> alerts(@Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        List<Map<String, Object>> items = cases.alerts().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("subject", a.subject());
            m.put("owner", a.owner());
            m.put("ownerName", views.unitName(a.owner()));
            m.put("reason", a.reason());
            m.put("flaggedBy", a.flaggedBy());
            m.put("flaggedByName", views.unitName(a.flaggedBy()));
            m.put("flaggedByPerson", a.flaggedByPerson().display());
            m.put("flaggedAt", a.flaggedAt().toString());
            m.put("arrivedHere", a.arrivedHere() == null ? null : a.arrivedHere().toString());
            return m;
        }).toList();
        return Map.of("items", items, "total", items.size());
    }

    /**
     * 包案 of leaders of this node's unit and below: {@code filter} open (default), overdue, closed or all;
     * {@code mine=true} for the calling leader's own; {@code leader=<login>} for one leader's.
     */
    @GET
    @Path("leader-cases")
    public Map<String, Object> leaderCases(@QueryParam("filter") String filter, @QueryParam("mine") String mine,
            @QueryParam("leader") String leader, @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        String who = "true".equalsIgnoreCase(mine) ? security.getUserPrincipal().getName() : blankToNull(leader);
        List<Map<String, Object>> items = cases.leaderCases(filter, who).stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("subject", c.subject());
            m.put("owner", c.owner());
            m.put("ownerName", views.unitName(c.owner()));
            m.put("status", c.status());
            m.put("leader", c.leader().display());
            m.put("leaderName", c.leader().name());
            m.put("leaderTitle", c.leader().title());
            m.put("leaderUnit", c.leaderUnit());
            m.put("leaderUnitName", views.unitName(c.leaderUnit()));
            m.put("measures", c.measures());
            m.put("targetDate", c.targetDate().toString());
            m.put("responsibleUnit", c.responsibleUnit());
            m.put("responsibleUnitName", views.unitName(c.responsibleUnit()));
            m.put("takenOn", c.takenOn().toString());
            m.put("progressEntries", c.progressEntries());
            m.put("lastProgressOn", c.lastProgressOn() == null ? null : c.lastProgressOn().toString());
            m.put("closedOn", c.closedOn() == null ? null : c.closedOn().toString());
            m.put("overdue", c.overdue());
            return m;
        }).toList();
        return Map.of("items", items, "total", items.size());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
