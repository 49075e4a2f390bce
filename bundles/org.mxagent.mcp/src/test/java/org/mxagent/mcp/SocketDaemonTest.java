package org.mxagent.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.ipc.wire.Frames;

/** The real socket client against a scripted daemon on a Unix socket: frames, streams, errors. */
class SocketDaemonTest {
    @TempDir
    Path dir;

    private CompletableFuture<String> serveOnce(Path socket, List<String> replies) throws Exception {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return CompletableFuture.supplyAsync(() -> {
            try (server; SocketChannel peer = server.accept()) {
                String request = new String(Frames.read(peer), StandardCharsets.UTF_8);
                for (String reply : replies) {
                    Frames.write(peer, ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8)));
                }
                return request;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void streamFramesThenResult() throws Exception {
        Path socket = dir.resolve("daemon.sock");
        CompletableFuture<String> request = serveOnce(socket, List.of(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"stream\":{\"stream\":\"stdout\",\"data_base64\":\"aGk=\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"done\":true,\"exit_code\":0}}"));
        List<Map<String, Object>> frames = new ArrayList<>();
        Object result = new SocketDaemon(socket).call("exec.start", Map.of("argv", List.of("echo")), frames::add);
        assertEquals(Map.of("done", true, "exit_code", 0L), result);
        assertEquals(List.of(Map.of("stream", "stdout", "data_base64", "aGk=")), frames);
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"exec.start\",\"params\":{\"argv\":[\"echo\"]}}",
                request.get(10, TimeUnit.SECONDS));
    }

    @Test
    void errorReplyAndClosedConnection() throws Exception {
        Path socket = dir.resolve("a.sock");
        serveOnce(socket, List.of("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":"
                + "\"unknown method exec.start\"}}"));
        DaemonException remote = assertThrows(DaemonException.class,
                () -> new SocketDaemon(socket).call("exec.start", Map.of(), null));
        assertEquals(DaemonException.Kind.REMOTE, remote.kind());
        assertEquals(-32601, remote.code());

        Path closing = dir.resolve("b.sock");
        serveOnce(closing, List.of());
        DaemonException failed = assertThrows(DaemonException.class,
                () -> new SocketDaemon(closing).call("daemon.status", Map.of(), null));
        assertEquals(DaemonException.Kind.FAILED, failed.kind());
        assertTrue(failed.getMessage().contains("closed the connection"), failed.getMessage());
    }

    @Test
    void noSocketMeansNotRunning() {
        DaemonException e = assertThrows(DaemonException.class,
                () -> new SocketDaemon(dir.resolve("none.sock")).call("daemon.status", Map.of(), null));
        assertEquals(DaemonException.Kind.NOT_RUNNING, e.kind());
        assertTrue(e.getMessage().startsWith(DaemonException.NOT_RUNNING), e.getMessage());
    }

    @Test
    void socketPathFollowsTheRuntimeDirRules() {
        assertEquals(Path.of("/r/daemon.sock"), SocketDaemon.socketPath(Map.of("MX_AGENT_RUNTIME_DIR", "/r"), "u"));
        assertEquals(Path.of("/x/mx-agent/daemon.sock"),
                SocketDaemon.socketPath(Map.of("XDG_RUNTIME_DIR", "/x"), "u"));
        assertEquals(Path.of("/t/mx-agent-u/daemon.sock"), SocketDaemon.socketPath(Map.of("TMPDIR", "/t"), "u"));
    }
}
