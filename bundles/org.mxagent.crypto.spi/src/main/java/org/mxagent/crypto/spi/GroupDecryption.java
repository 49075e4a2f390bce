package org.mxagent.crypto.spi;

import java.util.Objects;

/**
 * A decrypted Megolm message and the index it was sent at.
 *
 * <p>Replay protection is the crypto machine's job, not the provider's: decrypting the same ciphertext
 * twice succeeds twice with the same index. The machine records {@code (session id, message index) -> event
 * id} and rejects a second, different event claiming an index already seen.
 *
 * @param plaintext the decrypted payload (owned by the caller, not copied)
 * @param messageIndex the Megolm message index, 0 to 2^32-1
 */
public record GroupDecryption(byte[] plaintext, long messageIndex) {
    public GroupDecryption {
        Objects.requireNonNull(plaintext, "plaintext");
        if (messageIndex < 0 || messageIndex > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("message index out of uint32 range: " + messageIndex);
        }
    }
}
