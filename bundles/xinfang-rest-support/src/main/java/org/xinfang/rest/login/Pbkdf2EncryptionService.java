package org.xinfang.rest.login;

import java.util.Map;
import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.EncryptionService;

/**
 * Karaf's encryption service named {@code pbkdf2} (etc/org.apache.karaf.jaas.cfg {@code encryption.name}):
 * Karaf's password module and {@code jaas:} commands find it by that name.
 */
public final class Pbkdf2EncryptionService implements EncryptionService {
    @Override
    public Encryption createEncryption(Map<String, String> params) {
        String algorithm = params.get(ALGORITHM);
        if (algorithm != null && !algorithm.isBlank() && !algorithm.equalsIgnoreCase("PBKDF2WithHmacSHA256")) {
            return null;
        }
        String n = params.get("iterations");
        return new Pbkdf2Encryption(n == null || n.isBlank() ? Pbkdf2Encryption.DEFAULT_ITERATIONS
                : Integer.parseInt(n.strip()));
    }
}
