package org.xinfang.open311.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicIdsTest {
    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    @Test
    void anIdComesBackAsItsCaseAndSaysNothingOfIt() {
        PublicIds ids = new PublicIds(key(1));
        String a = ids.of("510199101-000007");
        String b = ids.of("510199101-000008");
        assertEquals(a, ids.of("510199101-000007"), "the same case keeps its id");
        assertEquals(Optional.of("510199101-000007"), ids.caseId(a));
        assertEquals(Optional.of("510199101-000008"), ids.caseId(b));
        assertFalse(a.contains("510199101") || a.contains("000007"), a);
        // neighbouring cases share no prefix that would show their unit or order
        assertNotEquals(a.substring(0, 8), b.substring(0, 8));
        assertTrue(a.matches("[A-Za-z0-9_-]+"), "safe in a URL path: " + a);
    }

    @Test
    void idsNotMadeWithThisKeyOrAlteredOrMalformedAreRefused() {
        PublicIds ids = new PublicIds(key(1));
        String other = new PublicIds(key(2)).of("510199101-000007");
        assertEquals(Optional.empty(), ids.caseId(other));
        String mine = ids.of("510199101-000007");
        char last = mine.charAt(mine.length() - 1);
        String altered = mine.substring(0, mine.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertEquals(Optional.empty(), ids.caseId(altered));
        for (String junk : new String[] {"", "1", "510199101-000007", "../../etc/passwd", "%%%", "A".repeat(500)}) {
            assertEquals(Optional.empty(), ids.caseId(junk), junk);
        }
    }

    @Test
    void theKeyIsMadeOnceOwnerOnlyAndKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("xinfang/open311.key");
        String first = new PublicIds(file.toString()).of("510199101-000007");
        assertEquals(32, Files.size(file));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
        assertEquals(first, new PublicIds(file.toString()).of("510199101-000007"), "ids survive a restart");
    }
}
