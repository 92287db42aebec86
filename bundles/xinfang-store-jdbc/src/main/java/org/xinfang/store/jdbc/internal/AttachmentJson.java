package org.xinfang.store.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import org.xinfang.attachment.Attachment;
import org.xinfang.petition.Person;

/**
 * The fact of an attachment as it is journalled ({@code ATTACHMENT_ADDED}): its metadata, never its bytes, so
 * that it travels with the case's entries at their size. Field names are a wire contract: add, never rename.
 */
final class AttachmentJson {
    /** The journal entry type of an attachment added to a case. */
    static final String ENTRY_TYPE = "ATTACHMENT_ADDED";

    private AttachmentJson() {
    }

    static String write(Attachment a) {
        ObjectNode n = PetitionJson.MAPPER.createObjectNode();
        n.put("id", a.id());
        n.put("case", a.caseId());
        n.put("fileName", a.fileName());
        n.put("mediaType", a.mediaType());
        n.put("size", a.size());
        n.put("sha256", a.sha256());
        n.put("at", a.addedAt().toEpochMilli());
        n.put("actor", a.addedBy().login());
        n.put("actorName", a.addedBy().name());
        n.put("actorTitle", a.addedBy().title());
        n.put("unit", a.unit());
        n.put("node", a.node());
        return n.toString();
    }

    /** @throws IllegalArgumentException when the text is not a valid attachment fact */
    static Attachment read(String json) {
        try {
            JsonNode n = PetitionJson.MAPPER.readTree(json);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("an attachment is a JSON object");
            }
            return new Attachment(text(n, "id"), text(n, "case"), n.path("fileName").asText(null),
                    text(n, "mediaType"), n.path("size").asLong(0), text(n, "sha256"),
                    Instant.ofEpochMilli(n.path("at").asLong()), new Person(text(n, "actor"),
                            n.path("actorName").isTextual() ? n.path("actorName").asText() : null,
                            n.path("actorTitle").isTextual() ? n.path("actorTitle").asText() : null),
                    text(n, "unit"), text(n, "node"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable attachment: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v.asText();
    }
}
