package org.mxagent.policy.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.protocol.api.Ids;
import org.mxagent.protocol.api.sign.PublicKeys;

/** Params of the {@code trust.*} methods; a missing or malformed one is a usage error (exit 64) naming it. */
final class TrustParams {
    /** {@code mxagent-ed25519:} + unpadded standard base64 of a SHA-256 digest (43 characters). */
    private static final Pattern KEY_ID = Pattern.compile(Pattern.quote(PublicKeys.KEY_ID_PREFIX)
            + "[A-Za-z0-9+/]{43}");

    private TrustParams() {}

    static String required(JsonNode params, String name) throws IpcException {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            throw IpcException.usage("missing param: " + name);
        }
        if (!value.isTextual()) {
            throw IpcException.usage("param " + name + " must be a string");
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            throw IpcException.usage("missing param: " + name);
        }
        return text;
    }

    static String keyId(JsonNode params) throws IpcException {
        String keyId = required(params, "key_id");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw IpcException.usage("not a signing key id: '" + keyId + "'; expected " + PublicKeys.KEY_ID_PREFIX
                    + "<43 characters of unpadded base64>, as `mx-agent agent show` or `mx-agent trust fingerprint` "
                    + "print it");
        }
        return keyId;
    }

    static String agentId(JsonNode params) throws IpcException {
        String agentId = required(params, "agent_id");
        if (!Ids.isValid(Ids.AGENT, agentId)) {
            throw IpcException.usage("not an agent id: '" + agentId + "'; expected agt_ followed by a 26-character "
                    + "ULID");
        }
        return agentId;
    }
}
