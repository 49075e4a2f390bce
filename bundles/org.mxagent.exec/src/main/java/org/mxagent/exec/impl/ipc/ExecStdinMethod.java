package org.mxagent.exec.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.exec.impl.desk.ExecDesk;
import org.mxagent.exec.impl.requester.DeskException;
import org.mxagent.exec.impl.requester.Session;
import org.mxagent.protocol.api.ProtocolJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code exec.stdin {invocation_id, data_base64, eof?}}: input for an exec this runtime started (signed if remote). */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=exec.stdin")
public final class ExecStdinMethod implements IpcMethod {
    private final ExecDesk desk;

    @Activate
    public ExecStdinMethod(@Reference ExecDesk desk) {
        this.desk = desk;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        Session session = LiveSessions.require(desk, params);
        byte[] data = Params.base64(params, "data_base64");
        try {
            session.stdin(data, Params.flag(params, "eof"));
        } catch (DeskException e) {
            throw Failures.of(e);
        }
        return ProtocolJson.newObject().put("queued_bytes", data.length);
    }
}
