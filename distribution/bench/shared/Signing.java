package shared;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A child's signed calls to its parent, as the sync agent makes them (docs/sync.md): X-Xinfang-Signature = base64
 * HMAC-SHA256(secret, METHOD \n path?query \n node \n timestamp \n nonce \n sha256(body)).
 */
public final class Signing {
    private Signing() {
    }

    /** A new random secret for a child: 32 bytes, hex. */
    public static String secret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public static String sha256hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A call of {@code node} to {@code baseUrl}, signed with its secret: a POST carries a JSON body, a GET none. */
    public static HttpRequest request(String baseUrl, String method, String pathAndQuery, String node, String secret,
            byte[] body) throws Exception {
        long now = System.currentTimeMillis();
        byte[] n = new byte[16];
        ThreadLocalRandom.current().nextBytes(n);
        String nonce = HexFormat.of().formatHex(n);
        String text = method + "\n" + pathAndQuery + "\n" + node + "\n" + now + "\n" + nonce + "\n" + sha256hex(body);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).header("X-Xinfang-Node", node)
                .header("X-Xinfang-Timestamp", String.valueOf(now)).header("X-Xinfang-Nonce", nonce)
                .header("X-Xinfang-Signature", signature);
        if (method.equals("POST")) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.GET();
        }
        return b.build();
    }
}
