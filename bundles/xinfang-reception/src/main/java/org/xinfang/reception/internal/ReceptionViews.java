package org.xinfang.reception.internal;

import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xinfang.petition.Person;
import org.xinfang.reception.ReceptionDay;

/**
 * Sessions as the API shows them: people by name and title (never a login), units by name, dates ISO.
 * Staff see the whole session with its record and cases; the portal only what is published.
 */
final class ReceptionViews {
    private final ReceptionService service;

    ReceptionViews(ReceptionService service) {
        this.service = service;
    }

    /** The published part: when, where, who (name, title), which unit, what about. */
    Map<String, Object> published(ReceptionDay d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", d.date().toString());
        m.put("weekday", d.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA));
        m.put("start", d.start().toString());
        m.put("end", d.end().toString());
        m.put("place", d.place());
        m.put("topics", d.topics());
        m.put("leader", person(d.leader()));
        m.put("leaderName", d.leader().name());
        m.put("leaderTitle", d.leader().title());
        m.put("unit", d.unit());
        m.put("unitName", service.unitName(d.unit()));
        return m;
    }

    /** The whole session for staff: its id, status, the record and the cases registered in it. */
    Map<String, Object> staff(ReceptionDay d, List<String> cases) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.putAll(published(d));
        m.put("status", d.status().name());
        m.put("statusLabel", d.status().label());
        m.put("cancelReason", d.cancelReason());
        m.put("raised", d.raised());
        m.put("decided", d.decided());
        m.put("recordedBy", d.recordedBy() == null ? null : d.recordedBy().display());
        m.put("recordedAt", d.recordedAt() == null ? null : d.recordedAt().toString());
        m.put("scheduledBy", d.scheduledBy().display());
        m.put("cases", cases == null ? List.of() : cases);
        m.put("mine", service.ours(d));
        m.put("version", d.version());
        return m;
    }

    private static Map<String, Object> person(Person p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("title", p.title());
        m.put("display", p.display());
        return m;
    }
}
