package org.mxagent.crypto.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Creates and restores the Olm/Megolm objects of a Matrix crypto machine. Registered as an OSGi service with
 * the {@value #PROVIDER} property naming the implementation ({@code provider=libolm}); the machine binds one
 * and can be rebound to another, so it keeps nothing provider-specific but pickles.
 *
 * <p>Objects from one provider are only passed back to the same provider (an {@link Account} of provider A
 * cannot start a session in provider B: {@link IllegalArgumentException}). Pickles are provider-specific
 * text, each encrypted with a caller-supplied, non-empty key; a wrong key fails with
 * {@link OlmError#BAD_ACCOUNT_KEY}. Every returned handle must be closed by the caller.
 */
@ConsumerType
public interface CryptoProvider {
    /** The service property naming the implementation, e.g. {@code (provider=libolm)}. */
    String PROVIDER = "provider";

    /** A short description of the implementation and its version, e.g. {@code libolm 3.2.13}. */
    String name();

    /** A new account with fresh identity keys and no one-time keys. */
    Account createAccount();

    /** Restores an account; {@link OlmError#BAD_ACCOUNT_KEY} for a wrong key, {@link OlmError#CORRUPTED_PICKLE}. */
    Account unpickleAccount(String pickle, byte[] pickleKey) throws OlmException;

    /**
     * A session to a device whose identity key and one-time (or fallback) key we claimed. Its first messages
     * are {@link OlmMessage#PRE_KEY} messages.
     *
     * @throws OlmException {@link OlmError#INVALID_BASE64} for malformed keys
     */
    OlmSession createOutboundSession(Account account, String theirIdentityKey, String theirOneTimeKey)
            throws OlmException;

    /**
     * The session a received pre-key message sets up. The one-time key it used stays in the account until
     * {@link Account#removeOneTimeKeys}; decrypt the message with the returned session.
     *
     * @throws OlmException {@link OlmError#BAD_MESSAGE_KEY_ID} if the one-time key is unknown (already used),
     *         {@link OlmError#BAD_MESSAGE_FORMAT}, {@link OlmError#INVALID_BASE64}
     */
    OlmSession createInboundSession(Account account, String preKeyMessage) throws OlmException;

    /**
     * {@link #createInboundSession} that also checks the message came from {@code theirIdentityKey}
     * (the sender's Curve25519 key from the event); {@link OlmError#BAD_MESSAGE_KEY_ID} if it did not.
     */
    OlmSession createInboundSessionFrom(Account account, String theirIdentityKey, String preKeyMessage)
            throws OlmException;

    /** Restores an Olm session. */
    OlmSession unpickleSession(String pickle, byte[] pickleKey) throws OlmException;

    /** A new Megolm session for sending, at message index 0. */
    OutboundGroupSession createOutboundGroupSession();

    /** Restores a Megolm sending session. */
    OutboundGroupSession unpickleOutboundGroupSession(String pickle, byte[] pickleKey) throws OlmException;

    /**
     * A Megolm receiving session from a signed session key ({@code m.room_key}'s {@code session_key}).
     *
     * @throws OlmException {@link OlmError#BAD_SESSION_KEY} if malformed or its signature is wrong
     */
    InboundGroupSession createInboundGroupSession(String sessionKey) throws OlmException;

    /**
     * A Megolm receiving session from an exported key ({@link InboundGroupSession#export}, forwarded keys,
     * key backup); it starts unverified.
     *
     * @throws OlmException {@link OlmError#BAD_SESSION_KEY} if malformed
     */
    InboundGroupSession importInboundGroupSession(String exportedSessionKey) throws OlmException;

    /** Restores a Megolm receiving session. */
    InboundGroupSession unpickleInboundGroupSession(String pickle, byte[] pickleKey) throws OlmException;

    /** Hashing and signature verification. */
    Utility createUtility();

    /** One side of a new SAS verification, with a fresh ephemeral key. */
    Sas createSas();

    /**
     * Encryption to {@code recipientPublicKey} (unpadded base64 Curve25519).
     *
     * @throws OlmException {@link OlmError#INVALID_BASE64} or {@link OlmError#INPUT_BUFFER_TOO_SMALL} for a
     *         malformed key
     */
    PkEncryption createPkEncryption(String recipientPublicKey) throws OlmException;

    /** A new decryption key pair. */
    PkDecryption createPkDecryption();

    /**
     * The decryption key pair for a 32-byte private key (e.g. decoded from a recovery key).
     *
     * @throws OlmException {@link OlmError#INPUT_BUFFER_TOO_SMALL} if the key is too short
     */
    PkDecryption createPkDecryption(byte[] privateKey) throws OlmException;

    /** Restores a decryption key pair. */
    PkDecryption unpicklePkDecryption(String pickle, byte[] pickleKey) throws OlmException;

    /** 32 random bytes to seed a {@link PkSigning} key; store them (encrypted) to keep the key. */
    byte[] generatePkSigningSeed();

    /**
     * The Ed25519 signing key for {@code seed}; the same seed always gives the same key.
     *
     * @throws OlmException {@link OlmError#INPUT_BUFFER_TOO_SMALL} if the seed is shorter than 32 bytes
     */
    PkSigning createPkSigning(byte[] seed) throws OlmException;
}
