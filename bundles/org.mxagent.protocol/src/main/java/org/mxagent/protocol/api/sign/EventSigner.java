package org.mxagent.protocol.api.sign;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.protocol.api.CanonicalJson;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.impl.Base64s;

/**
 * Signs event content. The signed bytes are the canonical JSON of the whole content object with only its
 * top-level {@code signature} member removed: unknown extra members are signed too.
 */
public final class EventSigner {
    /** The member that carries the signature and is left out of the signed bytes. */
    public static final String SIGNATURE = "signature";

    private EventSigner() {}

    /** The bytes a signature over {@code content} covers. */
    public static byte[] signingBytes(ObjectNode content) throws CanonicalJsonException {
        ObjectNode unsigned = content.deepCopy();
        unsigned.remove(SIGNATURE);
        return CanonicalJson.toBytes(unsigned);
    }

    /** The signature member for {@code content} (any existing signature member is ignored). */
    public static EventSignature signature(ObjectNode content, SigningKey key) throws CanonicalJsonException {
        return signBytes(signingBytes(content), key);
    }

    /** A copy of {@code content} with its {@code signature} member set (replaced if present); input unchanged. */
    public static ObjectNode sign(ObjectNode content, SigningKey key) throws CanonicalJsonException {
        EventSignature signature = signature(content, key);
        ObjectNode signed = content.deepCopy();
        signed.set(SIGNATURE, signature.toJson());
        return signed;
    }

    static EventSignature signBytes(byte[] message, SigningKey key) {
        return new EventSignature(EventSignature.ED25519, key.keyId(), Base64s.padded(key.sign(message)));
    }
}
