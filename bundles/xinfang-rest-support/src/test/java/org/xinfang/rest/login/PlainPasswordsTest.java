package org.xinfang.rest.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void linesAppendedWhileTheSweepHashesAreKept() throws Exception {
        Path file = dir.resolve("users.properties");
        Files.write(file, List.of("admin = S3cret-pw,admin", "clerk = Clerk-pw-1,clerk"), StandardCharsets.ISO_8859_1);
        Pbkdf2Encryption enc = new Pbkdf2Encryption(1000);
        // an operator appends an account while the sweep hashes the first two (PBKDF2 takes a while)
        int hashed = PlainPasswords.sweep(file, enc, () -> {
            try {
                Files.writeString(file, "handler = Handler-pw-1,handler\n", StandardCharsets.ISO_8859_1,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(2, hashed);
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        assertEquals(3, lines.size(), "the appended account is still there: " + lines);
        assertTrue(lines.get(0).startsWith("admin = {CRYPT}") && lines.get(1).startsWith("clerk = {CRYPT}"), lines.toString());
        assertEquals("handler = Handler-pw-1,handler", lines.get(2), "hashed at the next sweep, not lost");
        assertEquals(1, PlainPasswords.sweep(file, enc));
    }

    @Test
    void aLoginHashesItsOwnPlainPasswordAtOnceAndNoOtherFileIsTouched() throws Exception {
        Path file = dir.resolve("users.properties");
        Files.write(file, List.of("admin = {CRYPT}pbkdf2-sha256$1000$c2FsdA$a2V5{CRYPT},admin",
                "newclerk = New-clerk-pw-1,clerk"), StandardCharsets.ISO_8859_1);
        assertFalse(PlainPasswords.hashUser(file, "admin"), "hashed already: nothing to do");
        assertFalse(PlainPasswords.hashUser(file, "nobody"));
        assertTrue(PlainPasswords.hashUser(file, "newclerk"));
        String line = Files.readAllLines(file, StandardCharsets.ISO_8859_1).get(1);
        String stored = line.substring(line.indexOf("{CRYPT}") + 7, line.lastIndexOf("{CRYPT}"));
        assertTrue(new Pbkdf2Encryption(1000).checkPassword("New-clerk-pw-1", stored), line);
        assertFalse(PlainPasswords.hashUser(file, "newclerk"), "once");
        assertFalse(PlainPasswords.hashUser(dir.resolve("missing.properties"), "newclerk"));
    }
}
