package org.mxagent.approval.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.approval.api.ApprovalException;
import org.mxagent.approval.api.Approvals;
import org.mxagent.approval.api.Hold;
import org.mxagent.approval.impl.HoldText;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.protocol.api.ProtocolJson;

/** Shared parts of the {@code approval.*} IPC methods. */
final class ApprovalMethods {
    private ApprovalMethods() {}

    static String requestId(JsonNode params) throws IpcException {
        JsonNode id = params.get("request_id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw IpcException.usage("request_id is required");
        }
        return id.asText();
    }

    static ObjectNode json(Hold hold) {
        return HoldText.json(hold);
    }

    static JsonNode decide(Approvals approvals, JsonNode params, boolean approve) throws IpcException {
        String id = requestId(params);
        try {
            Approvals.Outcome outcome = approve ? approvals.approve(id) : approvals.deny(id);
            return ProtocolJson.newObject().put("request_id", id).put("outcome", outcome.name().toLowerCase());
        } catch (ApprovalException e) {
            throw e.notFound() ? IpcException.notFound(e.getMessage()) : IpcException.failed(e.getMessage(), e);
        }
    }
}
