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

    /**
     * {@code GET /api/v1/statistics/cases?from=&to=&unit=&figure=&key=&offset=&limit=}: the cases behind one
     * figure, counted by the same rule as the figure itself, newest first ({@code items}, {@code total}); only
     * the cases {@code owner} owns when given (what an assessment counts for that unit).
     */
    @GET
    @Path("/cases")
    public Map<String, Object> cases(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("unit") String unit, @QueryParam("owner") String owner, @QueryParam("figure") String figure,
            @QueryParam("key") String key,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit, @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        LocalDate today = LocalDate.now(org.xinfang.rules.Deadlines.ZONE);
        var page = cases.statisticsCases(date(from, "from", today.withDayOfMonth(1)), date(to, "to", today),
                unit == null || unit.isBlank() ? null : unit.strip(), owner, figure, key, number(offset, "offset", 0),
                number(limit, "limit", 50));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("figure", figure);
        answer.put("key", key);
        answer.put("items", page.items().stream().map(p -> views.summary(new org.xinfang.petition.PetitionSummary(
                p.id(), p.trackingCode(), p.kind(), p.channel(), p.subject(), p.category(), p.receivedAt(),
                p.registeredBy(), p.owner(), p.status(), p.registeredAt(),
                p.petitioners().isEmpty() ? null : p.petitioners().get(0).name()))).toList());
        answer.put("total", page.total());
        answer.put("offset", page.offset());
        answer.put("limit", page.limit());
        return answer;
    }

    private static int number(String raw, String field, int otherwise) {
        if (raw == null || raw.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "invalid_type", "应为整数 / must be an integer");
        }
    }

    /**
     * The same statistics as a CSV file Excel and WPS open (UTF-8 with a BOM): one line per figure,
     * {@code 维度,项目,件数} (dimension, item, count), Chinese names for the codes.
     */
    @GET
    @Path("/export.csv")
    @Produces("text/csv;charset=UTF-8")
    public javax.ws.rs.core.Response export(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("unit") String unit, @Context SecurityContext security) {
        Map<String, Object> s = statistics(from, to, unit, security);
        javax.ws.rs.core.StreamingOutput body = out -> {
            java.io.Writer w = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
            w.write(org.xinfang.rest.support.Csv.BOM);
            org.xinfang.rest.support.Csv.line(w, java.util.List.of("维度", "项目", "件数"));
            org.xinfang.rest.support.Csv.line(w, java.util.List.of("统计期间", s.get("from") + " 至 " + s.get("to"), ""));
            org.xinfang.rest.support.Csv.line(w, java.util.List.of("总计", "总件数", s.get("total")));
            org.xinfang.rest.support.Csv.line(w, java.util.List.of("总计", "去年同期", s.get("sameTimeLastYear")));
            org.xinfang.rest.support.Csv.line(w, java.util.List.of("总计", "集体访（5人以上）", s.get("massVisits")));
            org.xinfang.rest.support.Csv.line(w, java.util.List.of("总计", "重复信访", s.get("repeats")));
            org.xinfang.rest.support.Csv.line(w, java.util.List.of("总计", "督办", s.get("supervised")));
            org.xinfang.rest.support.Csv.line(w, java.util.List.of("总计", "重大紧急", s.get("major")));
            org.xinfang.rest.support.Csv.line(w, java.util.List.of("总计", "超期未办", s.get("overdue")));
            dimension(w, "类别", s.get("byKind"), k -> org.xinfang.petition.Kind.valueOf(k).label());
            dimension(w, "状态", s.get("byStatus"), k -> org.xinfang.petition.Status.valueOf(k).label());
            dimension(w, "渠道", s.get("byChannel"), k -> org.xinfang.petition.Channel.valueOf(k).label());
            dimension(w, "问题分类", s.get("byCategory"), k -> k);
            dimension(w, "月份", s.get("byMonth"), k -> k);
            @SuppressWarnings("unchecked")
            Map<String, String> names = (Map<String, String>) s.get("unitNames");
            dimension(w, "责任单位", s.get("byUnit"), k -> names.getOrDefault(k, k));
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> onTime = (Map<String, Map<String, Object>>) s.get("onTime");
            for (Map.Entry<String, Map<String, Object>> e : onTime.entrySet()) {
                String step = org.xinfang.petition.Step.valueOf(e.getKey()).label();
                org.xinfang.rest.support.Csv.line(w, java.util.List.of("按期", step + "按期", e.getValue().get("met")));
                org.xinfang.rest.support.Csv.line(w, java.util.List.of("按期", step + "超期", e.getValue().get("missed")));
            }
            w.flush();
        };
        return javax.ws.rs.core.Response.ok(body).header("Content-Disposition",
                "attachment; filename=\"statistics.csv\"; filename*=UTF-8''%E4%BF%A1%E8%AE%BF%E7%BB%9F%E8%AE%A1.csv").build();
    }

    private static void dimension(java.io.Writer w, String name, Object counts,
            java.util.function.UnaryOperator<String> label) throws java.io.IOException {
        @SuppressWarnings("unchecked")
        Map<String, Long> m = (Map<String, Long>) counts;
        for (Map.Entry<String, Long> e : m.entrySet()) {
            org.xinfang.rest.support.Csv.line(w, java.util.List.of(name, label.apply(e.getKey()), e.getValue()));
        }
    }

    private static LocalDate date(String raw, String field, LocalDate otherwise) {
        if (raw == null || raw.isBlank()) {
            return otherwise;
        }
        try {
            return org.xinfang.petition.Checks.date(field, LocalDate.parse(raw.strip()));
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "invalid_type", org.xinfang.petition.Checks.unreadableDate(raw));
        }
    }
}
