package org.mxagent.exec.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.exec.impl.desk.ExecDesk;
import org.mxagent.exec.impl.requester.Session;
import org.mxagent.protocol.api.ProtocolJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code exec.cancel {invocation_id, reason?}}: stops an exec this runtime started (a signed cancel if remote). */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=exec.cancel")
public final class ExecCancelMethod implements IpcMethod {
    private final ExecDesk desk;

    @Activate
    public ExecCancelMethod(@Reference ExecDesk desk) {
        this.desk = desk;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        Session session = LiveSessions.require(desk, params);
        boolean cancelled = session.cancel(Params.optional(params, "reason").orElse("caller_cancelled"));
        return ProtocolJson.newObject().put("invocation_id", session.invocationId()).put("cancelled", cancelled);
    }
}
