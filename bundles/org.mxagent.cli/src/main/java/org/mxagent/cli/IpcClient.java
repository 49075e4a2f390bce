package org.mxagent.cli;

import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mxagent.ipc.wire.Frames;
import org.mxagent.ipc.wire.JsonException;
import org.mxagent.ipc.wire.JsonReader;
import org.mxagent.ipc.wire.JsonWriter;

/** One connection to the daemon: JSON-RPC calls, one at a time, over the Unix socket. */
final class IpcClient implements Closeable {
    /** Past the daemon's own 60 s call budget, so its clearer timeout error normally comes first. */
    static final long REPLY_TIMEOUT_MILLIS = 75_000;

    private final Path socket;
    private final SocketChannel channel;
    private final Verbose verbose;
    private final long replyTimeoutMillis;
    private long nextId = 1;

    private IpcClient(Path socket, SocketChannel channel, Verbose verbose, long replyTimeoutMillis) {
        this.socket = socket;
        this.channel = channel;
        this.verbose = verbose;
        this.replyTimeoutMillis = replyTimeoutMillis;
    }

    static IpcClient connect(Path socket, Verbose verbose) throws CliException {
        return connect(socket, verbose, REPLY_TIMEOUT_MILLIS);
    }

    static IpcClient connect(Path socket, Verbose verbose, long replyTimeoutMillis) throws CliException {
        verbose.log(1, "connecting to " + socket);
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            // Checked first because it is the common "not running" case and a stat is much cheaper than
            // initialising the JDK's Unix socket support.
            throw new DaemonNotRunning(socket, "no socket at");
        }
        try {
            // open(address) closes the channel itself when the connect fails.
            SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
            return new IpcClient(socket, channel, verbose, replyTimeoutMillis);
        } catch (ConnectException refused) {
            throw new DaemonNotRunning(socket, "nothing listens on");
        } catch (IOException e) {
            if (e instanceof SocketException && !Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
                throw new DaemonNotRunning(socket, "no socket at");
            }
            throw new CliException(ExitCodes.FAILURE, "cannot connect to the daemon at " + socket + ": "
                    + e.getMessage(), e);
        }
    }

    /** True if a daemon accepts connections on {@code socket}. */
    static boolean answers(Path socket) {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return probe.isConnected();
        } catch (IOException notListening) {
            return false;
        }
    }

    /** Receives the intermediate {@code stream} frames of a streaming method, in order. */
    interface StreamHandler {
        void frame(Map<String, Object> frame) throws CliException;
    }

    /**
     * Sends one request and returns its {@code result}; an {@code error} reply is thrown as {@link RemoteError}.
     * Intermediate {@code stream} frames are skipped.
     */
    Object call(String method, Map<String, Object> params) throws CliException {
        return call(method, params, null);
    }

    /** Like {@link #call(String, Map)}, handing each {@code stream} frame to {@code frames} (null: skip them). */
    Object call(String method, Map<String, Object> params, StreamHandler frames) throws CliException {
        long id = nextId++;
        long started = System.nanoTime();
        verbose.log(2, "-> " + method + " (id " + id + ")");
        try (ReplyDeadline deadline = new ReplyDeadline(channel, replyTimeoutMillis)) {
            try {
                send(request(id, method, params), method);
                while (true) {
                    Map<String, Object> reply = receive(method);
                    Object replyId = reply.get("id");
                    if (replyId == null && reply.containsKey("error")) {
                        throw RemoteError.from(Json.object(reply, "error"));
                    }
                    if (!(replyId instanceof Number number) || number.longValue() != id) {
                        throw new CliException(ExitCodes.FAILURE, "the daemon answered request " + replyId
                                + " while " + id + " was waiting");
                    }
                    if (reply.containsKey("stream")) {
                        if (frames != null) {
                            frames.frame(Json.object(reply, "stream"));
                        } else {
                            verbose.log(3, "skipped a stream frame of " + method);
                        }
                        continue;
                    }
                    verbose.log(2, "<- " + method + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
                    if (reply.containsKey("error")) {
                        throw RemoteError.from(Json.object(reply, "error"));
                    }
                    return reply.get("result");
                }
            } catch (IOException e) {
                if (deadline.fired()) {
                    throw new CliException(ExitCodes.TIMEOUT, "no reply from the daemon to " + method + " within "
                            + (replyTimeoutMillis % 1000 == 0 ? replyTimeoutMillis / 1000 + " s"
                                    : replyTimeoutMillis + " ms"));
                }
                throw new CliException(ExitCodes.FAILURE, "lost the connection to the daemon during " + method + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private static Map<String, Object> request(long id, String method, Map<String, Object> params) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("jsonrpc", "2.0");
        request.put("id", id);
        request.put("method", method);
        if (params != null) {
            request.put("params", params);
        }
        return request;
    }

    /** Encodes without an intermediate String and wipes the buffers after, as they may hold a password. */
    private void send(Map<String, Object> request, String method) throws IOException {
        StringBuilder text = new StringBuilder(128);
        JsonWriter.write(request, text);
        if (verbose.at(3)) {
            verbose.log(3, "request " + (method.startsWith("auth.") ? "(params hidden)" : text.toString()));
        }
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
        for (int i = 0; i < text.length(); i++) {
            text.setCharAt(i, '\0');
        }
        try {
            Frames.write(channel, bytes);
        } finally {
            Arrays.fill(bytes.array(), (byte) 0);
        }
    }

    private Map<String, Object> receive(String method) throws IOException, CliException {
        byte[] frame = Frames.read(channel);
        if (frame == null) {
            throw new CliException(ExitCodes.FAILURE, "the daemon closed the connection without answering " + method
                    + " (it may be stopping, or refused this user)");
        }
        String text = new String(frame, StandardCharsets.UTF_8);
        verbose.log(3, "frame " + text);
        Object reply;
        try {
            reply = JsonReader.parse(text);
        } catch (JsonException e) {
            throw new CliException(ExitCodes.FAILURE, "the daemon sent " + e.getMessage());
        }
        if (!Json.isObject(reply)) {
            throw new CliException(ExitCodes.FAILURE, "the daemon sent a reply that is not a JSON object");
        }
        return Json.object(reply);
    }

    Path socket() {
        return socket;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            verbose.log(1, "closing the connection failed: " + e.getMessage());
        }
    }
}
