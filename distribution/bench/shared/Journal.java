package shared;

import static shared.Json.str;
import static shared.Signing.sha256hex;

import java.nio.charset.StandardCharsets;

/**
 * A simulated child's journal entries as its sync agent pushes them (docs/sync.md): each node's own SHA-256 hash
 * chain, and the PETITION_REGISTERED payload of a case its clerk registers.
 */
public final class Journal {
    /** The prevHash of a chain's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private Journal() {
    }

    /** An entry's hash: SHA-256 over prevHash, origin, seq, type, entity, atMillis and payload, one a line. */
    public static String hash(String prev, String origin, long seq, String type, String entity, long at,
            String payload) {
        return sha256hex((prev + "\n" + origin + "\n" + seq + "\n" + type + "\n" + entity + "\n" + at + "\n" + payload)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** An entry as a push carries it; {@code path} is the nodes it passed, JSON strings separated by commas. */
    public static String entry(String origin, long seq, String type, String entity, long at, String payload,
            String prevHash, String hash, String path) {
        return "{" + str("origin") + ":" + str(origin) + "," + str("seq") + ":" + seq + "," + str("type") + ":"
                + str(type) + "," + str("entity") + ":" + str(entity) + "," + str("atMillis") + ":" + at + ","
                + str("payload") + ":" + str(payload) + "," + str("prevHash") + ":" + str(prevHash) + ","
                + str("hash") + ":" + str(hash) + "," + str("path") + ":[" + path + "]}";
    }

    /**
     * The payload of a PETITION_REGISTERED entry: a claim by letter from one petitioner (张三), registered at
     * {@code unit} by its clerk at {@code at} and owned there, its timeline the one REGISTERED event.
     */
    public static String registered(String id, String trackingCode, String subject, String content,
            String receivedAt, String unit, long at) {
        return "{" + str("id") + ":" + str(id)
                + "," + str("trackingCode") + ":" + str(trackingCode)
                + "," + str("verificationHash") + ":" + str(GENESIS)
                + "," + str("kind") + ":" + str("CLAIM")
                + "," + str("channel") + ":" + str("LETTER")
                + "," + str("subject") + ":" + str(subject)
                + "," + str("content") + ":" + str(content)
                + "," + str("category") + ":null"
                + "," + str("location") + ":null"
                + "," + str("receivedAt") + ":" + str(receivedAt)
                + "," + str("headcount") + ":1"
                + "," + str("registeredBy") + ":" + str(unit)
                + "," + str("owner") + ":" + str(unit)
                + "," + str("status") + ":" + str("REGISTERED")
                + "," + str("registeredAt") + ":" + at
                + "," + str("petitioners") + ":[{" + str("name") + ":" + str("张三") + "," + str("idNumber")
                + ":null," + str("phone") + ":null," + str("address") + ":null}]"
                + "," + str("timeline") + ":[{" + str("seq") + ":1," + str("at") + ":" + at + "," + str("type")
                + ":" + str("REGISTERED") + "," + str("actor") + ":" + str("clerk") + "," + str("unit") + ":"
                + str(unit) + "," + str("node") + ":" + str(unit) + "," + str("note") + ":null}]"
                + "}";
    }
}
