package sync;

import static shared.Json.json;
import static shared.Json.number;
import static shared.Json.str;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import shared.Journal;
import shared.Node;
import shared.Signing;

/**
 * The load: a simulated village, played the way SyncIT plays a child. Its own SHA-256 hash chain of
 * PETITION_REGISTERED entries continues across the steps; batches of them go to a parent as signed pushes.
 */
final class SimVillage {
    final String code;
    final String secret;
    long seq;
    String prev = Journal.GENESIS;
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
            String payload = Journal.registered(id, "B" + code.substring(6) + seq, "基准批次" + seq, "内容",
                    "2026-11-20", code, at);
            String hash = Journal.hash(prev, code, seq, "PETITION_REGISTERED", id, at, payload);
            out.add(Journal.entry(code, seq, "PETITION_REGISTERED", id, at, payload, prev, hash, str(code)));
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
