package org.mxagent.exec.impl.requester;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.transport.api.RoomEvent;

/**
 * One exec or call this runtime requested (over Matrix, or loopback), from its start until its result has been
 * read: its frames for the CLI and its controls (stdin, cancel, resize).
 */
public abstract class Session {
    private final String invocationId;
    private final String kind;
    private final Optional<String> roomId;
    private final Optional<String> target;
    private final FrameBuffer frames;
    private final Instant createdAt;
    private volatile long lastReadNanos = System.nanoTime();

    protected Session(String invocationId, String kind, Optional<String> roomId, Optional<String> target,
            FrameBuffer frames, Instant createdAt) {
        this.invocationId = Objects.requireNonNull(invocationId, "invocationId");
        this.kind = kind;
        this.roomId = roomId;
        this.target = target;
        this.frames = frames;
        this.createdAt = createdAt;
    }

    public final String invocationId() {
        return invocationId;
    }

    /** {@code exec} or {@code call}. */
    public final String kind() {
        return kind;
    }

    /** The room of a remote session; empty for loopback. */
    public final Optional<String> roomId() {
        return roomId;
    }

    public final Optional<String> target() {
        return target;
    }

    public final FrameBuffer frames() {
        return frames;
    }

    /** A client is reading the frames now. */
    public final void reading() {
        lastReadNanos = System.nanoTime();
    }

    /** When a client last started reading (System.nanoTime). */
    public final long lastReadNanos() {
        return lastReadNanos;
    }

    /** The {@code request_id} a {@code call.response} carries; empty for an exec. */
    public Optional<String> requestId() {
        return Optional.empty();
    }

    /** A result-plane event for this session, straight from the sync thread: queue, do not work here. */
    public void onEvent(RoomEvent event) {
        // loopback sessions get nothing from the room
    }

    /** Input for the command; {@code eof} closes its stdin. */
    public abstract void stdin(byte[] data, boolean eof) throws DeskException;

    /** Asks the command to stop; false if it cannot be asked any more (finished). */
    public abstract boolean cancel(String reason);

    public abstract void resize(int rows, int cols) throws DeskException;

    /** requested, accepted, running, finished… for listings. */
    protected abstract String phase();

    public ObjectNode describe() {
        ObjectNode node = ProtocolJson.newObject();
        node.put("invocation_id", invocationId);
        node.put("role", "requester");
        node.put("kind", kind);
        node.put("mode", roomId.isPresent() ? "remote" : "loopback");
        roomId.ifPresent(room -> node.put("room_id", room));
        target.ifPresent(agent -> node.put("target", agent));
        node.put("phase", phase());
        node.put("created_at", createdAt.toString());
        frames.result().ifPresent(result -> node.set("result", result));
        return node;
    }
}
