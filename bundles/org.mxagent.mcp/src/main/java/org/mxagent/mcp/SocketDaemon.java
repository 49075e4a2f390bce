package org.mxagent.mcp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.mxagent.ipc.wire.Frames;
import org.mxagent.ipc.wire.JsonException;
import org.mxagent.ipc.wire.JsonReader;
import org.mxagent.ipc.wire.JsonWriter;

/**
 * The daemon over its Unix socket. Every call opens its own connection, so concurrent MCP tool calls (a long exec
 * and a ping-like status) never share one; the connection is closed when the call ends.
 */
final class SocketDaemon implements Daemon {
    private final Path socket;
    private final AtomicLong ids = new AtomicLong();

    SocketDaemon(Path socket) {
        this.socket = socket;
    }

    /** The socket path, resolved as the runtime resolves its runtime directory (specs/daemon-ipc.md). */
    static Path socketPath(Map<String, String> env, String userName) {
        String configured = env.get("MX_AGENT_RUNTIME_DIR");
        Path dir;
        if (configured != null && !configured.isBlank()) {
            dir = Path.of(configured);
        } else {
            String xdg = env.get("XDG_RUNTIME_DIR");
            dir = xdg != null && !xdg.isBlank() ? Path.of(xdg, "mx-agent")
                    : Path.of(env.getOrDefault("TMPDIR", "/tmp"), "mx-agent-" + userName);
        }
        return dir.toAbsolutePath().normalize().resolve("daemon.sock");
    }

    Path socket() {
        return socket;
    }

    @Override
    public Object call(String method, Map<String, Object> params, StreamListener listener) throws DaemonException {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            throw DaemonException.notRunning("no socket at " + socket);
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (ConnectException refused) {
            throw DaemonException.notRunning("nothing listens on " + socket);
        } catch (IOException e) {
            throw DaemonException.failed("cannot connect to the daemon at " + socket + ": " + e.getMessage(), e);
        }
        try (channel) {
            long id = ids.incrementAndGet();
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("jsonrpc", "2.0");
            request.put("id", id);
            request.put("method", method);
            request.put("params", params == null ? Map.of() : params);
            Frames.write(channel, ByteBuffer.wrap(JsonWriter.write(request).getBytes(StandardCharsets.UTF_8)));
            while (true) {
                byte[] frame = Frames.read(channel);
                if (frame == null) {
                    throw DaemonException.failed("the daemon closed the connection without answering " + method,
                            null);
                }
                Map<String, Object> reply = Json.object(JsonReader.parse(new String(frame, StandardCharsets.UTF_8)));
                Object replyId = reply.get("id");
                if (reply.containsKey("error") && (replyId == null || sameId(replyId, id))) {
                    throw DaemonException.remote(Json.object(reply.get("error")));
                }
                if (!sameId(replyId, id)) {
                    throw DaemonException.failed("the daemon answered request " + replyId + " while " + id
                            + " was waiting", null);
                }
                if (reply.containsKey("stream")) {
                    if (listener != null) {
                        listener.frame(Json.object(reply.get("stream")));
                    }
                    continue;
                }
                return reply.get("result");
            }
        } catch (JsonException e) {
            throw DaemonException.failed("the daemon sent " + e.getMessage(), e);
        } catch (IOException e) {
            throw DaemonException.failed("lost the connection to the daemon during " + method + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean sameId(Object replyId, long id) {
        return replyId instanceof Number number && number.longValue() == id;
    }
}
