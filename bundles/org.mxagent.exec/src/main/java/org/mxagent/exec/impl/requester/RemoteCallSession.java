package org.mxagent.exec.impl.requester;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.event.CallRequest;
import org.mxagent.protocol.api.event.CallResponse;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.RoomEvent;

/** A named call this runtime sent to another agent; only a signed {@code call.response} from the target counts. */
public final class RemoteCallSession extends Session {
    /** The additive member of {@code call.response} our targets set on failures. */
    static final String ERROR_CODE = "error_code";

    private final RequesterServices services;
    private final String roomId;
    private final AgentView target;
    private final CallRequest request;
    private final long timeoutMillis;
    private volatile String phase = "requested";
    private ScheduledFuture<?> deadline;

    public RemoteCallSession(RequesterServices services, String roomId, AgentView target, CallRequest request,
            long timeoutMillis) {
        super(request.invocationId(), "call", Optional.of(roomId), Optional.of(target.agentId()),
                new FrameBuffer(services.bufferBytes()), services.clock().instant());
        this.services = services;
        this.roomId = roomId;
        this.target = target;
        this.request = request;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public Optional<String> requestId() {
        return Optional.of(request.requestId());
    }

    public void start() throws DeskException {
        services.sessions().add(this);
        try {
            services.sender().send(roomId, request);
        } catch (MatrixException | CanonicalJsonException | RuntimeException e) {
            services.sessions().remove(this);
            throw new DeskException(DeskException.Kind.FAILED, "cannot send the call.request: " + e.getMessage(), e);
        }
        deadline = services.timer().schedule(this::timedOut, timeoutMillis + services.graceMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void onEvent(RoomEvent event) {
        services.pool().execute(() -> handle(event));
    }

    private void handle(RoomEvent event) {
        if (frames().isFinished()) {
            return;
        }
        if (org.mxagent.protocol.api.event.EventTypes.APPROVAL_REQUEST.equals(event.type())) {
            held(event);
            return;
        }
        if (!services.gate().accepts(event, roomId, target, invocationId())) {
            return;
        }
        CallResponse response;
        try {
            response = ProtocolCodec.decode(CallResponse.class, event.content());
        } catch (MalformedEventException e) {
            services.log().warn("call {}: dropped a malformed call.response: {}", request.requestId(), e.getMessage());
            return;
        }
        JsonNode code = response.extra().get(ERROR_CODE);
        end(CallResults.of(invocationId(), request.requestId(), response.ok(), response.result(), response.error(),
                response.ok() ? null : code != null && code.isTextual() ? code.asText() : "failed"));
    }

    /** The target holds the call for approval: wait until the hold expires, plus the timeout and grace. */
    private synchronized void held(RoomEvent event) {
        try {
            HoldNotice.of(event, roomId, target).ifPresent(hold -> {
                if (deadline != null) {
                    deadline.cancel(false);
                }
                long wait = java.time.Duration.between(services.clock().instant(), hold.expiresAt()).toMillis()
                        + timeoutMillis + services.graceMillis();
                deadline = services.timer().schedule(this::timedOut, Math.max(0, wait), TimeUnit.MILLISECONDS);
                phase = "held for approval";
            });
        } catch (IllegalArgumentException e) {
            services.log().info("call {}: {}", request.requestId(), e.getMessage());
        }
    }

    private void timedOut() {
        ObjectNode result = CallResults.timeout(invocationId(), request.requestId(), "no call.response from "
                + target.agentId() + " within " + (timeoutMillis + services.graceMillis()) + " ms");
        end(result);
    }

    private void end(ObjectNode result) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        phase = "done";
        frames().finish(result);
        services.sessions().retire(this);
    }

    @Override
    public void stdin(byte[] data, boolean eof) throws DeskException {
        throw new DeskException(DeskException.Kind.INVALID, "a call takes no input");
    }

    @Override
    public boolean cancel(String reason) {
        // call.request has no cancel on the wire: the requester just stops waiting.
        if (frames().isFinished()) {
            return false;
        }
        ObjectNode result = CallResults.of(invocationId(), request.requestId(), false, null,
                "cancelled by the caller (" + reason + "); the target may still run it", "cancelled");
        end(result);
        return true;
    }

    @Override
    public void resize(int rows, int cols) throws DeskException {
        throw new DeskException(DeskException.Kind.INVALID, "a call has no PTY");
    }

    @Override
    protected String phase() {
        return phase;
    }
}
