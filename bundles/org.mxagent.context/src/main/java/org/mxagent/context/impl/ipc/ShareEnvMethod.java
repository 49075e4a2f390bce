package org.mxagent.context.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.context.api.ContextException;
import org.mxagent.context.api.ContextService;
import org.mxagent.context.impl.ContextJson;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code share.env {room, include?}}: the daemon's allowlisted environment, secrets never included. */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=share.env")
public final class ShareEnvMethod extends ContextMethod {
    private final ContextService context;

    @Activate
    public ShareEnvMethod(@Reference ContextService context) {
        this.context = context;
    }

    @Override
    JsonNode run(JsonNode params) throws ContextException, IpcException {
        return ContextJson.receipt(context.shareEnv(IpcParams.required(params, "room"),
                IpcParams.strings(params, "include")));
    }
}
