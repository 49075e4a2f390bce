package org.mxagent.context.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.mxagent.context.api.ContextException;
import org.mxagent.context.api.ContextService;
import org.mxagent.context.impl.ContextJson;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code share.file {room, content_base64, name?, mime_type?}}: name defaults to {@code stdin}, the type to
 * {@code text/plain} for UTF-8 content and {@code application/octet-stream} otherwise.
 */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=share.file")
public final class ShareFileMethod extends ContextMethod {
    private final ContextService context;

    @Activate
    public ShareFileMethod(@Reference ContextService context) {
        this.context = context;
    }

    @Override
    JsonNode run(JsonNode params) throws ContextException, IpcException {
        byte[] content = IpcParams.base64(params, "content_base64");
        String type = IpcParams.optional(params, "mime_type", "");
        if (type.isEmpty()) {
            type = isUtf8(content) ? "text/plain" : "application/octet-stream";
        }
        return ContextJson.receipt(context.shareFile(IpcParams.required(params, "room"),
                IpcParams.optional(params, "name", "stdin"), type, content));
    }

    /** A fresh decoder reports malformed input (its default), so this is a strict check. */
    private static boolean isUtf8(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException binary) {
            return false;
        }
    }
}
