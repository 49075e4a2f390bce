package org.mxagent.crypto.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** Holds a Curve25519 private key and decrypts {@link PkMessage}s made for its public key. */
@ConsumerType
public interface PkDecryption extends CryptoHandle {
    /** The public key (unpadded base64), e.g. the key backup's {@code auth_data.public_key}. */
    String publicKey();

    /** A copy of the 32-byte private key (e.g. the recovery key material); the caller wipes it after use. */
    byte[] privateKey();

    /**
     * Decrypts a message made for {@link #publicKey()}.
     *
     * @throws OlmException {@link OlmError#BAD_MESSAGE_MAC} if it was not made for this key or was altered,
     *         {@link OlmError#INVALID_BASE64}
     */
    byte[] decrypt(PkMessage message) throws OlmException;

    /** The key encrypted with {@code pickleKey} (non-empty), as text for the crypto store. */
    String pickle(byte[] pickleKey);
}
