package org.xinfang.rest.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
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

/**
 * {@code GET /api/v1/statistics?from=&to=&unit=}: the statistics of the cases this node holds (its
 * subtree), received in the period (default: this month so far), of one unit's subtree when given.
 */
@Path("/statistics")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class StatisticsResource {
    private final CaseService cases;
    private final Views views;

    public StatisticsResource(CaseService cases, Views views) {
        this.cases = cases;
        this.views = views;
    }

    @GET
    public Map<String, Object> statistics(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("unit") String unit, @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        LocalDate today = LocalDate.now(org.xinfang.rules.Deadlines.ZONE);
        LocalDate start = date(from, "from", today.withDayOfMonth(1));
        LocalDate end = date(to, "to", today);
        Map<String, Object> answer = new LinkedHashMap<>(cases.statistics(start, end,
                unit == null || unit.isBlank() ? null : unit.strip()));
        // units by name beside their codes
        @SuppressWarnings("unchecked")
        Map<String, Long> byUnit = (Map<String, Long>) answer.get("byUnit");
        Map<String, String> names = new LinkedHashMap<>();
        byUnit.keySet().forEach(code -> names.put(code, views.unitName(code)));
        answer.put("unitNames", names);
        return answer;
    }

    private static LocalDate date(String raw, String field, LocalDate otherwise) {
        if (raw == null || raw.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "invalid_type", "日期格式应为 YYYY-MM-DD / must be YYYY-MM-DD");
        }
    }
}
