package org.mxagent.exec.impl.ipc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.exec.impl.requester.FrameBuffer;
import org.mxagent.exec.impl.requester.Session;
import org.mxagent.protocol.api.ProtocolJson;

/**
 * Streams a session's frames to the client for at most one attach window (the daemon interrupts calls that run
 * past its budget), then returns either the final result or {@code {"done": false, "invocation_id", "cursor"}},
 * with which the client continues ({@code invocation.attach}). When the client's connection closes before the
 * session finished and nobody reads it again soon, the session is cancelled ({@link Orphans}).
 */
final class FrameStreamer {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private FrameStreamer() {}

    static ObjectNode stream(Session session, long cursor, IpcCall call, long windowMillis, Orphans orphans)
            throws IpcException {
        session.reading();
        call.whenConnectionCloses(() -> orphans.clientGone(session));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(windowMillis);
        long next = cursor;
        while (true) {
            FrameBuffer.Batch batch;
            try {
                batch = session.frames().read(next, Math.min(POLL_NANOS, Math.max(0, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw IpcException.failed("interrupted while streaming " + session.invocationId());
            }
            for (ObjectNode frame : batch.frames()) {
                call.stream(frame);
            }
            next = batch.nextCursor();
            if (batch.result().isPresent()) {
                return batch.result().get();
            }
            if (System.nanoTime() - deadline >= 0) {
                ObjectNode more = ProtocolJson.newObject();
                more.put("done", false);
                more.put("invocation_id", session.invocationId());
                more.put("cursor", next);
                return more;
            }
        }
    }
}
