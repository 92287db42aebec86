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
import org.xinfang.petition.ValidationException;
import org.xinfang.rest.support.Roles;

/** Deadline lists: {@code GET /api/v1/deadlines?filter=overdue|approaching|open&unit=&days=3}. */
@Path("/deadlines")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class DeadlineResource {
    private final CaseService cases;
    private final Views views;

    public DeadlineResource(CaseService cases, Views views) {
        this.cases = cases;
        this.views = views;
    }

    @GET
    public Map<String, Object> list(@QueryParam("filter") String filter, @QueryParam("unit") String unit,
            @QueryParam("days") String days, @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        int within;
        try {
            within = days == null || days.isBlank() ? 3 : Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("days", "invalid_type", "应为整数 / must be an integer");
        }
        List<Map<String, Object>> items = cases.deadlineList(filter, unit == null || unit.isBlank() ? null : unit.strip(),
                within).stream().map(c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", c.id());
                    m.put("subject", c.subject());
                    m.put("owner", c.owner());
                    m.put("ownerName", views.unitName(c.owner()));
                    m.put("status", c.status());
                    m.put("deadline", Views.deadline(c.deadline()));
                    return m;
                }).toList();
        return Map.of("items", items, "total", items.size());
    }
}
