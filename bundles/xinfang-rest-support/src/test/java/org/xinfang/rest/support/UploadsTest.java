package org.xinfang.rest.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A file comes as the body or as the file part of a form; it is read bounded; its name goes back safely. */
class UploadsTest {
    private static final ApiException TOO_LARGE = new ApiException(413, "too_large", "太大", "file");

    @Test
    void theBodyIsTheFileAndItsNameComesFromTheQueryOrTheHeader() throws Exception {
        byte[] file = {1, 2, 3};
        Uploads.Upload u = Uploads.read(new ByteArrayInputStream(file), "image/png",
                "attachment; filename=\"a.png\"; filename*=UTF-8''%E6%9D%A5%E4%BF%A1.png", null, 10, TOO_LARGE);
        assertArrayEquals(file, u.content());
        assertEquals("来信.png", u.fileName());
        assertEquals("扫描件.png", Uploads.read(new ByteArrayInputStream(file), "image/png", null, "扫描件.png", 10,
                TOO_LARGE).fileName());
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhileItIsRead() {
        assertSame(TOO_LARGE, assertThrows(ApiException.class, () -> Uploads.read(new ByteArrayInputStream(new byte[11]),
                "image/png", null, null, 10, TOO_LARGE)));
    }

    @Test
    void theFilePartOfAFormIsTaken() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n说明\r\n--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"来信.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, '\r', '\n', '-', '-'};
        body.writeBytes(jpeg);
        body.writeBytes("\r\n--XyZ--\r\n".getBytes(StandardCharsets.UTF_8));
        Uploads.Upload u = Uploads.read(new ByteArrayInputStream(body.toByteArray()),
                "multipart/form-data; boundary=XyZ", null, null, 100, TOO_LARGE);
        assertEquals("来信.jpg", u.fileName());
        assertArrayEquals(jpeg, u.content());
        assertSame(TOO_LARGE, assertThrows(ApiException.class, () -> Uploads.read(new ByteArrayInputStream(
                body.toByteArray()), "multipart/form-data; boundary=XyZ", null, null, 5, TOO_LARGE)));
        ApiException none = assertThrows(ApiException.class, () -> Uploads.read(new ByteArrayInputStream(
                "--XyZ--\r\n".getBytes(StandardCharsets.UTF_8)), "multipart/form-data; boundary=XyZ", null, null, 100,
                TOO_LARGE));
        assertEquals("file", none.body().field());
        assertEquals(400, none.status());
    }

    @Test
    void theNameGoesBackAsAnAsciiFallbackAndUtf8() {
        assertEquals("inline; filename=\"__.jpg\"; filename*=UTF-8''%E6%9D%A5%E4%BF%A1.jpg",
                Uploads.disposition("inline", "来信.jpg"));
        assertEquals("inline; filename=\"a_b_c.pdf\"; filename*=UTF-8''a%22b%25c.pdf", Uploads.disposition("inline",
                "a\"b%c.pdf"));
    }
}
