package org.mxagent.crypto.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A device's long-term Olm identity: a Curve25519 identity key, an Ed25519 signing key, one-time keys and a
 * fallback key. JSON shapes are libolm's, which every provider reproduces byte for byte in structure.
 */
@ConsumerType
public interface Account extends CryptoHandle {
    /** {@code {"curve25519":"<base64>","ed25519":"<base64>"}} (unpadded base64 public keys). */
    String identityKeys();

    /** The unpadded base64 Ed25519 signature of {@code message} (Matrix signs canonical JSON bytes). */
    String sign(byte[] message);

    /**
     * The unpublished one-time keys: {@code {"curve25519":{"<key id>":"<base64 key>",...}}}; an empty inner
     * object when all are published.
     */
    String oneTimeKeys();

    /**
     * Generates {@code count} new one-time keys. When the account would hold more than
     * {@link #maxNumberOfOneTimeKeys()}, the oldest are dropped.
     */
    void generateOneTimeKeys(int count);

    /**
     * Marks the current one-time keys and the fallback key published: they leave {@link #oneTimeKeys()} and
     * {@link #unpublishedFallbackKey()}. Returns how many one-time keys were marked (the fallback key not
     * counted).
     */
    int markKeysAsPublished();

    /** How many one-time keys this account can hold (half of it is the usual upload target). */
    int maxNumberOfOneTimeKeys();

    /** Generates a new fallback key; the previous one is kept until {@link #forgetOldFallbackKey()}. */
    void generateFallbackKey();

    /**
     * The fallback key if generated and not yet published: {@code {"curve25519":{"<key id>":"<base64>"}}},
     * else {@code {"curve25519":{}}}.
     */
    String unpublishedFallbackKey();

    /** Forgets the previous fallback key (once no more pre-key messages for it can arrive). */
    void forgetOldFallbackKey();

    /**
     * Removes the one-time key that an inbound {@code session} was created from, so it cannot be used twice.
     * Call it after {@link CryptoProvider#createInboundSession} succeeded and the first message decrypted.
     *
     * @throws OlmException {@link OlmError#BAD_MESSAGE_KEY_ID} if the account has no such key (already
     *         removed, or the session was made from the fallback key)
     */
    void removeOneTimeKeys(OlmSession session) throws OlmException;

    /** The account encrypted with {@code pickleKey} (non-empty), as text for the crypto store. */
    String pickle(byte[] pickleKey);
}
