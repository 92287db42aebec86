package org.xinfang.store.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xinfang.petition.Person;
import org.xinfang.petition.ValidationException;
import org.xinfang.screening.ItemKind;
import org.xinfang.screening.ReportState;
import org.xinfang.screening.RiskLevel;
import org.xinfang.screening.ScreeningForm;
import org.xinfang.screening.ScreeningItem;
import org.xinfang.screening.ScreeningReport;

/**
 * A screening report as it is stored, journalled ({@code SCREENING_REPORT} entries up) and sent down
 * ({@code SCREENING_REPORT} messages), and the district's form ({@code SCREENING_FORM} messages). Field names are
 * a wire contract between node versions: add, never rename.
 */
final class ScreeningJson {
    /** The journal entry type of a change to a unit's monthly report, and the message type that takes it down. */
    static final String ENTRY_TYPE = "SCREENING_REPORT";
    /** The message type of the district's form on its way down to the units that file. */
    static final String FORM_MESSAGE = "SCREENING_FORM";

    private ScreeningJson() {
    }

    static String write(ScreeningReport r) {
        ObjectNode n = PetitionJson.MAPPER.createObjectNode();
        n.put("unit", r.unit());
        n.put("month", r.month().toString());
        ArrayNode items = n.putArray("items");
        for (ScreeningItem i : r.items()) {
            ObjectNode o = items.addObject();
            o.put("kind", i.kind().name());
            o.put("summary", i.summary());
            o.put("place", i.place());
            o.put("peopleCount", i.peopleCount());
            o.put("peopleDescription", i.peopleDescription());
            o.put("risk", i.risk().name());
            o.put("measures", i.measures());
            o.put("responsibleName", i.responsibleName());
            o.put("responsibleTitle", i.responsibleTitle());
            o.put("caseId", i.caseId());
        }
        n.put("nothingToReport", r.nothingToReport());
        n.put("state", r.state().name());
        n.put("filedAt", millis(r.filedAt()));
        person(n, "filedBy", r.filedBy());
        n.put("returnedAt", millis(r.returnedAt()));
        person(n, "returnedBy", r.returnedBy());
        n.put("comments", r.comments());
        person(n, "changedBy", r.changedBy());
        n.put("changedAt", r.changedAt().toEpochMilli());
        n.put("version", r.version());
        return n.toString();
    }

    /** @throws IllegalArgumentException when the text is not a valid report */
    static ScreeningReport read(String json) {
        try {
            JsonNode n = PetitionJson.MAPPER.readTree(json);
            List<ScreeningItem> items = new ArrayList<>();
            for (JsonNode o : n.path("items")) {
                items.add(new ScreeningItem(ItemKind.valueOf(text(o, "kind")), text(o, "summary"), text(o, "place"),
                        o.hasNonNull("peopleCount") ? o.get("peopleCount").asInt() : null, text(o, "peopleDescription"),
                        RiskLevel.valueOf(text(o, "risk")), text(o, "measures"), text(o, "responsibleName"),
                        text(o, "responsibleTitle"), text(o, "caseId")));
            }
            return new ScreeningReport(text(n, "unit"), YearMonth.parse(text(n, "month")), items,
                    n.path("nothingToReport").asBoolean(false), ReportState.valueOf(text(n, "state")), instant(n, "filedAt"),
                    person(n.get("filedBy")), instant(n, "returnedAt"), person(n.get("returnedBy")), text(n, "comments"),
                    person(n.get("changedBy")), instant(n, "changedAt"), n.path("version").asInt());
        } catch (JsonProcessingException | DateTimeParseException | ValidationException | NullPointerException e) {
            throw new IllegalArgumentException("not a screening report: " + e.getMessage(), e);
        }
    }

    static String write(ScreeningForm f) {
        ObjectNode n = PetitionJson.MAPPER.createObjectNode();
        n.put("dueDay", f.dueDay());
        ArrayNode levels = n.putArray("riskLevels");
        f.riskLevels().forEach(l -> levels.add(l.name()));
        ArrayNode required = n.putArray("required");
        f.sortedRequired().forEach(required::add);
        n.put("definedBy", f.definedBy());
        return n.toString();
    }

    /** @throws IllegalArgumentException when the text is not a valid form */
    static ScreeningForm readForm(String json) {
        try {
            JsonNode n = PetitionJson.MAPPER.readTree(json);
            List<RiskLevel> levels = new ArrayList<>();
            n.path("riskLevels").forEach(l -> levels.add(RiskLevel.valueOf(l.asText())));
            Set<String> required = new LinkedHashSet<>();
            n.path("required").forEach(r -> required.add(r.asText()));
            return new ScreeningForm(n.path("dueDay").asInt(), levels, required, text(n, "definedBy"));
        } catch (JsonProcessingException | ValidationException | NullPointerException e) {
            throw new IllegalArgumentException("not a screening form: " + e.getMessage(), e);
        }
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
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
