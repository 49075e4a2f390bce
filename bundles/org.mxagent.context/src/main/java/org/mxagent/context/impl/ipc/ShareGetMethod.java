package org.mxagent.context.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.mxagent.context.api.ContextException;
import org.mxagent.context.api.ContextService;
import org.mxagent.context.api.SharedDocument;
import org.mxagent.context.impl.ContextJson;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code share.get {context_id, room?, output?}}: the verified document, as {@code content_base64}, or written
 * to {@code output} (an absolute path, which keeps big documents out of the 16 MiB IPC frame).
 */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=share.get")
public final class ShareGetMethod extends ContextMethod {
    private final ContextService context;

    @Activate
    public ShareGetMethod(@Reference ContextService context) {
        this.context = context;
    }

    @Override
    JsonNode run(JsonNode params) throws ContextException, IpcException {
        String output = IpcParams.optional(params, "output", "");
        SharedDocument document = context.get(IpcParams.optional(params, "room", ""),
                IpcParams.required(params, "context_id"));
        ObjectNode result = ContextJson.entry(document.entry());
        result.put("document_mime_type", document.mimeType());
        if (output.isEmpty()) {
            result.put("content_base64", Base64.getEncoder().encodeToString(document.content()));
            return result;
        }
        Path file = Path.of(output);
        if (!file.isAbsolute()) {
            throw IpcException.usage("output must be an absolute path: " + output);
        }
        try {
            Files.write(file, document.content());
        } catch (IOException e) {
            throw IpcException.failed("cannot write " + file + ": " + e.getMessage(), e);
        }
        result.put("written_to", file.toString());
        return result;
    }
}
