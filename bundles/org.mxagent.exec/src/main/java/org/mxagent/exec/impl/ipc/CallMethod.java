package org.mxagent.exec.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.exec.impl.ExecConfig;
import org.mxagent.exec.impl.desk.CallParams;
import org.mxagent.exec.impl.desk.ExecDesk;
import org.mxagent.exec.impl.requester.DeskException;
import org.mxagent.exec.impl.requester.Session;
import org.mxagent.protocol.api.ProtocolJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code call {tool, args?, room?, agent?, as?, timeout_ms?}}: a named call, remote with room and agent, else to
 * a tool of this runtime. Returns {@code {done: true, ok, result, error, error_code?, exit_code}}, or
 * {@code {done: false, invocation_id, cursor}} to wait on with {@code invocation.attach}.
 */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=call", configurationPid = ExecConfig.PID)
public final class CallMethod implements IpcMethod {
    private final ExecDesk desk;
    private final long window;
    private final Orphans orphans;

    @Activate
    public CallMethod(@Reference ExecDesk desk, @Reference Orphans orphans, ExecConfig config) {
        this.desk = desk;
        this.window = config.attach_window_ms();
        this.orphans = orphans;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        JsonNode args = params.has("args") && !params.get("args").isNull() ? params.get("args")
                : ProtocolJson.newObject();
        CallParams request = new CallParams(Params.required(params, "tool"), args, Params.optional(params, "room"),
                Params.optional(params, "agent"), Params.optional(params, "as"), Params.positive(params, "timeout_ms"));
        if (request.room().isPresent() != request.agent().isPresent()) {
            throw IpcException.usage("a remote call needs both room and agent (neither: a tool of this runtime)");
        }
        Session session;
        try {
            session = desk.startCall(request);
        } catch (DeskException e) {
            throw Failures.of(e);
        }
        return FrameStreamer.stream(session, 0, call, window, orphans);
    }
}
