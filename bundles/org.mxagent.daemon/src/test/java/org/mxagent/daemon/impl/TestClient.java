package org.mxagent.daemon.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A bare JSON-RPC client for the tests: speaks frames over a real Unix socket. */
final class TestClient implements AutoCloseable {
    private final SocketChannel channel;
    private final List<JsonNode> streamed = new ArrayList<>();
    private int nextId = 1;

    private TestClient(SocketChannel channel) {
        this.channel = channel;
    }

    static TestClient connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return new TestClient(channel);
    }

    /** Sends a request and returns the final reply; stream frames on the way are kept in {@link #streamed()}. */
    JsonNode call(String method, JsonNode params) throws IOException {
        int id = nextId++;
        ObjectNode request = JsonRpc.MAPPER.createObjectNode();
        request.put("jsonrpc", "2.0").put("id", id).put("method", method);
        if (params != null) {
            request.set("params", params);
        }
        send(JsonRpc.MAPPER.writeValueAsString(request));
        while (true) {
            JsonNode reply = read();
            if (reply == null) {
                throw new IOException("connection closed before the reply to " + method);
            }
            if (reply.get("id").asInt() != id) {
                throw new IOException("reply for id " + reply.get("id") + " while waiting for " + id);
            }
            if (!reply.has("stream")) {
                return reply;
            }
            streamed.add(reply.get("stream"));
        }
    }

    void send(String json) throws IOException {
        sendBytes(json.getBytes(StandardCharsets.UTF_8));
    }

    void sendBytes(byte[] payload) throws IOException {
        FrameCodec.write(channel, payload);
    }

    SocketChannel channel() {
        return channel;
    }

    /** The next frame as JSON, or null at end of stream. */
    JsonNode read() throws IOException {
        byte[] frame = FrameCodec.read(channel);
        return frame == null ? null : JsonRpc.MAPPER.readTree(frame);
    }

    List<JsonNode> streamed() {
        return streamed;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
