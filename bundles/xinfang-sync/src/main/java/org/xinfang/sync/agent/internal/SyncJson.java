package org.xinfang.sync.agent.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xinfang.sync.JournalEntry;
import org.xinfang.sync.Message;

/**
 * The wire formats of sync, shared by the pushing child and the receiving parent:
 * a push is {@code {"node", "entries": [JournalEntry...]}}, its answer {@code {"held", "accepted",
 * "duplicates"}}; a pull answers {@code {"messages": [Message...]}}.
 */
final class SyncJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SyncJson() {
    }

    static byte[] push(String node, List<JournalEntry> entries) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("node", node);
        body.put("entries", entries);
        return bytes(body);
    }

    /** A push as it arrives; read in one pass, without an intermediate tree. */
    record Push(String node, List<JournalEntry> entries) {
    }

    static List<JournalEntry> entries(byte[] body) throws IOException {
        Push push = MAPPER.readValue(body, Push.class);
        if (push == null || push.entries() == null) {
            throw new IOException("a push is {\"node\": ..., \"entries\": [...]}");
        }
        return push.entries();
    }

    static Map<String, Long> held(String answer) throws IOException {
        JsonNode root = MAPPER.readTree(answer);
        return MAPPER.convertValue(root.path("held"), new TypeReference<Map<String, Long>>() { });
    }

    static List<Message> messages(String answer) throws IOException {
        JsonNode root = MAPPER.readTree(answer);
        return MAPPER.convertValue(root.path("messages"), new TypeReference<List<Message>>() { });
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sync values always serialize", e);
        }
    }
}
