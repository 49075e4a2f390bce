package org.mxagent.daemon.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;

/** The server's connection handling and dispatch over a real Unix socket, without OSGi. */
class SocketListenerTest {
    private static final Duration BUDGET = Duration.ofMillis(300);

    @TempDir
    Path dir;

    private final MethodRegistry registry = new MethodRegistry();
    private final AtomicInteger echoCalls = new AtomicInteger();
    private final CountDownLatch slowInterrupted = new CountDownLatch(1);
    private final AtomicReference<IpcException> streamAfterEnd = new AtomicReference<>();
    private final CountDownLatch afterReplyRan = new CountDownLatch(1);
    private final CountDownLatch connectionClosed = new CountDownLatch(1);
    private final CountDownLatch replyReceived = new CountDownLatch(1);
    private final AtomicReference<Boolean> afterReplySawReceivedReply = new AtomicReference<>();
    private long nextServiceId = 1;
    private Dispatcher dispatcher;
    private SocketListener listener;
    private Path socket;

    @BeforeEach
    void start() throws IOException {
        register("test.echo", (params, call) -> {
            echoCalls.incrementAndGet();
            return params;
        });
        register("test.boom", (params, call) -> {
            throw new IllegalStateException("the handler broke");
        });
        register("test.missing", (params, call) -> {
            throw IpcException.notFound("no such thing");
        });
        register("test.slow", (params, call) -> {
            try {
                new CountDownLatch(1).await();
                return null;
            } catch (InterruptedException e) {
                try {
                    call.stream(TextNode.valueOf("too late"));
                } catch (IpcException expected) {
                    streamAfterEnd.set(expected);
                }
                slowInterrupted.countDown();
                throw IpcException.failed("interrupted");
            }
        });
        register("test.stream", (params, call) -> {
            call.stream(IntNode.valueOf(1));
            call.stream(IntNode.valueOf(2));
            return TextNode.valueOf("done");
        });
        register("test.after", (params, call) -> {
            call.afterReply(() -> {
                afterReplySawReceivedReply.set(awaitQuietly(replyReceived));
                afterReplyRan.countDown();
            });
            call.whenConnectionCloses(connectionClosed::countDown);
            return TextNode.valueOf("ok");
        });
        register("test.whoami", (params, call) -> IntNode.valueOf(call.peerUid()));
        dispatcher = new Dispatcher(registry, BUDGET, 8);
        socket = dir.resolve("daemon.sock");
        listener = SocketListener.start(socket, dispatcher, 4);
    }

    @AfterEach
    void stop() throws IOException {
        listener.close();
        dispatcher.close();
    }

    @Test
    void answersARequestWithItsId() throws IOException {
        try (TestClient client = TestClient.connect(socket)) {
            ObjectNode params = JsonRpc.MAPPER.createObjectNode().put("text", "héllo");
            JsonNode reply = client.call("test.echo", params);
            assertEquals("2.0", reply.get("jsonrpc").asText());
            assertEquals(1, reply.get("id").asInt());
            assertEquals(params, reply.get("result"));
        }
    }

    @Test
    void servesManyRequestsOnOneConnection() throws IOException {
        try (TestClient client = TestClient.connect(socket)) {
            for (int i = 1; i <= 3; i++) {
                ObjectNode params = JsonRpc.MAPPER.createObjectNode().put("n", i);
                assertEquals(i, client.call("test.echo", params).get("result").get("n").asInt());
            }
        }
        assertEquals(3, echoCalls.get());
    }

    @Test
    void unknownMethodIsMinus32601() throws IOException {
        try (TestClient client = TestClient.connect(socket)) {
            JsonNode error = client.call("no.such.method", null).get("error");
            assertEquals(-32601, error.get("code").asInt());
            assertEquals("unknown method no.such.method", error.get("message").asText());
            assertEquals(1, error.get("data").get("exit").asInt());
        }
    }

    @Test
    void unexpectedHandlerExceptionIsMinus32603WithItsMessage() throws IOException {
        try (TestClient client = TestClient.connect(socket)) {
            JsonNode error = client.call("test.boom", null).get("error");
            assertEquals(-32603, error.get("code").asInt());
            assertEquals("test.boom failed: the handler broke", error.get("message").asText());
            assertFalse(error.toString().contains("IllegalStateException"), "no stack trace or class names");
            assertEquals("ok", client.call("test.after", null).get("result").asText(),
                    "the connection survives a failed call");
        }
    }

