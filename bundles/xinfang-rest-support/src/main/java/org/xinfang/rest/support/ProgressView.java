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
        // the petitioner's copies; the page is read with the verification code, like the progress itself
        m.put("documents", p.documents().stream().map(d -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("type", d.type().name());
            doc.put("title", d.title());
            doc.put("number", d.number());
            doc.put("issuedAt", d.issuedAt().toString());
            doc.put("issuedOn", d.issuedOn().toString());
            doc.put("issuedBy", d.issuer());
            doc.put("event", d.event());
            doc.put("href", "/api/v1/public/petitions/" + p.trackingCode() + "/documents/" + d.event());
            return doc;
        }).toList());
        return m;
    }
}
