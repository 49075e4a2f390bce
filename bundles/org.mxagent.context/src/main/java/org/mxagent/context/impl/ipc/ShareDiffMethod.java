package org.mxagent.context.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.mxagent.context.api.ContextException;
import org.mxagent.context.api.ContextService;
import org.mxagent.context.api.DiffFormat;
import org.mxagent.context.impl.ContextJson;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code share.diff {room, path, base?, format?}}: {@code path} is the absolute work-tree directory (the CLI's
 * cwd); {@code format} is {@code patch} (default), {@code stat} or {@code name-only}.
 */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=share.diff")
public final class ShareDiffMethod extends ContextMethod {
    private final ContextService context;

    @Activate
    public ShareDiffMethod(@Reference ContextService context) {
        this.context = context;
    }

    @Override
    JsonNode run(JsonNode params) throws ContextException, IpcException {
        String format = IpcParams.optional(params, "format", DiffFormat.PATCH.wire());
        DiffFormat diffFormat = DiffFormat.fromWire(format).orElseThrow(() -> IpcException.usage(
                "param format must be patch, stat or name-only, got '" + format + "'"));
        return ContextJson.receipt(context.shareDiff(IpcParams.required(params, "room"),
                Path.of(IpcParams.required(params, "path")), IpcParams.optional(params, "base", ""), diffFormat));
    }
}
