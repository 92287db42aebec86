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
import org.xinfang.petition.PetitionStore;
import org.xinfang.sync.ConsistencyReport;
import org.xinfang.sync.JournalEntry;
import org.xinfang.sync.Receipt;
import org.xinfang.sync.Message;

/**
 * The wire formats of sync, shared by the pushing child and the receiving parent:
 * a push is {@code {"node", "entries": [JournalEntry...], "heads"?: {origin: seq}}}, its answer {@code {"held",
 * "accepted", "duplicates", "refused", "receipt"}}; a pull answers {@code {"messages": [Message...]}}; the
 * consistency check sends {@code {"node", "cases": [[id, version, digest]...], "below": [reports]}} and
 * gets {@code {"parent", "checkedAt", "differing": [ids]}}.
 */
final class SyncJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SyncJson() {
    }

    static byte[] push(String node, List<JournalEntry> entries) {
        return push(node, entries, null);
    }

    /** A push; {@code heads} (how far each chain held by the sender goes) when due, else left out. */
    static byte[] push(String node, List<JournalEntry> entries, Map<String, Long> heads) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("node", node);
        body.put("entries", entries);
        if (heads != null) {
            body.put("heads", heads);
        }
        return bytes(body);
    }

    /** A push as it arrives; read in one pass, without an intermediate tree. */
    record Push(String node, List<JournalEntry> entries, Map<String, Long> heads) {
    }

    static Push read(byte[] body) throws IOException {
        Push push = MAPPER.readValue(body, Push.class);
        if (push == null || push.entries() == null) {
            throw new IOException("a push is {\"node\": ..., \"entries\": [...]}");
        }
        return push;
    }

    static List<JournalEntry> entries(byte[] body) throws IOException {
        return read(body).entries();
    }

    /** The receipt in a push's answer, or null. */
    static Receipt receipt(String answer) throws IOException {
        JsonNode r = MAPPER.readTree(answer).path("receipt");
        return r.isMissingNode() || r.isNull() ? null : MAPPER.convertValue(r, Receipt.class);
    }

    /** The consistency check's call: every case's id, version and digest, and the reports of nodes below. */
    static byte[] digest(String node, List<PetitionStore.CaseDigest> cases, List<ConsistencyReport> below) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("node", node);
        List<Object[]> list = new java.util.ArrayList<>(cases.size());
        for (PetitionStore.CaseDigest d : cases) {
            list.add(new Object[] {d.id(), d.version(), d.digest()});
        }
        body.put("cases", list);
        body.put("below", below);
        return bytes(body);
    }

    /** The consistency check's call as it arrives. */
    record Digest(String node, List<List<Object>> cases, List<ConsistencyReport> below) {
    }

    static Digest readDigest(byte[] body) throws IOException {
        Digest d = MAPPER.readValue(body, Digest.class);
        if (d == null || d.cases() == null) {
            throw new IOException("a digest is {\"node\": ..., \"cases\": [[id, version, digest], ...]}");
        }
        return d;
    }

    /** This node's report from the parent's answer to its consistency check. */
    static ConsistencyReport consistency(String node, int cases, String answer) throws IOException {
        JsonNode root = MAPPER.readTree(answer);
        List<String> differing = MAPPER.convertValue(root.path("differing"), new TypeReference<List<String>>() { });
        return new ConsistencyReport(node, root.path("parent").asText(""), root.path("checkedAt").asLong(
                System.currentTimeMillis()), cases, differing == null ? List.of() : differing);
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
