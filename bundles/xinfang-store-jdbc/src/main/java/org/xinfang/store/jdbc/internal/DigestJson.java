package org.xinfang.store.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.xinfang.digest.Digest;
import org.xinfang.digest.DigestStatus;
import org.xinfang.petition.Person;
import org.xinfang.petition.ValidationException;

/**
 * A digest as the store keeps it to read it back (not the document served, which the digest bundle makes).
 * The figures are kept as the text they were generated as, so that they come back unchanged.
 */
final class DigestJson {
    private DigestJson() {
    }

    static String write(Digest d) {
        ObjectNode n = PetitionJson.MAPPER.createObjectNode();
        n.put("month", d.month().toString());
        n.put("status", d.status().name());
        n.put("version", d.version());
        n.put("figures", d.figures());
        n.put("highlights", d.highlights());
        n.put("analysis", d.analysis());
        n.put("suggestions", d.suggestions());
        person(n, "generatedBy", d.generatedBy());
        instant(n, "generatedAt", d.generatedAt());
        person(n, "editedBy", d.editedBy());
        instant(n, "editedAt", d.editedAt());
        person(n, "signedBy", d.signedBy());
        instant(n, "signedAt", d.signedAt());
        return n.toString();
    }

    /** @throws IllegalArgumentException when the text is not a digest */
    static Digest read(String json) {
        try {
            JsonNode n = PetitionJson.MAPPER.readTree(json);
            return new Digest(YearMonth.parse(text(n, "month")), DigestStatus.valueOf(text(n, "status")),
                    n.path("version").asInt(), text(n, "figures"), text(n, "highlights"), text(n, "analysis"),
                    text(n, "suggestions"), person(n.get("generatedBy")), instant(n, "generatedAt"),
                    person(n.get("editedBy")), instant(n, "editedAt"), person(n.get("signedBy")), instant(n, "signedAt"));
        } catch (JsonProcessingException | DateTimeParseException | ValidationException | NullPointerException e) {
            throw new IllegalArgumentException("not a digest: " + e.getMessage(), e);
        }
    }

    private static void person(ObjectNode n, String field, Person p) {
        if (p == null) {
            n.putNull(field);
            return;
        }
        ObjectNode o = n.putObject(field);
        o.put("login", p.login());
        o.put("name", p.name());
        o.put("title", p.title());
    }

    private static void instant(ObjectNode n, String field, Instant at) {
        if (at == null) {
            n.putNull(field);
        } else {
            n.put(field, at.toEpochMilli());
        }
    }

    private static Person person(JsonNode o) {
        if (o == null || o.isNull()) {
            return null;
        }
        return new Person(text(o, "login"), text(o, "name"), text(o, "title"));
    }

    private static Instant instant(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : Instant.ofEpochMilli(v.asLong());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
