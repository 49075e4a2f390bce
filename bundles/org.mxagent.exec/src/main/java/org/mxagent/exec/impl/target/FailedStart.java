package org.mxagent.exec.impl.target;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.ChunkEncoding;
import org.mxagent.protocol.api.event.StreamChunk;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.terminal.api.stream.ChunkPayload;

/**
 * The streams of a run that policy allowed but that could not start (its working directory is missing, the
 * spawn failed): the reason on stderr (or the PTY), then every stream's EOF marker. The run then finishes with
 * exit code {@value #EXIT_CODE}, as a shell reports a command it cannot run.
 */
final class FailedStart {
    static final int EXIT_CODE = 127;

    private FailedStart() {}

    static List<StreamChunk> chunks(String invocationId, String message, boolean pty, Instant now) {
        byte[] bytes = ("mx-agent: cannot start the command: " + message + "\n").getBytes(StandardCharsets.UTF_8);
        String timestamp = Timestamps.millis(now);
        List<StreamChunk> chunks = new ArrayList<>();
        StreamName messageStream = pty ? StreamName.PTY : StreamName.STDERR;
        ChunkEncoding encoding = pty ? ChunkEncoding.BASE64 : ChunkEncoding.UTF_8;
        chunks.add(new StreamChunk(invocationId, messageStream, 0, encoding,
                ChunkPayload.encode(encoding, bytes, 0, bytes.length), false, false,
                ChunkPayload.sha256(bytes, 0, bytes.length), timestamp, Optional.empty(), Map.of()));
        chunks.add(eof(invocationId, messageStream, 1, encoding, timestamp));
        if (!pty) {
            chunks.add(eof(invocationId, StreamName.STDOUT, 0, ChunkEncoding.UTF_8, timestamp));
        }
        return chunks;
    }

    private static StreamChunk eof(String invocationId, StreamName stream, long seq, ChunkEncoding encoding,
            String timestamp) {
        return new StreamChunk(invocationId, stream, seq, encoding, "", true, false, null, timestamp,
                Optional.empty(), Map.of());
    }
}
