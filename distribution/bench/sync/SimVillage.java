package sync;

import static shared.Json.json;
import static shared.Json.number;
import static shared.Json.str;
import static shared.Signing.sha256hex;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import shared.Node;
import shared.Signing;

/**
 * The load: a simulated village, played the way SyncIT plays a child. Its own SHA-256 hash chain of
 * PETITION_REGISTERED entries continues across the steps; batches of them go to a parent as signed pushes.
 */
final class SimVillage {
    static final String GENESIS = "0".repeat(64);

    final String code;
    final String secret;
    long seq;
    String prev = GENESIS;
    String lastId;

    SimVillage(String code, String secret) {
        this.code = code;
        this.secret = secret;
    }

    /** The next n entries of this village's chain, as JSON, each registering a petition. */
    synchronized List<String> next(int n) throws Exception {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            seq++;
            String id = code + "-B" + seq;
            long at = System.currentTimeMillis();
            String payload = "{" + str("id") + ":" + str(id)
                    + "," + str("trackingCode") + ":" + str("B" + code.substring(6) + seq)
                    + "," + str("verificationHash") + ":" + str(GENESIS)
                    + "," + str("kind") + ":" + str("CLAIM")
                    + "," + str("channel") + ":" + str("LETTER")
                    + "," + str("subject") + ":" + str("基准批次" + seq)
                    + "," + str("content") + ":" + str("内容")
                    + "," + str("category") + ":null"
                    + "," + str("location") + ":null"
                    + "," + str("receivedAt") + ":" + str("2026-11-20")
                    + "," + str("headcount") + ":1"
                    + "," + str("registeredBy") + ":" + str(code)
                    + "," + str("owner") + ":" + str(code)
                    + "," + str("status") + ":" + str("REGISTERED")
                    + "," + str("registeredAt") + ":" + at
                    + "," + str("petitioners") + ":[{" + str("name") + ":" + str("张三") + "," + str("idNumber")
                    + ":null," + str("phone") + ":null," + str("address") + ":null}]"
                    + "," + str("timeline") + ":[{" + str("seq") + ":1," + str("at") + ":" + at + "," + str("type")
                    + ":" + str("REGISTERED") + "," + str("actor") + ":" + str("clerk") + "," + str("unit") + ":"
                    + str(code) + "," + str("node") + ":" + str(code) + "," + str("note") + ":null}]"
                    + "}";
            String hash = sha256hex((prev + "\n" + code + "\n" + seq + "\nPETITION_REGISTERED\n" + id + "\n" + at
                    + "\n" + payload).getBytes(StandardCharsets.UTF_8));
            out.add("{" + str("origin") + ":" + str(code) + "," + str("seq") + ":" + seq + "," + str("type") + ":"
                    + str("PETITION_REGISTERED") + "," + str("entity") + ":" + str(id) + "," + str("atMillis") + ":"
                    + at + "," + str("payload") + ":" + str(payload) + "," + str("prevHash") + ":" + str(prev) + ","
                    + str("hash") + ":" + str(hash) + "," + str("path") + ":[" + str(code) + "]}");
            prev = hash;
            lastId = id;
        }
        return out;
    }

    static byte[] body(String node, List<String> entries) {
        return ("{" + str("node") + ":" + str(node) + "," + str("entries") + ":[" + String.join(",", entries) + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static void push(Node parent, SimVillage v, List<String> entries, int expectAccepted) throws Exception {
        check(parent.send(signedPush(parent, v.code, v.secret, body(v.code, entries))), expectAccepted);
    }

    static void check(HttpResponse<String> r, int expectAccepted) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("push answered " + r.statusCode() + ": " + r.body());
        }
        long accepted = number(json(r.body()).get("accepted"));
        if (accepted != expectAccepted) {
            throw new IllegalStateException("push accepted " + accepted + " of " + expectAccepted + ": " + r.body());
        }
    }

    static HttpRequest signedPush(Node parent, String node, String secret, byte[] body) throws Exception {
        return Signing.request(parent.baseUrl(), "POST", "/api/v1/sync/push", node, secret, body);
    }
}
