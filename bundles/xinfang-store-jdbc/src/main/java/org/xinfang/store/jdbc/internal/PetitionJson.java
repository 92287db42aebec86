package org.xinfang.store.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Event;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Petition;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.Status;

/**
 * A petition as it travels between nodes: the whole case after a change (a snapshot), so that a
 * node applying it needs nothing else. Field names are a wire contract between node versions.
 */
final class PetitionJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PetitionJson() {
    }

    /** A decoded snapshot and the verification hash that travels with it. */
    record Snapshot(Petition petition, String verificationHash) {
    }

    static String write(Petition p, String verificationHash) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", p.id());
        n.put("trackingCode", p.trackingCode());
        n.put("verificationHash", verificationHash);
        n.put("kind", p.kind().name());
        n.put("channel", p.channel().name());
        n.put("subject", p.subject());
        n.put("content", p.content());
        n.put("category", p.category());
        n.put("location", p.location());
        n.put("receivedAt", p.receivedAt().toString());
        n.put("headcount", p.headcount());
        n.put("registeredBy", p.registeredBy());
        n.put("owner", p.owner());
        n.put("status", p.status().name());
        n.put("registeredAt", p.registeredAt().toEpochMilli());
        ArrayNode people = n.putArray("petitioners");
        for (Petitioner person : p.petitioners()) {
            ObjectNode o = people.addObject();
            o.put("name", person.name());
            o.put("idNumber", person.idNumber());
            o.put("phone", person.phone());
            o.put("address", person.address());
        }
        ArrayNode timeline = n.putArray("timeline");
        for (Event e : p.timeline()) {
            ObjectNode o = timeline.addObject();
            o.put("seq", e.seq());
            o.put("at", e.at().toEpochMilli());
            o.put("type", e.type());
            o.put("actor", e.actor());
            o.put("unit", e.unit());
            o.put("node", e.node());
            o.put("note", e.note());
        }
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a petition always serializes", e);
        }
    }

    static Snapshot read(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            List<Petitioner> people = new ArrayList<>();
            for (JsonNode o : n.get("petitioners")) {
                people.add(new Petitioner(text(o, "name"), text(o, "idNumber"), text(o, "phone"), text(o, "address")));
            }
            List<Event> timeline = new ArrayList<>();
            for (JsonNode o : n.get("timeline")) {
                timeline.add(new Event(o.get("seq").asInt(), Instant.ofEpochMilli(o.get("at").asLong()),
                        text(o, "type"), text(o, "actor"), text(o, "unit"), text(o, "node"), text(o, "note")));
            }
            Petition p = new Petition(text(n, "id"), text(n, "trackingCode"), Kind.valueOf(text(n, "kind")),
                    Channel.valueOf(text(n, "channel")), text(n, "subject"), text(n, "content"), text(n, "category"),
                    text(n, "location"), LocalDate.parse(text(n, "receivedAt")), n.get("headcount").asInt(), people,
                    text(n, "registeredBy"), text(n, "owner"), Status.valueOf(text(n, "status")),
                    Instant.ofEpochMilli(n.get("registeredAt").asLong()), timeline);
            return new Snapshot(p, text(n, "verificationHash"));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a petition snapshot: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
