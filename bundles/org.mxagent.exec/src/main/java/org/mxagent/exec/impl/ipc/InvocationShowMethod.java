package org.mxagent.exec.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.exec.impl.desk.ExecDesk;
import org.mxagent.exec.impl.requester.DeskException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code invocation.show {invocation_id, room?}}: the published state and, if live here, the live view. */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=invocation.show")
public final class InvocationShowMethod implements IpcMethod {
    private final ExecDesk desk;

    @Activate
    public InvocationShowMethod(@Reference ExecDesk desk) {
        this.desk = desk;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        try {
            return desk.show(Params.required(params, "invocation_id"), Params.optional(params, "room"));
        } catch (DeskException e) {
            throw Failures.of(e);
        }
    }
}
