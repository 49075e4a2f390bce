package org.mxagent.crypto.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** Stateless helpers: hashing and signature checks. */
@ConsumerType
public interface Utility extends CryptoHandle {
    /** The unpadded base64 SHA-256 of {@code input}. */
    String sha256(byte[] input);

    /**
     * Verifies an Ed25519 signature (as made by {@link Account#sign} or {@link PkSigning#sign}); returns
     * normally if it is valid.
     *
     * @param publicKey the unpadded base64 Ed25519 public key
     * @param message the signed bytes (canonical JSON for Matrix objects)
     * @param signature the unpadded base64 signature
     * @throws OlmException {@link OlmError#BAD_MESSAGE_MAC} if the signature does not verify,
     *         {@link OlmError#INVALID_BASE64} if the key or signature is not base64 of the right length
     */
    void verifyEd25519(String publicKey, byte[] message, String signature) throws OlmException;
}
