package org.mxagent.exec.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.exec.impl.ExecConfig;
import org.mxagent.exec.impl.desk.ExecDesk;
import org.mxagent.exec.impl.requester.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code invocation.attach {invocation_id, cursor}}: continues streaming a session where the last call stopped. */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=invocation.attach",
        configurationPid = ExecConfig.PID)
public final class InvocationAttachMethod implements IpcMethod {
    private final ExecDesk desk;
    private final long window;
    private final Orphans orphans;

    @Activate
    public InvocationAttachMethod(@Reference ExecDesk desk, @Reference Orphans orphans, ExecConfig config) {
        this.desk = desk;
        this.window = config.attach_window_ms();
        this.orphans = orphans;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        String invocationId = Params.required(params, "invocation_id");
        Session session = desk.session(invocationId).orElseThrow(() -> IpcException.notFound(
                "no session " + invocationId + " in this runtime (finished long ago, or requested elsewhere)"));
        return FrameStreamer.stream(session, Params.integer(params, "cursor", 0), call, window, orphans);
    }
}
