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

/** {@code pty.resize {invocation_id, rows, cols}}: the CLI's terminal's new size (signed pty.resize if remote). */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=pty.resize")
public final class PtyResizeMethod implements IpcMethod {
    private final ExecDesk desk;

    @Activate
    public PtyResizeMethod(@Reference ExecDesk desk) {
        this.desk = desk;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        Session session = LiveSessions.require(desk, params);
        int rows = (int) Params.integer(params, "rows", 0);
        int cols = (int) Params.integer(params, "cols", 0);
        try {
            session.resize(rows, cols);
        } catch (DeskException e) {
            throw Failures.of(e);
        }
        return ProtocolJson.newObject().put("rows", rows).put("cols", cols);
    }
}
