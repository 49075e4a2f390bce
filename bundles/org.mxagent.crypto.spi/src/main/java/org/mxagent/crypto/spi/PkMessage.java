package org.mxagent.crypto.spi;

import java.util.Objects;

/**
 * A {@code m.megolm_backup.v1.curve25519-aes-sha2} ciphertext: the three fields of a backed-up session's
 * {@code session_data}, all unpadded base64.
 */
public record PkMessage(String ciphertext, String mac, String ephemeralKey) {
    public PkMessage {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(ephemeralKey, "ephemeralKey");
    }
}
