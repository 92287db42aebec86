package org.xinfang.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Attachments on the real distributions (docs/attachments.md): a district and a township whose link to it runs
 * through a proxy in this test. The township's clerk attaches a scanned letter (the type read from the content,
 * the file served back with safe headers); its fact reaches the district with the case, and its bytes follow in
 * pieces of 4 KiB. The proxy cuts the link in the middle of the fourth piece and refuses every connection until
 * it is restored; the district then holds three pieces, and after the restore it receives only the seven that
 * were missing, verifies the whole and serves the same bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttachmentIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PW = "Attachment-test-admin-pw-1";
    private static final String TOWNSHIP = "510199101";
    private static final String CLERK = "aclerk";
    private static final String CLERK_PW = "Attachment-test-clerk-pw-1";
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final int PIECE = 4096;
    /** Ten pieces, the last one shorter. */
    private static final int SIZE = 9 * PIECE + 3000;

    private TierNode district;
    private TierNode township;
    private CuttingProxy proxy;
    private String caseId;
    private String attachmentId;
    private final byte[] scan = png(SIZE);

    @BeforeAll
    void boot() throws Exception {
        String townshipSecret = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        district = TierNode.unpack("district", "at-district");
        district.start(PW);
        township = TierNode.unpack("township", "at-township").childOf(district, townshipSecret)
                .user(CLERK, CLERK_PW, "clerk").person(CLERK, "李娜", "清河镇信访办登记员");
        proxy = new CuttingProxy(district);
        // the township reaches the district only through the proxy, and cuts files in small pieces
        TierNode.rewrite(township.home.resolve("etc/org.xinfang.node.cfg"), "parent.url", proxy.url());
        TierNode.rewrite(township.home.resolve("etc/org.xinfang.sync.cfg"), "attachment.piece.bytes", String.valueOf(PIECE));
        TierNode.rewrite(township.home.resolve("etc/org.xinfang.sync.cfg"), "attachment.pieces.per.round", "3");
        township.start(PW);
        district.awaitReady();
        assertEquals(200, district.registerChild(TOWNSHIP, townshipSecret).statusCode());
        township.awaitReady();
    }

    @AfterAll
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        for (TierNode node : new TierNode[] {township, district}) {
            if (node != null) {
                node.close();
            }
        }
    }

    /** A PNG by its signature, with random bytes after it (the store reads the type from the first bytes). */
    static byte[] png(int size) {
        byte[] b = new byte[size];
        new Random(14).nextBytes(b);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, b, 0, 8);
        return b;
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        TierNode.await(what, PATIENCE, condition);
    }

    private HttpResponse<String> upload(String type, byte[] body, String name) throws Exception {
        return township.send(HttpRequest.newBuilder(URI.create(township.baseUrl() + "/api/v1/petitions/" + caseId
                + "/attachments?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30))
                .header("Authorization", TierNode.basic(CLERK, CLERK_PW)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** The district's view of the attachment, or null while it has no fact of it. */
    private JsonNode atDistrict() throws Exception {
        HttpResponse<String> list = district.get("/api/v1/petitions/" + caseId + "/attachments");
        if (list.statusCode() != 200) {
            return null;
        }
        for (JsonNode a : json(list).path("items")) {
            if (a.path("id").asText().equals(attachmentId)) {
                return a;
            }
        }
        return null;
    }

    @Test
    @Order(1)
    void theClerkAttachesTheScannedLetterAndOnlyTheContentDecidesItsType() throws Exception {
        String letter = TierDistributionsIT.petition("来信反映拖欠工资").replace("WALK_IN", "LETTER");
        HttpResponse<String> registered = township.postJsonAs(CLERK, CLERK_PW, "/api/v1/petitions", letter);
        assertEquals(201, registered.statusCode(), registered.body());
        caseId = json(registered).get("id").asText();

        HttpResponse<String> html = upload("image/png", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
                "scan.png");
        assertEquals(400, html.statusCode(), html.body());
        assertEquals("file", json(html).get("field").asText());
        assertTrue(json(html).get("message").asText().startsWith("只接受"), "Chinese first: " + html.body());
        assertEquals(401, township.send(HttpRequest.newBuilder(URI.create(township.baseUrl() + "/api/v1/petitions/"
                + caseId + "/attachments")).POST(HttpRequest.BodyPublishers.ofByteArray(scan)).build()).statusCode());

        proxy.cutAtPiece(4); // the fourth piece that goes up will not arrive whole
        HttpResponse<String> added = upload("application/octet-stream", scan, "来信扫描件.jpg");
        assertEquals(201, added.statusCode(), added.body());
        JsonNode a = json(added);
        attachmentId = a.get("id").asText();
        assertEquals("image/png", a.get("mediaType").asText(), "from the content, not the name or the header");
        assertEquals("来信扫描件.jpg", a.get("fileName").asText());
        assertEquals(SIZE, a.get("size").asInt());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scan)), a.get("sha256").asText());
        assertEquals("李娜 · 清河镇信访办登记员", a.get("addedByName").asText());
        assertTrue(a.get("complete").asBoolean());

        HttpResponse<byte[]> file = township.send(HttpRequest.newBuilder(URI.create(township.baseUrl() + a.get("href")
                .asText())).header("Authorization", TierNode.basic(CLERK, CLERK_PW)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertArrayEquals(scan, file.body());
        assertEquals("image/png", file.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-store", file.headers().firstValue("Cache-Control").orElse(""));
        String disposition = file.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("inline; filename=\"") && disposition.contains("filename*=UTF-8''"
                + URLEncoder.encode("来信扫描件", StandardCharsets.UTF_8)), disposition);
    }

    @Test
    @Order(2)
    void theLinkIsCutInTheMiddleOfTheFileAndTheDistrictHoldsWhatArrivedWhole() throws Exception {
        assertTrue(proxy.cut.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the proxy saw the fourth piece");
        JsonNode a = atDistrict();
        assertFalse(a == null, "the fact arrived before the bytes");
        assertFalse(a.get("complete").asBoolean(), a.toString());
        assertEquals(3, a.get("piecesHeld").asInt(), "three pieces whole, the fourth cut: " + a);
        assertEquals(3, a.get("piecesReceived").asInt(), a.toString());
        assertEquals(PIECE, a.get("pieceSize").asInt());
        assertEquals(404, district.get(a.get("href").asText()).statusCode(), "not served before it is whole");
        Thread.sleep(3000); // the link stays down for a while: the township keeps trying and fails
        assertEquals(3, atDistrict().get("piecesReceived").asInt());
        assertTrue(proxy.refused.get() > 0, "the township tried again while the link was down");
    }

    @Test
    @Order(3)
    void afterTheRestoreOnlyTheMissingPiecesTravelAndTheWholeIsVerified() throws Exception {
        proxy.restore();
        await("the attachment whole at the district", () -> {
            JsonNode a = atDistrict();
            return a != null && a.get("complete").asBoolean();
        });
        JsonNode a = atDistrict();
        assertEquals(10, a.get("piecesReceived").asInt(), "each of the ten pieces arrived once: " + a);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scan)), a.get("sha256").asText());
        assertEquals("清河镇", a.get("unitName").asText());
        HttpResponse<byte[]> file = district.send(HttpRequest.newBuilder(URI.create(district.baseUrl() + a.get("href")
                .asText())).header("Authorization", TierNode.basic("admin", PW)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertArrayEquals(scan, file.body());
    }

    @Test
    @Order(4)
    void aFileMayAlsoComeAsTheFilePartOfAForm() throws Exception {
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
        form.writeBytes(("--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"现场照片说明.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.writeBytes(pdf);
        form.writeBytes("\r\n--b0undary--\r\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> added = township.send(HttpRequest.newBuilder(URI.create(township.baseUrl()
                + "/api/v1/petitions/" + caseId + "/attachments")).timeout(Duration.ofSeconds(30))
                .header("Authorization", TierNode.basic(CLERK, CLERK_PW))
                .header("Content-Type", "multipart/form-data; boundary=b0undary")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())).build());
        assertEquals(201, added.statusCode(), added.body());
        assertEquals("application/pdf", json(added).get("mediaType").asText());
        assertEquals("现场照片说明.pdf", json(added).get("fileName").asText());
        assertEquals(pdf.length, json(added).get("size").asInt());
        String second = json(added).get("id").asText();
        await("the form's file whole at the district", () -> {
            for (JsonNode a : json(district.get("/api/v1/petitions/" + caseId + "/attachments")).path("items")) {
                if (a.path("id").asText().equals(second) && a.path("complete").asBoolean()) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * A TCP proxy standing for the township's link to the district. Armed, it forwards the start of the
     * {@code n}-th piece upload and then cuts every connection in the middle of that piece's body, and refuses
     * every new connection until {@link #restore}.
     */
    static final class CuttingProxy implements AutoCloseable {
        private static final byte[] MARK = "PUT /api/v1/sync/attachments/".getBytes(StandardCharsets.ISO_8859_1);
        /** Bytes forwarded from the start of the piece's request: past its headers, inside its 4 KiB body. */
        private static final int INTO_THE_PIECE = 2000;

        private final ServerSocket server;
        private final int target;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private final AtomicInteger piecesSeen = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final CountDownLatch cut = new CountDownLatch(1);
        private volatile int cutAt = Integer.MAX_VALUE;
        private volatile boolean down;

        CuttingProxy(TierNode to) throws IOException {
            this.target = Integer.parseInt(to.baseUrl().substring(to.baseUrl().lastIndexOf(':') + 1));
            this.server = new ServerSocket(TierNode.freePort(), 50, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(this::accept, "cutting-proxy");
            accept.setDaemon(true);
            accept.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        void cutAtPiece(int n) {
            cutAt = n;
        }

        void restore() {
            down = false;
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    if (down) {
                        refused.incrementAndGet();
                        client.close();
                        continue;
                    }
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    open.add(client);
                    open.add(upstream);
                    start(() -> pump(client, upstream, true));
                    start(() -> pump(upstream, client, false));
                } catch (IOException e) {
                    // closed, or the district not there: the township sees a refused link
                }
            }
        }

        private static void start(Runnable r) {
            Thread t = new Thread(r, "cutting-proxy-pump");
            t.setDaemon(true);
            t.start();
        }

        private void pump(Socket from, Socket to, boolean upward) {
            byte[] buf = new byte[8192];
            byte[] tail = new byte[0]; // the end of the previous chunk, so a mark split across two is found
            boolean pending = false; // the cut is due on this connection, after `budget` more bytes
            long budget = 0;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (down) {
                        break;
                    }
                    if (upward && !pending) {
                        byte[] seen = new byte[tail.length + n];
                        System.arraycopy(tail, 0, seen, 0, tail.length);
                        System.arraycopy(buf, 0, seen, tail.length, n);
                        long cutIndex = -1; // where in `seen` the link goes down
                        for (int at = indexOf(seen, 0); at >= 0 && cutIndex < 0; at = indexOf(seen, at + 1)) {
                            if (piecesSeen.incrementAndGet() == cutAt) {
                                cutIndex = at + INTO_THE_PIECE;
                            }
                        }
                        int before = tail.length;
                        tail = java.util.Arrays.copyOfRange(seen, Math.max(0, seen.length - MARK.length + 1), seen.length);
                        if (cutIndex >= 0) {
                            // the piece's request may have come whole in this one read: forward only its start
                            long fromThis = cutIndex - before;
                            if (fromThis <= n) {
                                out.write(buf, 0, (int) Math.max(0, fromThis));
                                out.flush();
                                cutAll();
                                return;
                            }
                            pending = true;
                            budget = fromThis - n;
                        }
                        out.write(buf, 0, n);
                        out.flush();
                        continue;
                    }
                    if (pending) {
                        if (n >= budget) {
                            out.write(buf, 0, (int) budget);
                            out.flush();
                            cutAll();
                            return;
                        }
                        budget -= n;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side went away
            } finally {
                close(from);
                close(to);
            }
        }

        private static int indexOf(byte[] hay, int from) {
            outer:
            for (int i = from; i <= hay.length - MARK.length; i++) {
                for (int j = 0; j < MARK.length; j++) {
                    if (hay[i + j] != MARK[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        /** The link goes down: every connection through it is cut, new ones are refused. */
        private void cutAll() {
            down = true;
            for (Socket s : open) {
                close(s);
            }
            cut.countDown();
        }

        private void close(Socket s) {
            open.remove(s);
            try {
                s.close();
            } catch (IOException e) {
                // closed already
            }
        }

        @Override
        public void close() throws IOException {
            down = true;
            server.close();
            for (Socket s : open) {
                close(s);
            }
        }
    }
}
