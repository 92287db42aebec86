package org.xinfang.digest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.xinfang.digest.Digest;
import org.xinfang.petition.Person;

/**
 * The document a digest is shown as (the JSON {@code GET /api/v1/digests/{month}} serves): title, issue,
 * issuing unit, period, the office's text, the figures and who generated, wrote and signed it, people by name
 * and title. It is made when the digest is written and stored as these bytes; a signed digest's document is
 * never made again.
 */
final class DigestDocument {
    private DigestDocument() {
    }

    /**
     * @param title the digest's title, e.g. 青溪区信访摘报
     * @param issuer the issuing unit's name, e.g. 青溪区信访局
     * @param unit its code
     */
    static byte[] of(Digest d, String title, String issuer, String unit) {
        ObjectNode n = DigestFigures.MAPPER.createObjectNode();
        n.put("month", d.month().toString());
        n.put("title", title);
        n.put("issue", d.month().getMonthValue());
        n.put("issueLabel", d.month().getYear() + "年第" + d.month().getMonthValue() + "期");
        n.put("issuer", issuer);
        n.put("unit", unit);
        n.put("heading", d.month().getYear() + "年" + d.month().getMonthValue() + "月信访情况");
        n.put("status", d.status().name());
        n.put("statusLabel", d.status().label());
        n.put("version", d.version());
        n.put("highlights", d.highlights());
        n.put("analysis", d.analysis());
        n.put("suggestions", d.suggestions());
        person(n, "generatedBy", d.generatedBy());
        instant(n, "generatedAt", d.generatedAt());
        person(n, "editedBy", d.editedBy());
        instant(n, "editedAt", d.editedAt());
        person(n, "signedBy", d.signedBy());
        instant(n, "signedAt", d.signedAt());
        try {
            n.set("figures", DigestFigures.MAPPER.readTree(d.figures()));
            return DigestFigures.MAPPER.writeValueAsString(n).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the digest of " + d.month() + " cannot be written as JSON", e);
        }
    }

    /** A person as readers see them: name and title, never the login. */
    private static void person(ObjectNode n, String field, Person p) {
        if (p == null) {
            n.putNull(field);
            return;
        }
        ObjectNode o = n.putObject(field);
        o.put("name", p.name());
        o.put("title", p.title());
        o.put("display", p.display());
    }

    private static void instant(ObjectNode n, String field, Instant at) {
        if (at == null) {
            n.putNull(field);
        } else {
            n.put(field, at.toString());
        }
    }
}
