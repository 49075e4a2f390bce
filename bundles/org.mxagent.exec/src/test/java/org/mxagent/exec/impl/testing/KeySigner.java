package org.mxagent.exec.impl.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.sign.EventSigner;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.protocol.api.sign.SigningKey;

/** {@link LocalSigner} over an in-memory key. */
public record KeySigner(SigningKey key) implements LocalSigner {
    @Override
    public String keyId() {
        return key.keyId();
    }

    @Override
    public String publicKeyBase64() {
        return key.publicKeyBase64();
    }

    @Override
    public String fingerprint() {
        return key.fingerprint();
    }

    @Override
    public ObjectNode sign(ObjectNode content) throws CanonicalJsonException {
        return EventSigner.sign(content, key);
    }
}
