package org.mxagent.cli;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mxagent.ipc.wire.Frames;
import org.mxagent.ipc.wire.JsonReader;
import org.mxagent.ipc.wire.JsonWriter;

/**
 * A stand-in daemon for the CLI tests: speaks the real frame format over a real Unix socket and answers each
 * method with a scripted handler. Written against the CLI's own codec, which the codec tests check separately.
 */
final class FakeDaemon implements AutoCloseable {

    interface Handler {
        Object handle(Map<String, Object> params, Call call) throws Failure;
    }

    /** An error reply. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final long code;
        final int exit;
        final transient Map<String, Object> data;

        Failure(long code, String message, int exit, Map<String, Object> data) {
            super(message);
            this.code = code;
            this.exit = exit;
            this.data = data;
        }
    }

    /** What a handler can do besides answering. */
    static final class Call {
        private final SocketChannel channel;
        private final Object id;
        private final List<Runnable> afterReply = new ArrayList<>();
        private boolean hangUp;
        private boolean silent;

        Call(SocketChannel channel, Object id) {
            this.channel = channel;
            this.id = id;
        }

        void stream(Object chunk) throws IOException {
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("jsonrpc", "2.0");
            frame.put("id", id);
            frame.put("stream", chunk);
            send(channel, frame);
        }

        /** Close the connection instead of answering. */
        void hangUp() {
            hangUp = true;
        }

        /** Never answer (the connection stays open). */
        void stayQuiet() {
            silent = true;
        }

        void afterReply(Runnable action) {
            afterReply.add(action);
        }
    }

    private final Path socket;
    private final ServerSocketChannel server;
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> requests = new CopyOnWriteArrayList<>();
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();

    private FakeDaemon(Path socket, ServerSocketChannel server) {
        this.socket = socket;
        this.server = server;
    }

    static FakeDaemon start(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        FakeDaemon daemon = new FakeDaemon(socket, server);
        Thread acceptor = new Thread(daemon::acceptLoop, "fake-daemon-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return daemon;
    }

    FakeDaemon on(String method, Handler handler) {
        handlers.put(method, handler);
        return this;
    }

    /** Every request received, in order, as parsed JSON. */
    List<Map<String, Object>> requests() {
        return requests;
    }

    List<String> methods() {
        List<String> methods = new ArrayList<>();
        for (Map<String, Object> request : requests) {
            methods.add(Json.string(request, "method"));
        }
        return methods;
    }

    Path socket() {
        return socket;
    }

    private void acceptLoop() {
        try {
            while (true) {
                SocketChannel client = server.accept();
                clients.add(client);
                Thread thread = new Thread(() -> serve(client), "fake-daemon-connection");
                thread.setDaemon(true);
                thread.start();
            }
        } catch (ClosedChannelException closed) {
            // close() ends the loop
        } catch (IOException e) {
            throw new IllegalStateException("fake daemon accept failed", e);
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            for (byte[] frame = Frames.read(client); frame != null; frame = Frames.read(client)) {
                Map<String, Object> request = Json.object(JsonReader.parse(new String(frame, StandardCharsets.UTF_8)));
                requests.add(request);
                Call call = new Call(client, request.get("id"));
                Map<String, Object> reply = answer(request, call);
                if (call.hangUp) {
                    return;
                }
                if (call.silent) {
                    continue;
                }
                send(client, reply);
                call.afterReply.forEach(Runnable::run);
            }
        } catch (ClosedChannelException closed) {
            // the test closed the daemon
        } catch (IOException e) {
            throw new IllegalStateException("fake daemon connection failed", e);
        }
    }

    private Map<String, Object> answer(Map<String, Object> request, Call call) {
        String method = Json.string(request, "method");
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("jsonrpc", "2.0");
        reply.put("id", request.get("id"));
        Handler handler = handlers.get(method);
        try {
            if (handler == null) {
                throw new Failure(-32601, "unknown method " + method, 1, Map.of());
            }
            reply.put("result", handler.handle(Json.object(request, "params"), call));
        } catch (Failure failure) {
            Map<String, Object> data = new LinkedHashMap<>(failure.data);
            data.put("exit", failure.exit);
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", failure.code);
            error.put("message", failure.getMessage());
            error.put("data", data);
            reply.put("error", error);
        }
        return reply;
    }

    private static void send(SocketChannel channel, Map<String, Object> message) throws IOException {
        Frames.write(channel, ByteBuffer.wrap(JsonWriter.write(message).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel client : clients) {
            client.close();
        }
        Files.deleteIfExists(socket);
    }
}
