package org.xinfang.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The type of a file comes from its first bytes; names are cleaned before they are kept or sent back. */
class FileTypesTest {
    @Test
    void theTypeIsReadFromTheContent() {
        assertEquals(Optional.of(FileTypes.JPEG), FileTypes.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF,
            (byte) 0xE0, 0}));
        assertEquals(Optional.of(FileTypes.PNG), FileTypes.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n',
            0x1A, '\n', 0}));
        assertEquals(Optional.of(FileTypes.PDF), FileTypes.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(FileTypes.detect("<html><script>".getBytes(StandardCharsets.US_ASCII)).isEmpty());
        assertTrue(FileTypes.detect("GIF89a".getBytes(StandardCharsets.US_ASCII)).isEmpty());
        assertTrue(FileTypes.detect(new byte[] {(byte) 0xFF, (byte) 0xD8}).isEmpty(), "too short to be a JPEG");
        assertTrue(FileTypes.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G'}).isEmpty(), "half a PNG signature");
        assertTrue(FileTypes.detect(new byte[0]).isEmpty());
    }

    @Test
    void namesLoseTheirPathsControlCharactersAndQuotes() {
        assertEquals("来信.jpg", FileTypes.safeName("C:\\Users\\李\\来信.jpg"));
        assertEquals("a.pdf", FileTypes.safeName("../../a.pdf"));
        assertEquals("xy.png", FileTypes.safeName("x\"\r\ny.png"));
        assertEquals("附件", FileTypes.safeName("   "));
        assertEquals("附件", FileTypes.safeName(null));
        assertEquals("htaccess", FileTypes.safeName(".htaccess"));
        assertEquals(120, FileTypes.safeName("长".repeat(300)).length());
    }
}
