package org.xinfang.rest.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.xinfang.petition.PublicProgress;

/**
 * The petitioner's view of progress as JSON (R2022 Art. 21): dates, steps, notices and the unit in
 * charge; nothing personal. One shape for the public query of every node and for the portal's rating.
 */
public final class ProgressView {
    private ProgressView() {
    }

    public static Map<String, Object> of(PublicProgress p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trackingCode", p.trackingCode());
        m.put("kind", p.kind().name());
        m.put("kindLabel", p.kindLabel());
        m.put("subject", p.subject());
        m.put("receivedAt", p.receivedAt().toString());
        m.put("status", p.status().name());
        m.put("statusLabel", p.statusLabel());
        m.put("ownerName", p.ownerName());
        m.put("steps", p.steps().stream().map(s -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("date", s.date().toString());
            step.put("type", s.type());
            step.put("label", s.label());
            step.put("notice", s.notice());
            return step;
        }).toList());
        m.put("rating", p.rating() == null ? null : p.rating().name());
        m.put("ratingLabel", p.rating() == null ? null : p.rating().label());
        m.put("canRate", p.canRate());
        return m;
    }
}
