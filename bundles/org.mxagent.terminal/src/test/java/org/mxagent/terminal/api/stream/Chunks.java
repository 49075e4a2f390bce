package org.mxagent.terminal.api.stream;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.mxagent.protocol.api.event.StreamChunk;

/** Helpers to look at emitted chunks. */
final class Chunks {
    private Chunks() {}

    static byte[] bytes(StreamChunk chunk) {
        return ChunkPayload.decode(chunk).orElseThrow(() -> new AssertionError("undecodable " + chunk));
    }

    static byte[] concat(List<StreamChunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(c -> out.writeBytes(bytes(c)));
        return out.toByteArray();
    }
}
