package org.mxagent.approval.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.approval.api.Approvals;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.protocol.api.ProtocolJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code approval.list {}} → {@code {holds: [hold…]}}, oldest first. */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=approval.list")
public final class ApprovalListMethod implements IpcMethod {
    private final Approvals approvals;

    @Activate
    public ApprovalListMethod(@Reference Approvals approvals) {
        this.approvals = approvals;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        ObjectNode result = ProtocolJson.newObject();
        ArrayNode holds = result.putArray("holds");
        approvals.list().forEach(h -> holds.add(ApprovalMethods.json(h)));
        return result;
    }
}
