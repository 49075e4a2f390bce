package org.mxagent.exec.impl.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.mxagent.exec.api.RemoteExecResult;
import org.mxagent.exec.api.RemoteInvocation;
import org.mxagent.exec.impl.requester.FrameBuffer;
import org.mxagent.exec.impl.requester.Session;
import org.osgi.service.log.Logger;

/**
 * One started session as a {@link RemoteInvocation}: {@link #read} consumes its frames (so the buffer never fills
 * and output is not dropped), keeps the stdout tail, and completes the result from the session's final frame.
 */
final class SessionResult implements RemoteInvocation {
    private static final int KEEP = 400;
    private static final long READ_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Session session;
    private final Logger log;
    private final CompletableFuture<RemoteExecResult> result = new CompletableFuture<>();
    private final StringBuilder tail = new StringBuilder();

    SessionResult(Session session, Logger log) {
        this.session = session;
        this.log = log;
    }

    @Override
    public String invocationId() {
        return session.invocationId();
    }

    @Override
    public CompletionStage<RemoteExecResult> result() {
        return result;
    }

    @Override
    public boolean cancel(String reason) {
        return session.cancel(reason);
    }

    /** Runs on a reader thread until the session's result (the exec desk always ends a session with one). */
    void read() {
        long cursor = 0;
        try {
            while (true) {
                session.reading();
                FrameBuffer.Batch batch = session.frames().read(cursor, READ_WAIT_NANOS);
                batch.frames().forEach(this::keep);
                cursor = batch.nextCursor();
                if (batch.result().isPresent()) {
                    result.complete(of(batch.result().get(), tail.toString().strip()));
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("invocation {}: stopped reading its result (runtime stopping)", invocationId());
            result.complete(new RemoteExecResult("runtime_stopped", null, null, Optional.empty(), false,
                    tail.toString().strip(), "the mx-agent runtime stopped before the result arrived"));
        } catch (RuntimeException e) {
            log.error("invocation {}: reading its frames failed: {}", invocationId(), e.toString(), e);
            result.complete(new RemoteExecResult("failed", null, null, Optional.empty(), false,
                    tail.toString().strip(), "reading the result failed: " + e));
        }
    }

    private void keep(ObjectNode frame) {
        if (!"stdout".equals(frame.path("stream").asText()) || !frame.hasNonNull("data_base64")) {
            return;
        }
        tail.append(new String(Base64.getDecoder().decode(frame.get("data_base64").asText()),
                StandardCharsets.UTF_8));
        if (tail.length() > KEEP) {
            tail.delete(0, tail.length() - KEEP);
        }
    }

    /** The CLI's result object (specs/exec.md) as a {@link RemoteExecResult}. */
    static RemoteExecResult of(ObjectNode done, String tail) {
        String outcome = done.path("outcome").asText("failed");
        JsonNode exit = done.get("remote_exit_code");
        JsonNode signal = done.get("signal");
        JsonNode reason = done.get("rejected_reason");
        return new RemoteExecResult(outcome,
                RemoteExecResult.EXITED.equals(outcome) && exit != null && exit.isInt() ? exit.asInt() : null,
                signal == null || signal.isNull() ? null : signal.asText(),
                reason == null || reason.isNull() ? Optional.empty() : Optional.of(reason.asText()),
                done.path("truncated").asBoolean(false), tail, done.path("message").asText(""));
    }
}
