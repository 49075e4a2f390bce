package org.mxagent.approval.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.approval.api.Approvals;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code approval.approve {request_id}} → {@code {request_id, outcome: pending|released|denied}}. */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=approval.approve")
public final class ApprovalApproveMethod implements IpcMethod {
    private final Approvals approvals;

    @Activate
    public ApprovalApproveMethod(@Reference Approvals approvals) {
        this.approvals = approvals;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        return ApprovalMethods.decide(approvals, params, true);
    }
}