    @Test
    void ipcExceptionKeepsItsCodeAndExit() throws IOException {
        try (TestClient client = TestClient.connect(socket)) {
            JsonNode error = client.call("test.missing", null).get("error");
            assertEquals(IpcException.NOT_FOUND, error.get("code").asInt());
            assertEquals("no such thing", error.get("message").asText());
            assertEquals(3, error.get("data").get("exit").asInt());
        }
    }

    @Test
    void aCallOverItsBudgetFailsAndIsInterrupted() throws Exception {
        try (TestClient client = TestClient.connect(socket)) {
            JsonNode error = client.call("test.slow", null).get("error");
            assertEquals("test.slow did not finish within 300 ms", error.get("message").asText());
            assertEquals(1, error.get("data").get("exit").asInt());
            assertTrue(slowInterrupted.await(5, TimeUnit.SECONDS), "the method was interrupted");
            assertEquals("ok", client.call("test.after", null).get("result").asText());
        }
        assertTrue(streamAfterEnd.get().getMessage().contains("has already ended"),
                "a late stream frame is refused, not sent after the final reply");
    }

    @Test
    void streamFramesComeBeforeTheResultUnderTheSameId() throws IOException {
        try (TestClient client = TestClient.connect(socket)) {
            JsonNode reply = client.call("test.stream", null);
            assertEquals("done", reply.get("result").asText());
            assertEquals(List.of(IntNode.valueOf(1), IntNode.valueOf(2)), client.streamed());
        }
    }

    @Test
    void afterReplyRunsOnceTheReplyIsOutAndCloseHooksRunOnDisconnect() throws Exception {
        try (TestClient client = TestClient.connect(socket)) {
            assertEquals("ok", client.call("test.after", null).get("result").asText());
            replyReceived.countDown();
            assertTrue(afterReplyRan.await(5, TimeUnit.SECONDS));
            assertEquals(1, connectionClosed.getCount(), "the connection is still open");
        }
        assertTrue(connectionClosed.await(5, TimeUnit.SECONDS), "close hook ran when the client hung up");
    }

    @Test
    void peerUidIsTheDaemonsOwn() throws IOException {
        try (TestClient client = TestClient.connect(socket)) {
            int own = (Integer) Files.getAttribute(dir, "unix:uid");
            assertEquals(own, client.call("test.whoami", null).get("result").asInt());
        }
    }

    @Test
    void malformedJsonIsAParseErrorAndTheConnectionGoesOn() throws IOException {
        try (TestClient client = TestClient.connect(socket)) {
            client.send("{\"jsonrpc\":\"2.0\",");
            JsonNode reply = client.read();
            assertEquals(-32700, reply.get("error").get("code").asInt());
            assertTrue(reply.get("id").isNull());
            assertTrue(client.call("test.echo", null).has("result"));
        }
    }

    @Test
    void aRequestWithoutJsonrpcIsAnInvalidRequest() throws IOException {
        try (TestClient client = TestClient.connect(socket)) {
            client.send("{\"id\":5,\"method\":\"test.echo\"}");
            JsonNode reply = client.read();
            assertEquals(-32600, reply.get("error").get("code").asInt());
            assertEquals(5, reply.get("id").asInt());
            client.send("[1,2]");
            assertEquals(-32600, client.read().get("error").get("code").asInt());
            client.send("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"test.echo\",\"params\":7}");
            assertEquals(-32602, client.read().get("error").get("code").asInt());
        }
        assertEquals(0, echoCalls.get());
    }

    @Test
    void aNotificationRunsWithoutAReply() throws IOException {
        try (TestClient client = TestClient.connect(socket)) {
            client.send("{\"jsonrpc\":\"2.0\",\"method\":\"test.echo\"}");
            JsonNode reply = client.call("test.echo", null);
            assertEquals(1, reply.get("id").asInt(), "the first frame back answers the request, not the notification");
        }
        assertEquals(2, echoCalls.get());
    }

