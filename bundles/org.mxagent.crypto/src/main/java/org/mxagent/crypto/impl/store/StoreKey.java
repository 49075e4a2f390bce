package org.mxagent.crypto.impl.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.mxagent.runtime.api.PrivateFiles;

/**
 * The key every pickle in the crypto store is encrypted with: 32 random bytes, base64 in
 * {@code <dataDir>/crypto-store-key} (0600), created on first use. Losing it makes the store unreadable;
 * a copy of the store without it reveals no key material.
 */
public final class StoreKey {
    public static final String FILE_NAME = "crypto-store-key";
    private static final int LENGTH = 32;

    private StoreKey() {}

    /** Reads the key, creating it first if there is none; refuses a key file others can read. */
    public static byte[] loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            byte[] key = new byte[LENGTH];
            new SecureRandom().nextBytes(key);
            PrivateFiles.writeAtomically(file, (Base64.getEncoder().encodeToString(key) + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return key;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
            throw new IOException(file + " is readable by others (" + permissions + "): chmod 600 it");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " does not hold a base64 key", e);
        }
        if (key.length != LENGTH) {
            throw new IOException(file + " holds " + key.length + " bytes, expected " + LENGTH);
        }
        return key;
    }
}
