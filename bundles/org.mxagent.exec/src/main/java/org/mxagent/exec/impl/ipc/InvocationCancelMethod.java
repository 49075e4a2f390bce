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

/**
 * {@code invocation.cancel {invocation_id, room?, reason?}}: a live session of this runtime, a run this runtime
 * executes (the operator's cancel), or, from the published state, a signed {@code exec.cancel} as its requester.
 */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=invocation.cancel")
public final class InvocationCancelMethod implements IpcMethod {
    private final ExecDesk desk;

    @Activate
    public InvocationCancelMethod(@Reference ExecDesk desk) {
        this.desk = desk;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        try {
            return desk.cancel(Params.required(params, "invocation_id"), Params.optional(params, "room"),
                    Params.optional(params, "reason").orElse("caller_cancelled"));
        } catch (DeskException e) {
            throw Failures.of(e);
        }
    }
}
