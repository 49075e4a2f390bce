package org.mxagent.protocol.api.sign;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.mxagent.protocol.api.ProtocolJson;

/**
 * The {@code signature} member: {@code {"alg":"ed25519","key_id":"mxagent-ed25519:<B>","sig":"<padded base64>"}}.
 * {@code sig} is padded standard base64 of the 64-byte signature (unlike keys, which are unpadded).
 */
public record EventSignature(String alg, String keyId, String sig) {
    public static final String ED25519 = "ed25519";

    public EventSignature {
        Objects.requireNonNull(alg, "alg");
        Objects.requireNonNull(keyId, "key_id");
        Objects.requireNonNull(sig, "sig");
    }

    /** The member as JSON, fields in wire order. */
    public ObjectNode toJson() {
        ObjectNode node = ProtocolJson.newObject();
        node.put("alg", alg);
        node.put("key_id", keyId);
        node.put("sig", sig);
        return node;
    }
}
