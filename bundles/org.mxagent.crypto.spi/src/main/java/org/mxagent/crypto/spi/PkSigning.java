package org.mxagent.crypto.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** An Ed25519 signing key made from a 32-byte seed (cross-signing keys). */
@ConsumerType
public interface PkSigning extends CryptoHandle {
    /** The Ed25519 public key (unpadded base64). */
    String publicKey();

    /** The unpadded base64 signature of {@code message}; {@link Utility#verifyEd25519} checks it. */
    String sign(byte[] message);
}
