package org.mxagent.exec.impl.requester;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.RejectReason;

/** The final result of a call session (specs/exec.md). */
final class CallResults {
    private CallResults() {}

    /**
     * @param errorCode a rejection reason ({@code policy_denied}: 160, other reasons 161) or a tool error code
     *                  ({@code unknown_tool}, {@code invalid_arguments}, …: exit 1); null when ok
     */
    static ObjectNode of(String invocationId, String requestId, boolean ok, JsonNode value, String error,
            String errorCode) {
        ObjectNode result = ProtocolJson.newObject();
        result.put("done", true);
        result.put("invocation_id", invocationId);
        result.put("request_id", requestId);
        result.put("ok", ok);
        result.set("result", value == null ? ProtocolJson.nodes().nullNode() : value);
        if (error != null) {
            result.put("error", error);
        } else {
            result.putNull("error");
        }
        if (errorCode != null) {
            result.put("error_code", errorCode);
        }
        boolean rejected = errorCode != null && RejectReason.fromWire(errorCode).isPresent();
        result.put("outcome", ok ? "ok" : rejected ? "rejected" : "error");
        result.put("exit_code", ok ? 0 : rejected ? ExitCodes.forRejection(errorCode) : ExitCodes.FAILURE);
        return result;
    }

    static ObjectNode timeout(String invocationId, String requestId, String message) {
        ObjectNode result = of(invocationId, requestId, false, null, message, "timeout");
        result.put("outcome", "timeout");
        result.put("exit_code", ExitCodes.TIMEOUT);
        return result;
    }
}
