package org.mxagent.protocol.api.sign;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * This runtime's signing identity as a service: the key in {@code <data_dir>/signing_key.ed25519}. Consumers sign
 * with it and publish its public half in {@code agent.v1}; the private key never leaves the implementation. Every
 * agent a runtime hosts signs with this one key.
 */
@ProviderType
public interface LocalSigner {

    /** {@code mxagent-ed25519:<B>}, as published in {@code agent.v1.signing_key_id}. */
    String keyId();

    /** The raw public key, unpadded base64, as published in {@code agent.v1.signing_public_key}. */
    String publicKeyBase64();

    /** {@code SHA256:<B>}, for people comparing keys. */
    String fingerprint();

    /**
     * A copy of {@code content} with its {@code signature} member set over the canonical JSON of everything else
     * (see {@link EventSigner#sign}); the input is left untouched.
     *
     * @throws CanonicalJsonException if the content has no canonical form (a float, a lone surrogate)
     */
    ObjectNode sign(ObjectNode content) throws CanonicalJsonException;
}
