package org.mxagent.crypto.impl.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.crypto.impl.json.CanonicalJson;
import org.mxagent.crypto.spi.Account;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.Utility;

/** Matrix signed JSON: the Ed25519 signature of the canonical form without {@code signatures} and {@code unsigned}. */
final class Signatures {
    private Signatures() {}

    /** Adds our signature to {@code object} (in place) and returns it. */
    static ObjectNode sign(ObjectNode object, Account account, String userId, String deviceId) {
        String signature = account.sign(CanonicalJson.bytes(unsignedCopy(object)));
        object.withObject("signatures").withObject(userId).put("ed25519:" + deviceId, signature);
        return object;
    }

    /** Whether {@code object} carries a valid signature by {@code userId}'s key {@code ed25519:<deviceId>}. */
    static boolean verify(Utility utility, JsonNode object, String userId, String deviceId, String edKey) {
        JsonNode signature = object.path("signatures").path(userId).path("ed25519:" + deviceId);
        if (!signature.isTextual() || !object.isObject()) {
            return false;
        }
        try {
            utility.verifyEd25519(edKey, CanonicalJson.bytes(unsignedCopy((ObjectNode) object)), signature.asText());
            return true;
        } catch (OlmException | IllegalArgumentException e) {
            return false;
        }
    }

    private static ObjectNode unsignedCopy(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove("signatures");
        copy.remove("unsigned");
        return copy;
    }
}
