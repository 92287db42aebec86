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
import java.util.Map;
import java.util.function.BiFunction;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
import org.xinfang.petition.Kind;
import org.xinfang.petition.NewEvent;
import org.xinfang.petition.Person;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionStore.Conflict;
import org.xinfang.petition.Petitioner;
import org.xinfang.rules.CaseState;

/**
 * Cases and events as they travel between nodes. Field names are a wire contract between node versions:
 * add, never rename. A case's status and owner travel for readers but are never taken from the wire: a
 * node derives them from the timeline ({@link CaseState}). Payloads of nodes before schema 8 (no event
 * ids, facts in notes) are still read.
 */
final class PetitionJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private PetitionJson() {
    }

    /** A decoded case, the verification hash that travels with it, and conflict notices sent with it. */
    record Snapshot(Petition petition, String verificationHash, List<Conflict> conflicts) {
    }

    /**
     * A decoded step: the case it is on, the version its author checked it on, and the event. Its
     * identity is its journal entry's, except for a step of a node before schema 8 ({@code eventId}).
     */
    record Step(String caseId, int basedOn, String basedOnDigest, NewEvent event, String eventId) {
    }

    static String write(Petition p, String verificationHash) {
        return write(p, verificationHash, List.of());
    }

    static String write(Petition p, String verificationHash, List<Conflict> conflicts) {
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
        n.put("version", p.version());
        ArrayNode people = n.putArray("petitioners");
        for (Petitioner person : p.petitioners()) {
            ObjectNode o = people.addObject();
            o.put("name", person.name());
            o.put("idNumber", person.idNumber());
            o.put("phone", person.phone());
            o.put("address", person.address());
            // only when recorded: the copy of a case registered without them reads as it did before schema 16
            if (person.gender() != null) {
                o.put("gender", person.gender().name());
            }
            if (person.workUnit() != null) {
                o.put("workUnit", person.workUnit());
            }
        }
        ArrayNode timeline = n.putArray("timeline");
        for (Event e : p.timeline()) {
            ObjectNode o = timeline.addObject();
            o.put("seq", e.seq());
            o.put("id", e.id());
            writeEvent(o, e.content());
        }
        if (!conflicts.isEmpty()) {
            ArrayNode list = n.putArray("conflicts");
            for (Conflict c : conflicts) {
                ObjectNode o = list.addObject();
                o.put("eventId", c.eventId());
                o.put("caseId", c.caseId());
                o.put("type", c.type().name());
                o.put("actor", c.actor().login());
                o.put("actorName", c.actor().name());
                o.put("actorTitle", c.actor().title());
                o.put("unit", c.unit());
                o.put("at", c.at().toEpochMilli());
                o.put("refusedBy", c.refusedBy());
                o.put("reason", c.reason());
            }
        }
        return text(n);
    }

    /** A step as a journal entry carries it, with the version and digest of the copy it was checked on. */
    static String writeStep(String caseId, int basedOn, String basedOnDigest, NewEvent event) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("case", caseId);
        n.put("basedOn", basedOn);
        n.put("basedOnDigest", basedOnDigest);
        writeEvent(n.putObject("event"), event);
        return text(n);
    }

    private static void writeEvent(ObjectNode o, NewEvent e) {
        o.put("at", e.at().toEpochMilli());
        o.put("type", e.type().name());
        o.put("actor", e.actor().login());
        o.put("actorName", e.actor().name());
        o.put("actorTitle", e.actor().title());
        o.put("unit", e.unit());
        o.put("node", e.node());
        if (!e.attrs().isEmpty()) {
            o.set("attrs", MAPPER.valueToTree(e.attrs().toWire()));
        }
        o.put("note", e.note());
    }

    private static String text(ObjectNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a case always serializes", e);
        }
    }

    /**
     * Reads a case. An event without an id gets {@code idOf(case id, seq)}: the registration of a pushed
     * case takes the identity of its journal entry; an event of a node before schema 8 its legacy identity.
     *
     * @throws IllegalArgumentException when it is not a readable case
     */
    static Snapshot read(String json, BiFunction<String, Integer, String> idOf) {
        try {
            JsonNode n = MAPPER.readTree(json);
            String id = text(n, "id");
            List<Petitioner> people = new ArrayList<>();
            for (JsonNode o : n.get("petitioners")) {
                people.add(new Petitioner(text(o, "name"), text(o, "idNumber"), text(o, "phone"), text(o, "address"),
                        org.xinfang.petition.Gender.parse(text(o, "gender"), "gender"), text(o, "workUnit")));
            }
            List<Event> timeline = new ArrayList<>();
            int lastAssigned = -1;
            for (JsonNode o : n.get("timeline")) {
                int seq = o.get("seq").asInt();
                String eventId = o.hasNonNull("id") ? o.get("id").asText() : idOf.apply(id, seq);
                Event e = event(o).recorded(seq, eventId);
                timeline.add(e);
                if (e.type() == EventType.ASSIGNED) {
                    lastAssigned = timeline.size() - 1;
                } else if (e.type() == EventType.OBJECTED) {
                    lastAssigned = -1;
                }
            }
            String registeredBy = text(n, "registeredBy");
            if (lastAssigned >= 0 && !timeline.get(lastAssigned).attrs().has(org.xinfang.petition.Attr.UNIT)) {
                // a case of a node before schema 8: its latest assignment went to the owner it names
                Event a = timeline.get(lastAssigned);
                timeline.set(lastAssigned, new Event(a.seq(), a.id(), a.at(), a.type(), a.actor(), a.unit(), a.node(),
                        LegacyEvents.attributes(EventType.ASSIGNED, a.note(), text(n, "owner")), a.note()));
            }
            Petition derived = derive(new Petition(id, text(n, "trackingCode"), Kind.valueOf(text(n, "kind")),
                    Channel.valueOf(text(n, "channel")), text(n, "subject"), text(n, "content"), text(n, "category"),
                    text(n, "location"), LocalDate.parse(text(n, "receivedAt")), n.get("headcount").asInt(), people,
                    registeredBy, registeredBy, org.xinfang.petition.Status.REGISTERED,
                    Instant.ofEpochMilli(n.get("registeredAt").asLong()), timeline));
            List<Conflict> conflicts = new ArrayList<>();
            if (n.has("conflicts")) {
                for (JsonNode o : n.get("conflicts")) {
                    conflicts.add(new Conflict(text(o, "eventId"), text(o, "caseId"), EventType.valueOf(text(o, "type")),
                            new Person(text(o, "actor"), text(o, "actorName"), text(o, "actorTitle")), text(o, "unit"),
                            Instant.ofEpochMilli(o.get("at").asLong()), text(o, "refusedBy"), text(o, "reason"),
                            Instant.now()));
                }
            }
            return new Snapshot(derived, text(n, "verificationHash"), conflicts);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a readable case: " + e.getMessage(), e);
        }
    }

    /** The case with the status and owner its timeline gives it. */
    static Petition derive(Petition p) {
        CaseState s = CaseState.of(p);
        return s.status() == p.status() && s.owner().equals(p.owner()) ? p
                : new Petition(p.id(), p.trackingCode(), p.kind(), p.channel(), p.subject(), p.content(), p.category(),
                        p.location(), p.receivedAt(), p.headcount(), p.petitioners(), p.registeredBy(), s.owner(),
                        s.status(), p.registeredAt(), p.timeline());
    }

    /**
     * Reads a step.
     *
     * @throws IllegalArgumentException when it is not a readable step
     */
    static Step readStep(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            return new Step(n.get("case").asText(), n.get("basedOn").asInt(), text(n, "basedOnDigest"),
                    event(n.get("event")), null);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a readable step: " + e.getMessage(), e);
        }
    }

    private static NewEvent event(JsonNode o) {
        EventType type = EventType.valueOf(text(o, "type"));
        String note = text(o, "note");
        String actor = text(o, "actor");
        Person person = o.has("actorName") || o.has("attrs") ? new Person(actor, text(o, "actorName"),
                text(o, "actorTitle")) : LegacyEvents.person(actor);
        Attributes attrs;
        if (o.has("attrs")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> wire = MAPPER.convertValue(o.get("attrs"), Map.class);
            attrs = Attributes.fromWire(type, wire);
        } else if (o.has("actorName")) {
            attrs = Attributes.NONE; // a current node's event without facts
        } else {
            attrs = LegacyEvents.attributes(type, note, null);
        }
        return new NewEvent(type, person, text(o, "unit"), text(o, "node"), Instant.ofEpochMilli(o.get("at").asLong()),
                attrs, note);
    }

    /** The attributes of a stored event (the xf_event.attrs column). */
    static Attributes attrs(EventType type, String json) {
        if (json == null || json.isEmpty()) {
            return Attributes.NONE;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> wire = MAPPER.readValue(json, Map.class);
            return Attributes.fromWire(type, wire);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attributes of a " + type + " event cannot be read", e);
        }
    }

    /** The xf_event.attrs column of these attributes, null when there are none. */
    static String attrsColumn(Attributes attrs) {
        if (attrs.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(attrs.toWire());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attributes always serialize", e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
