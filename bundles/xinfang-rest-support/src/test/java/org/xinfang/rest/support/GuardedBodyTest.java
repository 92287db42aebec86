package org.xinfang.rest.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuardedBodyTest {
    private static byte[] read(byte[] body, long limit) throws IOException {
        try (GuardedBody in = new GuardedBody(new ByteArrayInputStream(body), limit)) {
            return in.readAllBytes();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static RefusedInput refused(byte[] body) {
        return assertThrows(RefusedInput.class, () -> read(body, 1 << 20));
    }

    @Test
    void aGoodBodyPassesUnchangedAndParses() throws IOException {
        byte[] body = utf8("{\"content\": \"拖欠工资 \\\"三个月\\\" \\ud83d\\ude00 😀 \\\\ud800\", \"n\": [[1], {\"a\": {}}]}");
        assertArrayEquals(body, read(body, body.length));
        assertEquals("拖欠工资 \"三个月\" 😀 😀 \\ud800", new ObjectMapper().readTree(new GuardedBody(
                new ByteArrayInputStream(body), body.length)).get("content").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"c0af", "e080af", "eda080", "edbfbf", "f4908080", "f880808080", "80", "ff", "e4b8"})
    void invalidUtf8IsRefusedNamingTheBody(String hex) {
        byte[] bad = HexFormat.of().parseHex(hex);
        byte[] body = new byte[bad.length + 14];
        System.arraycopy(utf8("{\"content\": \""), 0, body, 0, 13);
        System.arraycopy(bad, 0, body, 13, bad.length);
        body[body.length - 1] = '"';
        if (hex.equals("e4b8")) {
            body = java.util.Arrays.copyOf(body, 13 + 2); // cut inside a character at the end
        }
        RefusedInput e = refused(body);
        assertEquals(400, e.status());
        assertEquals("invalid_encoding", e.error().error());
        assertEquals("body", e.error().field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "\\udc00", "\\ud800x", "\\ud800\\n", "\\ud800\\u0041", "\\ud800\\ud800"})
    void anUnpairedSurrogateEscapeIsRefused(String escape) {
        assertEquals("invalid_encoding", refused(utf8("{\"content\": \"" + escape + "\"}")).error().error());
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedBracketsInStringsAreNot() throws IOException {
        read(utf8("[".repeat(GuardedBody.MAX_DEPTH) + "]".repeat(GuardedBody.MAX_DEPTH)), 1 << 20);
        read(utf8("{\"a\": \"" + "[{".repeat(3000) + "\"}"), 1 << 20);
        RefusedInput e = refused(utf8("[".repeat(3000)));
        assertEquals("too_deep", e.error().error());
        assertEquals(400, e.status());
    }

    @Test
    void plainTextIsOnlyBoundedAndStrictUtf8() throws IOException {
        byte[] csv = utf8("2026-10-01,HOLIDAY,国庆节[" + "[".repeat(100) + "\\ud800\n");
        try (GuardedBody in = new GuardedBody(new ByteArrayInputStream(csv), 1 << 20, false)) {
            assertArrayEquals(csv, in.readAllBytes());
        }
        assertThrows(RefusedInput.class, () -> new GuardedBody(new ByteArrayInputStream(new byte[] {(byte) 0xC0,
            (byte) 0xAF}), 1 << 20, false).readAllBytes());
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        RefusedInput e = assertThrows(RefusedInput.class, () -> read(new byte[2049], 2048));
        assertEquals(413, e.status());
        assertEquals("payload_too_large", e.error().error());
    }

    @Test
    void theMessageNeverRepeatsTheInput() {
        RefusedInput e = refused(utf8("{\"secret-looking-input\": \"\\udc00\"}"));
        assertEquals(-1, e.getMessage().indexOf("secret-looking-input"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%C0%AF", "%ED%A0%80", "%E4%B8", "%zz", "%", "a%00b", "%7F", "%C2%85"})
    void badQueryAndPathTextIsRefusedNamingTheField(String raw) {
        RefusedInput e = assertThrows(RefusedInput.class, () -> ApiGuard.text(raw, "from", true));
        assertEquals(400, e.status());
        assertEquals("from", e.error().field());
    }

    @Test
    void goodQueryTextIsDecoded() throws RefusedInput {
        assertEquals("拖欠 工资/", ApiGuard.text("%E6%8B%96%E6%AC%A0+%E5%B7%A5%E8%B5%84%2F", "q", true));
        assertEquals("2026-11-01", ApiGuard.text("2026-11-01", "from", true));
    }
}
