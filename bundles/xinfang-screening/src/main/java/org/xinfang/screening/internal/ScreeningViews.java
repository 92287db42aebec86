package org.xinfang.screening.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xinfang.petition.Person;
import org.xinfang.screening.RiskLevel;
import org.xinfang.screening.ScreeningForm;
import org.xinfang.screening.ScreeningItem;
import org.xinfang.screening.ScreeningReport;

/** Reports as the API shows them: units by name, people by name and title (never a login), codes with their labels. */
final class ScreeningViews {
    private final ScreeningService service;

    ScreeningViews(ScreeningService service) {
        this.service = service;
    }

    Map<String, Object> form(ScreeningForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dueDay", f.dueDay());
        List<Map<String, Object>> levels = new ArrayList<>();
        for (RiskLevel l : f.riskLevels()) {
            levels.add(Map.of("code", l.name(), "label", l.label(), "english", l.english()));
        }
        m.put("riskLevels", levels);
        List<Map<String, Object>> required = new ArrayList<>();
        for (String field : f.requiredInOrder()) {
            required.add(Map.of("field", field, "label", ScreeningService.FIELD_NAMES.get(field)));
        }
        m.put("required", required);
        m.put("definedBy", f.definedBy());
        m.put("definedByName", service.unitName(f.definedBy()));
        m.put("received", service.formReceived());
        return m;
    }

    /** One unit's line in the month's list. */
    Map<String, Object> line(ScreeningService.Line l, String month) {
        Map<String, Object> m = new LinkedHashMap<>();
        ScreeningReport r = l.report();
        m.put("unit", l.unit().code());
        m.put("unitName", l.unit().name());
        m.put("kind", l.unit().kind().name());
        m.put("kindLabel", l.unit().kind().label());
        m.put("month", month);
        m.put("state", r == null ? "MISSING" : r.state().name());
        m.put("stateLabel", r == null ? "未填报" : r.state().label());
        m.put("standing", l.standing().name());
        m.put("standingLabel", l.standing().label());
        m.put("late", l.standing() == ScreeningService.Standing.LATE);
        m.put("filedLate", l.filedLate());
        m.put("filedAt", r == null || r.filedAt() == null ? null : r.filedAt().toString());
        m.put("filedBy", r == null || r.filedBy() == null ? null : r.filedBy().display());
        m.put("returnedAt", r == null || r.returnedAt() == null ? null : r.returnedAt().toString());
        m.put("items", r == null ? 0 : r.items().size());
        m.put("highRisk", r == null ? 0 : r.items().stream().filter(i -> i.risk() == RiskLevel.HIGH).count());
        m.put("nothingToReport", r != null && r.nothingToReport());
        m.put("version", r == null ? 0 : r.version());
        return m;
    }

    /** The whole report. */
    Map<String, Object> report(ScreeningReport r) {
        ScreeningService.Line line = service.line(r);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("unit", r.unit());
        m.put("unitName", service.unitName(r.unit()));
        m.put("month", r.month().toString());
        m.put("due", service.form().dueDate(r.month()).toString());
        m.put("state", r.state().name());
        m.put("stateLabel", r.state().label());
        m.put("standing", line.standing().name());
        m.put("standingLabel", line.standing().label());
        m.put("late", line.standing() == ScreeningService.Standing.LATE);
        m.put("filedLate", line.filedLate());
        m.put("nothingToReport", r.nothingToReport());
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < r.items().size(); i++) {
            items.add(item(r, i + 1, r.items().get(i)));
        }
        m.put("items", items);
        m.put("filedAt", r.filedAt() == null ? null : r.filedAt().toString());
        m.put("filedBy", display(r.filedBy()));
        m.put("returnedAt", r.returnedAt() == null ? null : r.returnedAt().toString());
        m.put("returnedBy", display(r.returnedBy()));
        m.put("comments", r.comments());
        m.put("changedBy", display(r.changedBy()));
        m.put("changedAt", r.changedAt().toString());
        m.put("version", r.version());
        m.put("mine", service.ours(r.unit()));
        m.put("editable", service.ours(r.unit()) && r.state().withUnit());
        m.put("canReturn", service.above(r.unit()) && r.state() == org.xinfang.screening.ReportState.FILED);
        return m;
    }

    private static Map<String, Object> item(ScreeningReport r, int n, ScreeningItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("id", r.itemId(n));
        m.put("kind", i.kind().name());
        m.put("kindLabel", i.kind().label());
        m.put("summary", i.summary());
        m.put("place", i.place());
        m.put("peopleCount", i.peopleCount());
        m.put("peopleDescription", i.peopleDescription());
        m.put("risk", i.risk().name());
        m.put("riskLabel", i.risk().label());
        m.put("measures", i.measures());
        m.put("responsibleName", i.responsibleName());
        m.put("responsibleTitle", i.responsibleTitle());
        m.put("responsible", i.responsible());
        m.put("caseId", i.caseId());
        return m;
    }

    private static String display(Person p) {
        return p == null ? null : p.display();
    }
}
