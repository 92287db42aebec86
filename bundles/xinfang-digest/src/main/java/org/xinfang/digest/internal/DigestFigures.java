package org.xinfang.digest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.xinfang.lifecycle.CaseService;
import org.xinfang.lifecycle.CaseService.CaseDeadline;
import org.xinfang.node.NodeService;
import org.xinfang.node.Unit;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Rating;
import org.xinfang.petition.Status;
import org.xinfang.petition.Step;

/**
 * The figures of a month's digest, counted by the statistics of the cases held here
 * ({@link CaseService#statistics}: the month, and the 24 months up to it for the trend against the year
 * before) and the overdue list ({@link CaseService#deadlineList}); no counting of its own, so the digest is as
 * fast and as right as the statistics are. Codes come with their Chinese names and units with their names as
 * they are when counted, so that a signed digest reads the same whatever is renamed later. The answer is a
 * JSON object, always written in the same order.
 */
public final class DigestFigures {
    /** How many categories and units the hot issues name. */
    static final int HOT = 5;
    /** Longest overdue list shown (the total is given beside it). */
    static final int MAX_OVERDUE = 100;
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final CaseService cases;
    private final NodeService node;

    public DigestFigures(CaseService cases, NodeService node) {
        this.cases = cases;
        this.node = node;
    }

    /** The figures of {@code month} as counted on {@code today}, as a JSON object. */
    public String count(YearMonth month, LocalDate today) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        Map<String, Object> s = cases.statistics(from, to, null);
        // the 12 months up to this one and the 12 before them: the trend and its comparison
        Map<String, Long> byMonth = cases.receivedByMonth(month.minusMonths(23).atDay(1), to, null);

        Map<String, Object> f = new LinkedHashMap<>();
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("month", month.toString());
        period.put("from", from.toString());
        period.put("to", to.toString());
        period.put("countedOn", today.toString());
        f.put("period", period);

        long total = number(s.get("total"));
        long previous = byMonth.getOrDefault(month.minusMonths(1).toString(), 0L);
        long lastYear = number(s.get("sameTimeLastYear"));
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("total", total);
        totals.put("previousMonth", previous);
        totals.put("monthOnMonth", change(total, previous));
        totals.put("sameMonthLastYear", lastYear);
        totals.put("yearOnYear", change(total, lastYear));
        totals.put("massVisits", number(s.get("massVisits")));
        totals.put("repeats", number(s.get("repeats")));
        totals.put("repeatRate", s.get("repeatRate"));
        totals.put("supervised", number(s.get("supervised")));
        totals.put("major", number(s.get("major")));
        totals.put("overdue", number(s.get("overdue")));
        f.put("totals", totals);

        f.put("byKind", named(counts(s.get("byKind")), k -> Kind.valueOf(k).label()));
        f.put("byChannel", named(counts(s.get("byChannel")), k -> Channel.valueOf(k).label()));
        f.put("byStatus", named(counts(s.get("byStatus")), k -> Status.valueOf(k).label()));
        List<Map<String, Object>> byUnit = named(counts(s.get("byUnit")), this::unitName);
        f.put("byUnit", byUnit);
        List<Map<String, Object>> byCategory = named(counts(s.get("byCategory")), UnaryOperator.identity());
        f.put("byCategory", byCategory);

        Map<String, Object> hot = new LinkedHashMap<>();
        hot.put("categories", byCategory.stream().filter(c -> !"未分类".equals(c.get("code"))).limit(HOT).toList());
        hot.put("units", byUnit.stream().limit(HOT).toList());
        f.put("hotIssues", hot);

        Map<String, Object> trend = new LinkedHashMap<>();
        List<String> months = new ArrayList<>();
        List<Long> thisYear = new ArrayList<>();
        List<Long> yearBefore = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            YearMonth m = month.minusMonths(i);
            months.add(m.toString());
            thisYear.add(byMonth.getOrDefault(m.toString(), 0L));
            yearBefore.add(byMonth.getOrDefault(m.minusYears(1).toString(), 0L));
        }
        trend.put("months", months);
        trend.put("counts", thisYear);
        trend.put("lastYear", yearBefore);
        f.put("trend", trend);

        List<Map<String, Object>> onTime = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> clocks = (Map<String, Map<String, Object>>) s.get("onTime");
        for (Map.Entry<String, Map<String, Object>> e : clocks.entrySet()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("step", e.getKey());
            c.put("name", Step.valueOf(e.getKey()).label());
            c.put("met", number(e.getValue().get("met")));
            c.put("missed", number(e.getValue().get("missed")));
            c.put("rate", e.getValue().get("rate"));
            onTime.add(c);
        }
        f.put("onTime", onTime);

        @SuppressWarnings("unchecked")
        Map<String, Object> sat = (Map<String, Object>) s.get("satisfaction");
        Map<String, Object> satisfaction = new LinkedHashMap<>();
        satisfaction.put("rated", number(sat.get("rated")));
        satisfaction.put("rate", sat.get("rate"));
        satisfaction.put("byLevel", named(counts(sat.get("byLevel")), k -> Rating.valueOf(k).label()));
        f.put("satisfaction", satisfaction);

        f.put("overdueCases", overdue(today));
        try {
            return MAPPER.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the figures of " + month + " cannot be written as JSON", e);
        }
    }

    /** The cases held here whose organ clock is past due on the day counted, longest overdue first. */
    private Map<String, Object> overdue(LocalDate today) {
        // the longest overdue first, found by the due day kept with each case; the rest only counted
        org.xinfang.petition.Page<CaseDeadline> page = cases.overdue(MAX_OVERDUE);
        List<CaseDeadline> late = new ArrayList<>(page.items());
        late.sort(Comparator.comparingLong((CaseDeadline c) -> c.deadline().daysRemaining()).thenComparing(CaseDeadline::id));
        List<Map<String, Object>> items = new ArrayList<>();
        for (CaseDeadline c : late) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("subject", c.subject());
            m.put("unit", c.owner());
            m.put("unitName", unitName(c.owner()));
            m.put("status", c.status());
            m.put("statusName", Status.valueOf(c.status()).label());
            m.put("step", c.deadline().step().name());
            m.put("stepName", c.deadline().step().label());
            m.put("due", c.deadline().due().toString());
            m.put("daysOver", -c.deadline().daysRemaining());
            items.add(m);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("asOf", today.toString());
        o.put("total", page.total());
        o.put("items", items);
        return o;
    }

    private String unitName(String code) {
        return node.units().get(code).map(Unit::name).orElse(code);
    }

    /** Counts as a list, most first (ties by code), each with its code, name and count. */
    private static List<Map<String, Object>> named(Map<String, Long> counts, UnaryOperator<String> name) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<Map<String, Object>> list = new ArrayList<>();
        for (Map.Entry<String, Long> e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", e.getKey());
            m.put("name", name.apply(e.getKey()));
            m.put("count", e.getValue());
            list.add(m);
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> counts(Object value) {
        Map<String, Long> m = new LinkedHashMap<>();
        if (value != null) {
            ((Map<String, Object>) value).forEach((k, v) -> m.put(k, number(v)));
        }
        return m;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The change from {@code before} to {@code now} as a fraction with four decimals; null from nothing. */
    static Double change(long now, long before) {
        return before == 0 ? null : Math.round((now - before) * 10000.0 / before) / 10000.0;
    }
}
