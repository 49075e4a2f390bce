package org.mxagent.daemon.impl.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.daemon.impl.JsonRpc;
import org.mxagent.daemon.impl.Params;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code shell.close {session}}. */
@Component(property = IpcMethod.METHOD + "=shell.close")
public final class ShellCloseMethod implements IpcMethod {
    private final ShellSessions sessions;

    @Activate
    public ShellCloseMethod(@Reference(name = "sessions") ShellSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        sessions.close(Params.requiredText(params, "session"));
        ObjectNode result = JsonRpc.MAPPER.createObjectNode();
        result.put("closed", true);
        return result;
    }
}
