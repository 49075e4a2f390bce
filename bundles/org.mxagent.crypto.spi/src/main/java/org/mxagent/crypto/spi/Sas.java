package org.mxagent.crypto.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** One side of a short-authentication-string key verification ({@code m.sas.v1}). */
@ConsumerType
public interface Sas extends CryptoHandle {
    /** Our ephemeral Curve25519 public key (unpadded base64), sent in {@code m.key.verification.key}. */
    String publicKey();

    /**
     * Sets the other side's ephemeral public key; the shared secret exists from then on.
     *
     * @throws OlmException {@link OlmError#INPUT_BUFFER_TOO_SMALL} or {@link OlmError#INVALID_BASE64} for a
     *         malformed key
     */
    void setTheirPublicKey(String theirPublicKey) throws OlmException;

    /** Whether {@link #setTheirPublicKey} has been called. */
    boolean isTheirKeySet();

    /**
     * {@code length} bytes derived from the shared secret and {@code info} (6 bytes for emoji and decimal).
     *
     * @throws OlmException {@link OlmError#SAS_THEIR_KEY_NOT_SET} before {@link #setTheirPublicKey}
     */
    byte[] generateBytes(String info, int length) throws OlmException;

    /**
     * The MAC of {@code input} (a key or a key list) under a key derived from the shared secret and
     * {@code info}, as unpadded base64.
     *
     * @throws OlmException {@link OlmError#SAS_THEIR_KEY_NOT_SET} before {@link #setTheirPublicKey}
     */
    String calculateMac(SasMac method, String input, String info) throws OlmException;
}
