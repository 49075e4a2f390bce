package org.mxagent.exec.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.exec.impl.desk.ExecDesk;
import org.mxagent.protocol.api.ProtocolJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code tool.list {}}: {@code {tools: [tool.v1 content + key]}}, the tools this runtime offers. */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=tool.list")
public final class ToolListMethod implements IpcMethod {
    private final ExecDesk desk;

    @Activate
    public ToolListMethod(@Reference ExecDesk desk) {
        this.desk = desk;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) {
        return ProtocolJson.newObject().set("tools", ProtocolJson.newObject().arrayNode().addAll(desk.tools()));
    }
}
