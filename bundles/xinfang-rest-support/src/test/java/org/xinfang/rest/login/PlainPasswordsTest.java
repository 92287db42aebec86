package org.xinfang.rest.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain passwords in users.properties become salted hashes that check; hashed lines, groups and comments stay. */
class PlainPasswordsTest {
    @TempDir
    Path dir;

    @Test
    void plainPasswordsAreHashedAndEverythingElseIsKept() throws Exception {
        Path file = dir.resolve("users.properties");
        String hashedAlready = "{CRYPT}pbkdf2-sha256$1000$c2FsdA$a2V5{CRYPT}";
        Files.write(file, List.of("# accounts", "admin = S3cret-pw,_g_\\:admingroup", "_g_\\:admingroup = group,admin,ssh",
                "head = " + hashedAlready + ",head,handler", "", "clerk=Another-pw,clerk"), StandardCharsets.ISO_8859_1);
        Pbkdf2Encryption enc = new Pbkdf2Encryption(1000);
        assertEquals(2, PlainPasswords.sweep(file, enc));
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        assertEquals("# accounts", lines.get(0));
        assertTrue(lines.get(1).startsWith("admin = {CRYPT}pbkdf2-sha256$1000$") && lines.get(1).endsWith("{CRYPT},_g_\\:admingroup"),
                lines.get(1));
        String stored = lines.get(1).substring(lines.get(1).indexOf("{CRYPT}") + 7, lines.get(1).lastIndexOf("{CRYPT}"));
        assertTrue(enc.checkPassword("S3cret-pw", stored), "the hash checks the password it replaced");
        assertEquals("_g_\\:admingroup = group,admin,ssh", lines.get(2));
        assertEquals("head = " + hashedAlready + ",head,handler", lines.get(3));
        assertTrue(lines.get(5).startsWith("clerk = {CRYPT}") && lines.get(5).endsWith("{CRYPT},clerk"), lines.get(5));
        assertEquals(0, PlainPasswords.sweep(file, enc), "nothing left to hash: the file is not written again");
    }
}