    @Test
    void anOversizeFrameGetsAnErrorAndTheConnectionIsClosed() throws IOException {
        try (TestClient client = TestClient.connect(socket)) {
            client.channel().write(ByteBuffer.allocate(4).putInt(FrameCodec.MAX_FRAME_BYTES + 1).flip());
            JsonNode error = client.read().get("error");
            assertEquals(-32600, error.get("code").asInt());
            assertTrue(error.get("message").asText().contains("exceeds the limit"), error.toString());
            assertNull(client.read(), "then end of stream");
        }
    }

    @Test
    void socketIsOwnerOnly() throws IOException {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
    }

    @Test
    void refusesToStartWhileAnotherDaemonAnswers() {
        IOException e = assertThrows(IOException.class, () -> SocketListener.start(socket, dispatcher, 4));
        assertEquals("another mx-agent daemon is already listening on " + socket, e.getMessage());
        assertTrue(Files.exists(socket), "the live daemon's socket is left alone");
    }

    @Test
    void replacesTheStaleSocketOfADeadDaemon() throws IOException {
        Path stale = dir.resolve("stale.sock");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(stale));
        }
        assertTrue(Files.exists(stale), "closing a listener leaves its socket file behind");
        try (SocketListener second = SocketListener.start(stale, dispatcher, 4);
                TestClient client = TestClient.connect(stale)) {
            assertTrue(client.call("test.echo", null).has("result"));
        }
    }

    @Test
    void refusesToDeleteSomethingThatIsNotASocket() throws IOException {
        Path regular = Files.writeString(dir.resolve("file.sock"), "keep me");
        IOException e = assertThrows(IOException.class, () -> SocketListener.start(regular, dispatcher, 4));
        assertTrue(e.getMessage().contains("is not a socket"), e.getMessage());
        assertEquals("keep me", Files.readString(regular));
    }

    @Test
    void turnsAwayConnectionsBeyondTheLimit() throws IOException {
        List<TestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                TestClient client = TestClient.connect(socket);
                clients.add(client);
                assertTrue(client.call("test.echo", null).has("result"), "served: it holds a connection thread");
            }
            try (TestClient extra = TestClient.connect(socket)) {
                JsonNode refusal = extra.read();
                assertTrue(refusal.get("error").get("message").asText().startsWith("daemon is busy"));
                assertNull(extra.read());
            }
        } finally {
            for (TestClient client : clients) {
                client.close();
            }
        }
    }

    @Test
    void closeEndsConnectionsAndRemovesTheSocket() throws IOException {
        try (TestClient client = TestClient.connect(socket)) {
            assertTrue(client.call("test.echo", null).has("result"));
            listener.close();
            assertNull(client.read(), "open connections are closed");
        }
        assertFalse(Files.exists(socket));
        assertThrows(IOException.class, () -> TestClient.connect(socket));
    }

    @Test
    void closesConnectionsFromAnotherUser() throws Exception {
        Path setpriv = Path.of("/usr/bin/setpriv");
        Path python = Path.of("/usr/bin/python3");
        assumeTrue((Integer) Files.getAttribute(dir, "unix:uid") == 0 && Files.isExecutable(setpriv)
                && Files.isExecutable(python), "needs root, setpriv and python3 to connect as another user");
        // Let the other user reach the socket at all, so that only the peer check can stop it.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));

        assertEquals("DATA", probe(List.of(python.toString())), "control: the daemon's own user is served");
        assertEquals(1, echoCalls.get());
        String foreign = probe(List.of(setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups",
                python.toString()));
        assertTrue(List.of("EOF", "RESET", "SENDFAIL").contains(foreign), foreign);
        assertEquals(1, echoCalls.get(), "the foreign request never reached a method");
    }

    private String probe(List<String> launcher) throws Exception {
        String script = String.join("\n",
                "import socket, struct, sys",
                "s = socket.socket(socket.AF_UNIX)",
                "s.connect(sys.argv[1])",
                "req = b'{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.echo\"}'",
                "try:",
                "    s.sendall(struct.pack('>I', len(req)) + req)",
                "except OSError:",
                "    print('SENDFAIL'); sys.exit(0)",
                "try:",
                "    print('EOF' if s.recv(4) == b'' else 'DATA')",
                "except ConnectionResetError:",
                "    print('RESET')");
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("-c", script, socket.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "probe finished");
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private void register(String name, IpcMethod method) {
        registry.add(method, Map.of(IpcMethod.METHOD, name, "service.id", nextServiceId++));
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
