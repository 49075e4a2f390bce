package org.mxagent.bench.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.function.Consumer;

/** One connection to a daemon socket (specs/daemon-ipc.md): length-prefixed JSON-RPC, stream frames. */
final class Ipc implements Closeable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final SocketChannel channel;
    private long nextId = 1;

    Ipc(Path socket) throws IOException {
        this.channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    }

    /** Sends a request; hands each stream frame to {@code frames}; returns the result (an error throws). */
    JsonNode call(String method, ObjectNode params, Consumer<JsonNode> frames) throws IOException {
        long id = nextId++;
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        request.set("params", params);
        byte[] bytes = JSON.writeValueAsBytes(request);
        ByteBuffer header = ByteBuffer.allocate(4).putInt(0, bytes.length);
        ByteBuffer body = ByteBuffer.wrap(bytes);
        while (header.hasRemaining()) {
            channel.write(header);
        }
        while (body.hasRemaining()) {
            channel.write(body);
        }
        while (true) {
            JsonNode reply = JSON.readTree(read());
            if (reply.has("stream")) {
                frames.accept(reply.get("stream"));
                continue;
            }
            if (reply.has("error")) {
                throw new IOException(method + ": " + reply.get("error"));
            }
            return reply.get("result");
        }
    }

    JsonNode call(String method, ObjectNode params) throws IOException {
        return call(method, params, frame -> { });
    }

    /** exec.start, then invocation.attach until the result. */
    JsonNode exec(ObjectNode params, Consumer<JsonNode> frames) throws IOException {
        JsonNode result = call("exec.start", params, frames);
        while (!result.path("done").asBoolean()) {
            ObjectNode attach = JSON.createObjectNode().put("invocation_id", result.path("invocation_id").asText())
                    .put("cursor", result.path("cursor").asLong());
            result = call("invocation.attach", attach, frames);
        }
        return result;
    }

    private byte[] read() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(4);
        fill(header);
        ByteBuffer body = ByteBuffer.allocate(header.getInt(0));
        fill(body);
        return body.array();
    }

    private void fill(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("the daemon closed the connection");
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
