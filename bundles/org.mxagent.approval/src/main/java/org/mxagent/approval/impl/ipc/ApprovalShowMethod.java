package org.mxagent.approval.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.approval.api.Approvals;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code approval.show {request_id}} → hold; no such hold: -32001, exit 3. */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=approval.show")
public final class ApprovalShowMethod implements IpcMethod {
    private final Approvals approvals;

    @Activate
    public ApprovalShowMethod(@Reference Approvals approvals) {
        this.approvals = approvals;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        String id = ApprovalMethods.requestId(params);
        return ApprovalMethods.json(approvals.show(id)
                .orElseThrow(() -> IpcException.notFound("no held request " + id)));
    }
}
