package org.mxagent.daemon.impl.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.daemon.impl.JsonRpc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code shell.open}: a Gogo session whose variables persist; it closes with the client's connection. */
@Component(property = IpcMethod.METHOD + "=shell.open")
public final class ShellOpenMethod implements IpcMethod {
    private final ShellSessions sessions;

    @Activate
    public ShellOpenMethod(@Reference(name = "sessions") ShellSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        String id = sessions.open();
        call.whenConnectionCloses(() -> sessions.discard(id));
        ObjectNode result = JsonRpc.MAPPER.createObjectNode();
        result.put("session", id);
        return result;
    }
}
