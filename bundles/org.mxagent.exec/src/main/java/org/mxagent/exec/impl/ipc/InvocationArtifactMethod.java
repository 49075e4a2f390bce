package org.mxagent.exec.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.exec.impl.desk.ExecDesk;
import org.mxagent.exec.impl.requester.DeskException;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.StreamName;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code invocation.artifact {invocation_id, stream, room?, output?}}: the full log of one stream from its
 * {@code stream.artifact} (target-signed, SHA-256 of the upload checked, then decompressed). Written to
 * {@code output} (an absolute path) or streamed as {@code {data_base64}} frames. The result carries the raw size
 * and its SHA-256 (hex).
 */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=invocation.artifact")
public final class InvocationArtifactMethod implements IpcMethod {
    private static final int FRAME_BYTES = 1024 * 1024;

    private final ExecDesk desk;

    @Activate
    public InvocationArtifactMethod(@Reference ExecDesk desk) {
        this.desk = desk;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        String streamName = Params.required(params, "stream");
        StreamName stream = StreamName.fromWire(streamName).filter(s -> s != StreamName.CONTROL
                && s != StreamName.STDIN).orElseThrow(() -> IpcException.usage("stream must be stdout, stderr or "
                        + "pty, not " + streamName));
        Path output = Params.optional(params, "output").map(Path::of).orElse(null);
        if (output != null && !output.isAbsolute()) {
            throw IpcException.usage("output must be an absolute path: " + output);
        }
        ExecDesk.Artifact artifact;
        try {
            artifact = desk.artifact(Params.required(params, "invocation_id"), stream, Params.optional(params, "room"));
        } catch (DeskException e) {
            throw Failures.of(e);
        }
        MessageDigest digest = sha256();
        long raw = 0;
        byte[] buffer = new byte[FRAME_BYTES];
        try (InputStream in = artifact.rawLog();
                OutputStream out = output == null ? null : Files.newOutputStream(output,
                        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            for (int n = in.readNBytes(buffer, 0, buffer.length); n > 0; n = in.readNBytes(buffer, 0, buffer.length)) {
                digest.update(buffer, 0, n);
                raw += n;
                if (out != null) {
                    out.write(buffer, 0, n);
                } else {
                    call.stream(ProtocolJson.newObject().put("data_base64",
                            Base64.getEncoder().encodeToString(Arrays.copyOf(buffer, n))));
                }
            }
        } catch (IOException e) {
            throw IpcException.failed("cannot read or write the artifact: " + e.getMessage(), e);
        }
        ObjectNode result = artifact.description();
        result.put("raw_bytes", raw);
        result.put("raw_sha256_hex", java.util.HexFormat.of().formatHex(digest.digest()));
        if (output != null) {
            result.put("written_to", output.toString());
        }
        return result;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
