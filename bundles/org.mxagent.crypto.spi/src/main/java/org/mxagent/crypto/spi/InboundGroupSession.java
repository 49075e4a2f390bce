package org.mxagent.crypto.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** The receiving side of one Megolm session. */
@ConsumerType
public interface InboundGroupSession extends CryptoHandle {
    /** The session id (the same as the sender's outbound session). */
    String sessionId();

    /** The lowest message index this session can decrypt. */
    long firstKnownIndex();

    /**
     * Whether the session key is authenticated: created from a signed {@code m.room_key}, or a message at
     * the first known index has been decrypted. Imported (forwarded, backed-up) keys start unverified.
     */
    boolean isVerified();

    /**
     * Decrypts one Megolm ciphertext. The same ciphertext decrypts again with the same index: see
     * {@link GroupDecryption} for replay protection.
     *
     * @throws OlmException {@link OlmError#UNKNOWN_MESSAGE_INDEX} for an index below
     *         {@link #firstKnownIndex()}, {@link OlmError#BAD_MESSAGE_MAC} or {@link OlmError#BAD_SIGNATURE}
     *         for a forged or foreign message, {@link OlmError#BAD_MESSAGE_FORMAT}, {@link OlmError#INVALID_BASE64}
     */
    GroupDecryption decrypt(String ciphertext) throws OlmException;

    /**
     * The session key at {@code messageIndex} in export format (for key forwarding and backup); a session
     * imported from it decrypts from that index on.
     *
     * @throws OlmException {@link OlmError#UNKNOWN_MESSAGE_INDEX} if the index is below {@link #firstKnownIndex()}
     */
    String export(long messageIndex) throws OlmException;

    /** The session encrypted with {@code pickleKey} (non-empty), as text for the crypto store. */
    String pickle(byte[] pickleKey);
}
