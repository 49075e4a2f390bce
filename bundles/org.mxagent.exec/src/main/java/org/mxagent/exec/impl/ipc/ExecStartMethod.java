package org.mxagent.exec.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.exec.impl.ExecConfig;
import org.mxagent.exec.impl.desk.ExecDesk;
import org.mxagent.exec.impl.desk.ExecParams;
import org.mxagent.exec.impl.requester.DeskException;
import org.mxagent.exec.impl.requester.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code exec.start {room?, agent?, as?, argv, cwd?, env?, timeout_ms?, stdin?, pty?, rows?, cols?, strict?}}:
 * remote with room and agent, else loopback. Streams {@code {stream, data_base64}} and {@code {event, …}} frames,
 * then returns the final result, or {@code {done: false, invocation_id, cursor}} to continue with
 * {@code invocation.attach}.
 */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=exec.start", configurationPid = ExecConfig.PID)
public final class ExecStartMethod implements IpcMethod {
    private final ExecDesk desk;
    private final long window;
    private final Orphans orphans;

    @Activate
    public ExecStartMethod(@Reference ExecDesk desk, @Reference Orphans orphans, ExecConfig config) {
        this.desk = desk;
        this.window = config.attach_window_ms();
        this.orphans = orphans;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        ExecParams exec = new ExecParams(Params.optional(params, "room"), Params.optional(params, "agent"),
                Params.optional(params, "as"), Params.strings(params, "argv"),
                Params.optional(params, "cwd").orElse(""),
                Params.stringMap(params, "env"), Params.positive(params, "timeout_ms"), Params.flag(params, "stdin"),
                Params.flag(params, "pty"), (int) Params.integer(params, "rows", 0),
                (int) Params.integer(params, "cols", 0), Params.flag(params, "strict"));
        if (exec.room().isPresent() != exec.agent().isPresent()) {
            throw IpcException.usage("a remote exec needs both room and agent (neither: run it here)");
        }
        Session session;
        try {
            session = desk.startExec(exec);
        } catch (DeskException e) {
            throw Failures.of(e);
        }
        return FrameStreamer.stream(session, 0, call, window, orphans);
    }
}
