package org.mxagent.crypto.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** One Olm double-ratchet session with one other device, used for to-device messages. */
@ConsumerType
public interface OlmSession extends CryptoHandle {
    /** The session id, the same on both sides. */
    String sessionId();

    /** Whether a message from the other side has been decrypted (after which we send type 1 messages). */
    boolean hasReceivedMessage();

    /**
     * Whether a pre-key message belongs to this (inbound) session, for routing a second pre-key message that
     * arrived before the sender saw our reply.
     *
     * @throws OlmException {@link OlmError#INVALID_BASE64}, {@link OlmError#BAD_MESSAGE_VERSION} or
     *         {@link OlmError#BAD_MESSAGE_FORMAT} for a message that is not a pre-key message
     */
    boolean matchesInbound(String preKeyMessage) throws OlmException;

    /** {@link #matchesInbound(String)} that also requires the sender's Curve25519 identity key to match. */
    boolean matchesInboundFrom(String theirIdentityKey, String preKeyMessage) throws OlmException;

    /** Encrypts {@code plaintext}; a {@link OlmMessage#PRE_KEY} message until {@link #hasReceivedMessage()}. */
    OlmMessage encrypt(byte[] plaintext);

    /**
     * Decrypts and advances the ratchet.
     *
     * @throws OlmException {@link OlmError#BAD_MESSAGE_MAC} (not for this session, or tampered),
     *         {@link OlmError#BAD_MESSAGE_FORMAT}, {@link OlmError#INVALID_BASE64},
     *         {@link OlmError#BAD_MESSAGE_VERSION}
     */
    byte[] decrypt(OlmMessage message) throws OlmException;

    /** A human-readable description of the ratchet state (for logs; contains no secrets). */
    String describe();

    /** The session encrypted with {@code pickleKey} (non-empty), as text for the crypto store. */
    String pickle(byte[] pickleKey);
}
