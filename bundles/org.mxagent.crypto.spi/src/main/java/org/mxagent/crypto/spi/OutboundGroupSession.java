package org.mxagent.crypto.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** The sending side of one Megolm session (one per room and rotation period). */
@ConsumerType
public interface OutboundGroupSession extends CryptoHandle {
    /** The session id, shared with every receiver. */
    String sessionId();

    /**
     * The signed session key at the current index, to share in {@code m.room_key}; receivers can decrypt
     * from {@link #messageIndex()} on.
     */
    String sessionKey();

    /** The index the next {@link #encrypt} will use (starts at 0, +1 per message). */
    long messageIndex();

    /** Encrypts one event payload; returns the base64 ciphertext of {@code m.megolm.v1.aes-sha2}. */
    String encrypt(byte[] plaintext);

    /** The session encrypted with {@code pickleKey} (non-empty), as text for the crypto store. */
    String pickle(byte[] pickleKey);
}
