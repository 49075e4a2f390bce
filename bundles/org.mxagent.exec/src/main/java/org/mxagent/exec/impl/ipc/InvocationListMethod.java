package org.mxagent.exec.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.exec.impl.desk.ExecDesk;
import org.mxagent.exec.impl.requester.DeskException;
import org.mxagent.protocol.api.ProtocolJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code invocation.list {room?}}: {@code {invocations: [...], live: [...]}}, the published {@code invocation.v1}
 * of the room (else of every room this runtime hosts agents in), newest first, and what runs here now.
 */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=invocation.list")
public final class InvocationListMethod implements IpcMethod {
    private final ExecDesk desk;

    @Activate
    public InvocationListMethod(@Reference ExecDesk desk) {
        this.desk = desk;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        ObjectNode result = ProtocolJson.newObject();
        try {
            result.putArray("invocations").addAll(desk.list(Params.optional(params, "room")));
        } catch (DeskException e) {
            throw Failures.of(e);
        }
        result.putArray("live").addAll(desk.live());
        return result;
    }
}
