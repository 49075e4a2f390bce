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

/** {@code share.list {room, limit?}} (limit 20 when absent). */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=share.list")
public final class ShareListMethod extends ContextMethod {
    private final ContextService context;

    @Activate
    public ShareListMethod(@Reference ContextService context) {
        this.context = context;
    }

    @Override
    JsonNode run(JsonNode params) throws ContextException, IpcException {
        return ContextJson.listing(context.list(IpcParams.required(params, "room"),
                IpcParams.integer(params, "limit", 20)));
    }
}
