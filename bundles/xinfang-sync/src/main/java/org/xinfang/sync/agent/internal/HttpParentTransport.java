package org.xinfang.sync.agent.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.node.NodeService;
import org.xinfang.petition.PetitionStore;
import org.xinfang.sync.ConsistencyReport;
import org.xinfang.sync.JournalEntry;
import org.xinfang.sync.Message;

/**
 * The parent over signed HTTP calls to its {@code /api/v1/sync} (docs/sync.md): the URL is the node's
 * {@code parent.url} (etc/org.xinfang.node.cfg), read at every call; each call is signed with this node's
 * {@code secret} (etc/org.xinfang.sync.cfg), connects within 5 s and is answered within 60 s.
 */
public final class HttpParentTransport implements ParentTransport {
    private static final Logger LOG = LoggerFactory.getLogger(HttpParentTransport.class);

    private final NodeService node;
    private final String secret;
    private volatile HttpClient http;

    public HttpParentTransport(NodeService node, String secret) {
        this.node = node;
        this.secret = secret == null ? "" : secret.strip();
    }

    @Override
    public boolean configured() {
        return node.info().parentUrl() != null && !secret.isEmpty();
    }

    @Override
    public void open() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public void close() {
        http = null;
    }

    @Override
    public PushAnswer push(List<JournalEntry> entries, Map<String, Long> heads)
            throws IOException, InterruptedException {
        byte[] body = SyncJson.push(node.info().nodeId(), entries, heads);
        HttpResponse<String> answer = send("POST", "/api/v1/sync/push", body);
        if (answer.statusCode() == 200) {
            return new PushAnswer(SyncJson.held(answer.body()), SyncJson.receipt(answer.body()));
        }
        if (answer.statusCode() == 409) {
            // a gap names the entry the parent expects next (it lost data, or we did)
            try {
                var root = SyncJson.MAPPER.readTree(answer.body());
                throw new Refused(409, answer.body(), root.path("origin").asText(null),
                        root.path("expected").asLong(0));
            } catch (Refused r) {
                throw r;
            } catch (IOException e) {
                LOG.warn("cannot read the parent's refusal: {}", answer.body());
            }
        }
        throw new Refused(answer.statusCode(), answer.body());
    }

    @Override
    public List<Message> messages(long after, int limit) throws IOException, InterruptedException {
        HttpResponse<String> answer = send("GET", "/api/v1/sync/messages?after=" + after + "&limit=" + limit,
                new byte[0]);
        if (answer.statusCode() != 200) {
            throw new Refused(answer.statusCode(), answer.body());
        }
        return SyncJson.messages(answer.body());
    }

    @Override
    public ConsistencyReport compare(List<PetitionStore.CaseDigest> cases, List<ConsistencyReport> below)
            throws IOException, InterruptedException {
        String self = node.info().nodeId();
        HttpResponse<String> answer = send("POST", "/api/v1/sync/digest", SyncJson.digest(self, cases, below));
        if (answer.statusCode() != 200) {
            throw new Refused(answer.statusCode(), answer.body());
        }
        return SyncJson.consistency(self, cases.size(), answer.body());
    }

    @Override
    public Pieces pieces(String attachmentId) throws IOException, InterruptedException {
        HttpResponse<String> state = send("GET", "/api/v1/sync/attachments/" + attachmentId, new byte[0]);
        if (state.statusCode() == 404) {
            return null;
        }
        if (state.statusCode() != 200) {
            throw new Refused(state.statusCode(), state.body());
        }
        var root = SyncJson.MAPPER.readTree(state.body());
        Set<Integer> held = new HashSet<>();
        root.path("held").forEach(n -> held.add(n.asInt()));
        return new Pieces(root.path("complete").asBoolean(false),
                root.path("pieceSize").isInt() ? root.path("pieceSize").asInt() : null, held);
    }

    @Override
    public String sendPiece(String attachmentId, int index, int pieceSize, byte[] piece)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = send("PUT", "/api/v1/sync/attachments/" + attachmentId + "/pieces/" + index
                + "?pieceSize=" + pieceSize, piece);
        if (answer.statusCode() == 404) {
            return null;
        }
        if (answer.statusCode() != 200) {
            throw new Refused(answer.statusCode(), answer.body());
        }
        return SyncJson.MAPPER.readTree(answer.body()).path("outcome").asText("");
    }

    private HttpResponse<String> send(String method, String pathAndQuery, byte[] body)
            throws IOException, InterruptedException {
        String self = node.info().nodeId();
        long now = System.currentTimeMillis();
        String nonce = Signatures.newNonce();
        String base = node.info().parentUrl().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header(Signatures.NODE, self)
                .header(Signatures.TIMESTAMP, String.valueOf(now))
                .header(Signatures.NONCE, nonce)
                .header(Signatures.SIGNATURE, Signatures.sign(secret, method, URI.create(base + pathAndQuery)
                        .getRawPath() + query(base + pathAndQuery), self, now, nonce, body));
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } else if ("PUT".equals(method)) {
            request.header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.GET();
        }
        HttpClient client = http;
        if (client == null) {
            throw new IOException("sync is stopping");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String query(String url) {
        String raw = URI.create(url).getRawQuery();
        return raw == null ? "" : "?" + raw;
    }
}
