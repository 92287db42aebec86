package org.xinfang.rest.login;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class Pbkdf2EncryptionTest {
    private final Pbkdf2Encryption encryption = new Pbkdf2Encryption(10_000);

    @Test
    void aPasswordIsStoredSaltedWithItsCostAndChecked() {
        String a = encryption.encryptPassword("Clerk-pw-1");
        String b = encryption.encryptPassword("Clerk-pw-1");
        assertTrue(a.startsWith("pbkdf2-sha256$10000$"), a);
        assertNotEquals(a, b, "each password its own salt");
        assertFalse(a.contains("Clerk-pw-1"));
        assertFalse(a.contains(","), "a comma would split the users.properties entry");
        assertTrue(encryption.checkPassword("Clerk-pw-1", a));
        assertTrue(new Pbkdf2Encryption(20_000).checkPassword("Clerk-pw-1", a), "the stored cost is used");
        assertFalse(encryption.checkPassword("Clerk-pw-2", a));
        assertFalse(encryption.checkPassword("Clerk-pw-1", "pbkdf2-sha256$x$y$z"));
        assertFalse(encryption.checkPassword("Clerk-pw-1", "Clerk-pw-1"), "a plain value is no hash");
    }

    @Test
    void digestsOfTheEarlierVersionStillWork() {
        String legacy = Pbkdf2Encryption.legacy("Admin-pw-1");
        assertTrue(encryption.checkPassword("Admin-pw-1", legacy));
        assertTrue(encryption.checkPassword("Admin-pw-1", legacy.toUpperCase()));
        assertFalse(encryption.checkPassword("Admin-pw-2", legacy));
    }

    @Test
    void theServiceTakesKarafsOptions() {
        Pbkdf2EncryptionService service = new Pbkdf2EncryptionService();
        assertTrue(service.createEncryption(Map.of("algorithm", "PBKDF2WithHmacSHA256", "encoding", "base64"))
                .encryptPassword("x").startsWith("pbkdf2-sha256$" + Pbkdf2Encryption.DEFAULT_ITERATIONS + "$"));
        assertNull(service.createEncryption(Map.of("algorithm", "MD5")), "another algorithm is another service's");
        assertThrows(IllegalArgumentException.class, () -> service.createEncryption(Map.of("iterations", "10")));
    }
}
