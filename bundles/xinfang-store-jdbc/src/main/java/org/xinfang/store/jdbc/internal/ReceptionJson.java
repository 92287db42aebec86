package org.xinfang.store.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.xinfang.petition.Person;
import org.xinfang.petition.ValidationException;
import org.xinfang.reception.ReceptionDay;
import org.xinfang.reception.ReceptionStatus;

/**
 * A reception session as it is stored and journalled ({@code RECEPTION_DAY}): the whole session. Field
 * names are a wire contract between node versions: add, never rename.
 */
final class ReceptionJson {
    /** The journal entry type of a change to a unit's rota. */
    static final String ENTRY_TYPE = "RECEPTION_DAY";

    private ReceptionJson() {
    }

    static String write(ReceptionDay d) {
        ObjectNode n = PetitionJson.MAPPER.createObjectNode();
        n.put("id", d.id());
        n.put("unit", d.unit());
        person(n, "leader", d.leader());
        n.put("date", d.date().toString());
        n.put("start", d.start().toString());
        n.put("end", d.end().toString());
        n.put("place", d.place());
        n.put("topics", d.topics());
        n.put("status", d.status().name());
        n.put("cancelReason", d.cancelReason());
        n.put("raised", d.raised());
        n.put("decided", d.decided());
        person(n, "recordedBy", d.recordedBy());
        n.put("recordedAt", d.recordedAt() == null ? null : d.recordedAt().toEpochMilli());
        person(n, "scheduledBy", d.scheduledBy());
        n.put("changedAt", d.changedAt().toEpochMilli());
        n.put("version", d.version());
        return n.toString();
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

    /** @throws IllegalArgumentException when the text is not a valid session */
    static ReceptionDay read(String json) {
        try {
            JsonNode n = PetitionJson.MAPPER.readTree(json);
            return new ReceptionDay(text(n, "id"), text(n, "unit"), person(n.get("leader")),
                    LocalDate.parse(text(n, "date")), LocalTime.parse(text(n, "start")), LocalTime.parse(text(n, "end")),
                    text(n, "place"), text(n, "topics"), ReceptionStatus.valueOf(text(n, "status")),
                    text(n, "cancelReason"), text(n, "raised"), text(n, "decided"), person(n.get("recordedBy")),
                    instant(n, "recordedAt"), person(n.get("scheduledBy")), instant(n, "changedAt"),
                    n.path("version").asInt());
        } catch (JsonProcessingException | DateTimeParseException | ValidationException | NullPointerException e) {
            throw new IllegalArgumentException("not a reception day: " + e.getMessage(), e);
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
