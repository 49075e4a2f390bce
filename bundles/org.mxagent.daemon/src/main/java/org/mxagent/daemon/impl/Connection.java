package org.mxagent.daemon.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.mxagent.daemon.api.IpcException;

/**
 * One client connection: reads request frames one after the other, dispatches each, writes its stream frames
 * and final reply. Runs on its own thread until the client hangs up or the server closes the channel.
 */
final class Connection implements Runnable {
    private final SocketChannel channel;
    private final Dispatcher dispatcher;
    private final int peerUid;
    private final Consumer<Connection> onClosed;
    private final Object writeLock = new Object();
    private final List<Runnable> closeHooks = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    Connection(SocketChannel channel, Dispatcher dispatcher, int peerUid, Consumer<Connection> onClosed) {
        this.channel = channel;
        this.dispatcher = dispatcher;
        this.peerUid = peerUid;
        this.onClosed = onClosed;
    }

    @Override
    public void run() {
        try {
            for (byte[] frame = FrameCodec.read(channel); frame != null; frame = FrameCodec.read(channel)) {
                handle(frame);
            }
        } catch (FrameCodec.FrameException e) {
            DaemonLog.warn("closing a connection that sent a bad frame: " + e.getMessage());
            sendLastWords(new IpcException(IpcException.INVALID_REQUEST, "invalid frame: " + e.getMessage(),
                    IpcException.EXIT_FAILURE));
        } catch (ClosedChannelException e) {
            // The server closed the channel (shutdown) or interrupted this thread: the normal way to end.
            DaemonLog.info("connection closed by the daemon");
        } catch (IOException e) {
            DaemonLog.warn("connection failed: " + e.getMessage());
        } finally {
            close();
        }
    }

    int peerUid() {
        return peerUid;
    }

    /** Orders every frame on this connection, and a call's end before its final reply. */
    Object writeLock() {
        return writeLock;
    }

    /** Tells a client that is turned away why, then hangs up. */
    void refuse(IpcException reason) {
        sendLastWords(reason);
        close();
    }

    void whenClosed(Runnable cleanup) {
        closeHooks.add(cleanup);
        if (closed.get() && closeHooks.remove(cleanup)) {
            runHook(cleanup);
        }
    }

    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            DaemonLog.warn("closing a connection failed: " + e.getMessage());
        }
        for (Runnable hook : closeHooks) {
            if (closeHooks.remove(hook)) {
                runHook(hook);
            }
        }
        onClosed.accept(this);
    }

    void writeStreamFrame(ActiveCall call, JsonNode chunk) throws IpcException {
        synchronized (writeLock) {
            if (call.hasEnded()) {
                throw IpcException.failed(call.method() + " has already ended; its stream is closed");
            }
            if (call.request().isNotification()) {
                return;
            }
            try {
                FrameCodec.write(channel, encode(JsonRpc.stream(call.request().id(), chunk)));
            } catch (IOException e) {
                throw IpcException.failed("lost the client connection: " + e.getMessage(), e);
            }
        }
    }

    private void handle(byte[] frame) throws IOException {
        Request request;
        try {
            request = Request.of(JsonRpc.MAPPER.readTree(frame));
        } catch (JsonProcessingException e) {
            writeFinal(null, JsonRpc.error(null,
                    new IpcException(IpcException.PARSE_ERROR, "parse error: " + e.getOriginalMessage(),
                            IpcException.EXIT_FAILURE)));
            return;
        } catch (Request.InvalidRequest e) {
            writeFinal(null, JsonRpc.error(e.id(), e.reason()));
            return;
        }
        ActiveCall call = new ActiveCall(this, request);
        JsonNode reply;
        try {
            reply = JsonRpc.result(request.id(), dispatcher.dispatch(request.method(), request.params(), call));
        } catch (IpcException e) {
            reply = JsonRpc.error(request.id(), e);
        }
        writeFinal(call, request.isNotification() ? null : reply);
        call.afterReplyActions().forEach(Connection::runHook);
    }

    /** Ends {@code call} (if any) so no stream frame can follow, and writes the reply (if any). */
    private void writeFinal(ActiveCall call, JsonNode reply) throws IOException {
        synchronized (writeLock) {
            if (call != null) {
                call.end();
            }
            if (reply != null) {
                byte[] bytes = encode(reply);
                if (bytes.length > FrameCodec.MAX_FRAME_BYTES) {
                    bytes = encode(JsonRpc.error(reply.get("id"), IpcException.internal(
                            "reply of " + bytes.length + " bytes exceeds the frame limit")));
                }
                FrameCodec.write(channel, bytes);
            }
        }
    }

    private void sendLastWords(IpcException reason) {
        synchronized (writeLock) {
            try {
                FrameCodec.write(channel, encode(JsonRpc.error(null, reason)));
            } catch (IOException e) {
                DaemonLog.warn("could not tell the client why it is disconnected: " + e.getMessage());
            }
        }
    }

    private static byte[] encode(JsonNode message) {
        try {
            return JsonRpc.MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            // Only a result holding something Jackson cannot write gets here: answer with an error instead.
            DaemonLog.error("cannot serialise a reply", e);
            try {
                return JsonRpc.MAPPER.writeValueAsBytes(JsonRpc.error(message.get("id"),
                        IpcException.internal("the daemon could not serialise its reply: " + e.getOriginalMessage())));
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException("cannot serialise a plain error reply", impossible);
            }
        }
    }

    private static void runHook(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            DaemonLog.error("a connection hook failed", e);
        }
    }
}
