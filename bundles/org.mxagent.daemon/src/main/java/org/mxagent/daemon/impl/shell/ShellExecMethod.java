package org.mxagent.daemon.impl.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.daemon.impl.JsonRpc;
import org.mxagent.daemon.impl.Params;
import org.mxagent.daemon.impl.shell.ShellSession.ShellResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code shell.exec {command, session?}}: one Gogo command; {@code output} and {@code error} are what it printed. */
@Component(property = IpcMethod.METHOD + "=shell.exec")
public final class ShellExecMethod implements IpcMethod {
    private final ShellSessions sessions;

    @Activate
    public ShellExecMethod(@Reference(name = "sessions") ShellSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        String command = Params.requiredText(params, "command");
        ShellResult result = sessions.execute(Params.optionalText(params, "session").orElse(null), command);
        ObjectNode json = JsonRpc.MAPPER.createObjectNode();
        json.put("output", result.output());
        json.put("error", result.error());
        return json;
    }
}
