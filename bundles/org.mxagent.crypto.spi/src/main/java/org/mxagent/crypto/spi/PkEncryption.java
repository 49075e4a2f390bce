package org.mxagent.crypto.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** Encrypts to one Curve25519 public key (the key backup's public key). */
@ConsumerType
public interface PkEncryption extends CryptoHandle {
    /** Encrypts {@code plaintext} with a fresh ephemeral key. */
    PkMessage encrypt(byte[] plaintext);
}
