package org.mxagent.exec.impl.requester;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.exec.impl.wire.SerialQueue;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.ExecAccepted;
import org.mxagent.protocol.api.event.ExecCancelled;
import org.mxagent.protocol.api.event.ExecFinished;
import org.mxagent.protocol.api.event.ExecRejected;
import org.mxagent.protocol.api.event.ExecRequest;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.ProtocolEvent;
import org.mxagent.protocol.api.event.SignedEvent;
import org.mxagent.protocol.api.event.StreamArtifact;
import org.mxagent.protocol.api.event.StreamChunk;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.terminal.api.TerminalSize;
import org.mxagent.terminal.api.stream.ReassemblyEvent;
import org.mxagent.terminal.api.stream.StreamReassembler;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.RoomEvent;

/**
 * An exec this runtime requested from another agent over Matrix. Result-plane events are accepted only from the
 * target ({@link ResultGate}) and handled in timeline order on the session's own queue; output goes through a
 * {@link StreamReassembler} (dedup, reorder window, sha256, strict mode) to the frames; output past the timeline
 * budget comes from the verified artifact. Control frames are signed and sent in order on a second queue; input
 * typed before {@code exec.accepted} waits for it. After the timeout + the grace period without a final answer, a
 * signed cancel goes out and the session ends with 129.
 */
public final class RemoteExecSession extends Session {
    private static final long CANCELLED_WAIT_MILLIS = 5_000;

    private enum Phase { REQUESTED, ACCEPTED, FINISHING, DONE }

    private final RequesterServices services;
    private final String roomId;
    private final AgentView target;
    private final ExecRequest request;
    private final boolean strict;
    private final TerminalSize initialSize;
    private final SerialQueue inbound;
    private final SerialQueue outbound;
    private final StreamReassembler reassembler;
    private final Map<StreamName, StreamTally> tallies = new EnumMap<>(StreamName.class);
    private final Map<StreamName, StreamArtifact> artifacts = new EnumMap<>(StreamName.class);
    private final List<byte[]> pendingInput = new ArrayList<>();
    private boolean pendingEof;
    private TerminalSize pendingSize;
    private boolean cancelRequested;
    private volatile Phase phase = Phase.REQUESTED;
    private ScheduledFuture<?> deadline;
    private ScheduledFuture<?> cancelledWait;
    private ExecCancelled cancelled;
    private int missingStreams;

    public RemoteExecSession(RequesterServices services, String roomId, AgentView target, ExecRequest request,
            boolean strict, TerminalSize initialSize) {
        super(request.invocationId(), "exec", Optional.of(roomId), Optional.of(target.agentId()),
                new FrameBuffer(services.bufferBytes()), services.clock().instant());
        this.services = services;
        this.roomId = roomId;
        this.target = target;
        this.request = request;
        this.strict = strict;
        this.initialSize = initialSize;
        this.inbound = new SerialQueue(services.pool(), services.log(), "results " + request.invocationId(), false);
        this.outbound = new SerialQueue(services.pool(), services.log(), "controls " + request.invocationId(), false);
        this.reassembler = new StreamReassembler(request.invocationId(), StreamReassembler.DEFAULT_WINDOW, strict);
    }

    /** Registers the session (so no result can arrive unseen), sends the signed request, arms the deadline. */
    public void start() throws DeskException {
        services.sessions().add(this);
        ObjectNode started = Frames.event("started");
        started.put("invocation_id", invocationId());
        started.put("room_id", roomId);
        started.put("target", target.agentId());
        started.put("requester", request.requestingAgent());
        started.put("mode", "remote");
        frames().offer(started, 0);
        try {
            services.sender().send(roomId, request);
        } catch (MatrixException | CanonicalJsonException | RuntimeException e) {
            services.sessions().remove(this);
            throw new DeskException(DeskException.Kind.FAILED, "cannot send the exec.request: " + e.getMessage(), e);
        }
        deadline = services.timer().schedule(() -> inbound.submit(this::timedOut),
                request.timeoutMs() + services.graceMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onEvent(RoomEvent event) {
        inbound.submit(() -> handle(event));
    }

    @Override
    public synchronized void stdin(byte[] data, boolean eof) throws DeskException {
        if (!request.stdin()) {
            throw new DeskException(DeskException.Kind.INVALID, "this exec was started without stdin");
        }
        if (phase == Phase.REQUESTED) {
            pendingInput.add(data.clone());
            pendingEof |= eof;
            return;
        }
        if (phase == Phase.ACCEPTED) {
            sendInput(data.clone(), eof);
        }
    }

    @Override
    public synchronized boolean cancel(String reason) {
        if (phase == Phase.DONE) {
            return false;
        }
        cancelRequested = true;
        outbound.submit(() -> send(Controls.cancel(invocationId(), reason, services.clock().instant())));
        return true;
    }

    @Override
    public synchronized void resize(int rows, int cols) throws DeskException {
        if (!request.pty()) {
            throw new DeskException(DeskException.Kind.INVALID, "this exec has no PTY");
        }
        TerminalSize size;
        try {
            size = TerminalSize.of(rows, cols);
        } catch (IllegalArgumentException e) {
            throw new DeskException(DeskException.Kind.INVALID, e.getMessage());
        }
        if (phase == Phase.REQUESTED) {
            pendingSize = size;
        } else if (phase == Phase.ACCEPTED) {
            outbound.submit(() -> send(Controls.resize(invocationId(), size.rows(), size.cols(),
                    services.clock().instant())));
        }
    }

    @Override
    protected String phase() {
        return phase.name().toLowerCase(java.util.Locale.ROOT);
    }

    private void handle(RoomEvent event) {
        if (phase == Phase.DONE) {
            return;
        }
        if (EventTypes.APPROVAL_REQUEST.equals(event.type())) {
            held(event);
            return;
        }
        if (!services.gate().accepts(event, roomId, target, invocationId())) {
            return;
        }
        ProtocolEvent decoded;
        try {
            decoded = ProtocolCodec.decode(event.type(), event.content());
        } catch (MalformedEventException e) {
            services.log().warn("invocation {}: dropped a malformed {}: {}", invocationId(), event.type(),
                    e.getMessage());
            return;
        }
        if (decoded instanceof ExecAccepted) {
            accepted();
        } else if (decoded instanceof ExecRejected rejected) {
            end(ExecResults.rejected(invocationId(), rejected.reason()));
        } else if (decoded instanceof StreamChunk chunk) {
            deliver(reassembler.accept(chunk));
            if (reassembler.report().failed()) {
                failIntegrity();
            }
        } else if (decoded instanceof StreamArtifact artifact) {
            artifacts.put(artifact.stream(), artifact);
        } else if (decoded instanceof ExecCancelled stop) {
            cancelledNotice(stop);
        } else if (decoded instanceof ExecFinished finished) {
            finished(finished);
        }
    }

    /** The target holds the request for approval: wait until the hold expires, plus the timeout and grace. */
    private void held(RoomEvent event) {
        Optional<HoldNotice.Held> hold;
        try {
            hold = HoldNotice.of(event, roomId, target);
        } catch (IllegalArgumentException e) {
            services.log().info("invocation {}: {}", invocationId(), e.getMessage());
            return;
        }
        if (hold.isEmpty() || phase != Phase.REQUESTED) {
            return;
        }
        long wait = java.time.Duration.between(services.clock().instant(), hold.get().expiresAt()).toMillis()
                + request.timeoutMs() + services.graceMillis();
        if (deadline != null) {
            deadline.cancel(false);
        }
        deadline = services.timer().schedule(() -> inbound.submit(this::timedOut), Math.max(0, wait),
                TimeUnit.MILLISECONDS);
        ObjectNode frame = Frames.event("held");
        frame.put("request_id", hold.get().requestId());
        frame.put("expires_at", hold.get().expiresAt().toString());
        frame.put("message", "held by the target for approval (request " + hold.get().requestId()
                + ", until " + hold.get().expiresAt() + ")");
        frames().offer(frame, 0);
    }

    private synchronized void accepted() {
        if (phase != Phase.REQUESTED) {
            return;
        }
        phase = Phase.ACCEPTED;
        frames().offer(Frames.event("accepted"), 0);
        if (request.pty() && !initialSize.equals(TerminalSize.DEFAULT)) {
            // Ours start at pty_rows x pty_cols already; a peer starts at 24x80 and needs this resize.
            outbound.submit(() -> send(Controls.resize(invocationId(), initialSize.rows(), initialSize.cols(),
                    services.clock().instant())));
        }
        if (!pendingInput.isEmpty() || pendingEof) {
            java.io.ByteArrayOutputStream held = new java.io.ByteArrayOutputStream();
            pendingInput.forEach(held::writeBytes);
            sendInput(held.toByteArray(), pendingEof);
            pendingInput.clear();
        }
        if (pendingSize != null) {
            TerminalSize size = pendingSize;
            outbound.submit(() -> send(Controls.resize(invocationId(), size.rows(), size.cols(),
                    services.clock().instant())));
        }
        if (cancelRequested) {
            outbound.submit(() -> send(Controls.cancel(invocationId(), "caller_cancelled",
                    services.clock().instant())));
        }
    }

    private void sendInput(byte[] data, boolean eof) {
        outbound.submit(() -> {
            if (data.length == 0) {
                send(Controls.stdin(invocationId(), data, 0, 0, eof, services.clock().instant()));
                return;
            }
            for (int from = 0; from < data.length; from += Controls.STDIN_PIECE) {
                int to = Math.min(data.length, from + Controls.STDIN_PIECE);
                send(Controls.stdin(invocationId(), data, from, to, eof && to == data.length,
                        services.clock().instant()));
            }
        });
    }

    private void deliver(List<ReassemblyEvent> events) {
        for (ReassemblyEvent event : events) {
            if (event instanceof ReassemblyEvent.Data data) {
                tallies.computeIfAbsent(data.stream(), s -> new StreamTally()).add(data.bytes(), 0,
                        data.bytes().length);
                frames().offer(Frames.data(data.stream(), data.bytes(), 0, data.bytes().length), data.bytes().length);
            } else if (!(event instanceof ReassemblyEvent.Ended)) {
                frames().offer(Frames.integrity(event), 0);
            }
        }
    }

    private void cancelledNotice(ExecCancelled stop) {
        cancelled = stop;
        ObjectNode frame = Frames.event("cancelled");
        frame.put("signal_sent", stop.signalSent());
        frame.put("killed_process_group", stop.killedProcessGroup());
        frames().offer(frame, 0);
        // A peer may end with exec.cancelled alone: if no exec.finished follows, finish from it.
        cancelledWait = services.timer().schedule(() -> inbound.submit(this::finishFromCancelled),
                CANCELLED_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void finishFromCancelled() {
        if (phase == Phase.DONE || phase == Phase.FINISHING || cancelled == null) {
            return;
        }
        finished(new ExecFinished(invocationId(), null, cancelled.signalSent(), 0, 0, 0, false, null,
                Optional.empty(), Map.of()));
    }

    private void finished(ExecFinished finished) {
        if (phase == Phase.FINISHING) {
            return;
        }
        phase = Phase.FINISHING;
        cancelTimers();
        deliver(reassembler.close());
        int missing = reportMissingStreams();
        if (reassembler.report().failed() || strict && missing > 0) {
            failIntegrity();
            return;
        }
        List<StreamArtifact> needed = new ArrayList<>(artifacts.values());
        if (needed.isEmpty()) {
            end(ExecResults.finished(invocationId(), finished, reassembler.report(), List.of(), strict,
                    missingStreams));
            return;
        }
        services.pool().execute(() -> {
            List<ArtifactTail.Report> reports = new ArrayList<>();
            for (StreamArtifact artifact : needed) {
                reports.add(tail(artifact));
            }
            inbound.submit(() -> end(ExecResults.finished(invocationId(), finished, reassembler.report(), reports,
                    strict, missingStreams)));
        });
    }

    /**
     * Streams that never showed up at all (every target ends each stream with an EOF marker, even an empty one):
     * reported like a lost stream. The reassembler only knows the streams it saw.
     */
    private int reportMissingStreams() {
        List<StreamName> expected = request.pty() ? List.of(StreamName.PTY)
                : List.of(StreamName.STDOUT, StreamName.STDERR);
        int missing = 0;
        for (StreamName stream : expected) {
            if (!reassembler.ended(stream) && !tallies.containsKey(stream) && !artifacts.containsKey(stream)) {
                missing++;
                missingStreams++;
                frames().offer(Frames.integrity(new ReassemblyEvent.Lost(stream, 0, -1)), 0);
            }
        }
        return missing;
    }

    /** Downloads, verifies (sha256 of the upload) and shows the rest of one artifact. */
    private ArtifactTail.Report tail(StreamArtifact artifact) {
        StreamTally tally = tallies.computeIfAbsent(artifact.stream(), s -> new StreamTally());
        try {
            byte[] uploaded = services.client().require().downloadAttachment(artifact.mxcUri(),
                    artifact.encryptedFile());
            if (!ArtifactTail.sha256Matches(uploaded, artifact.sha256())) {
                return problem(artifact, "sha256 mismatch: the download does not hash to " + artifact.sha256());
            }
            InputStream raw = ArtifactTail.rawLog(uploaded, artifact.mimeType());
            ArtifactTail.Report report = ArtifactTail.emit(artifact.stream(), raw, tally, frames(),
                    services.maxArtifactBytes());
            report.problem().ifPresent(p -> warn(artifact.stream(), p));
            return report;
        } catch (MatrixException | IOException e) {
            return problem(artifact, "cannot fetch " + artifact.mxcUri() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem(artifact, "interrupted");
        }
    }

    private ArtifactTail.Report problem(StreamArtifact artifact, String problem) {
        warn(artifact.stream(), problem);
        return new ArtifactTail.Report(artifact.stream(), 0, 0, Optional.of(problem));
    }

    private void warn(StreamName stream, String problem) {
        services.log().warn("invocation {}: {} artifact: {}", invocationId(), stream.wire(), problem);
        frames().offer(Frames.warning(stream.wire() + " artifact: " + problem), 0);
    }

    private void failIntegrity() {
        ObjectNode result = ExecResults.base(invocationId(), "integrity", ExitCodes.INTEGRITY);
        result.set("integrity", ExecResults.integrity(reassembler.report(), false, missingStreams));
        result.put("message", "stream integrity failure (--strict-stream); the remote run was asked to stop");
        outbound.submit(() -> send(Controls.cancel(invocationId(), "stream_integrity", services.clock().instant())));
        end(result);
    }

    private void timedOut() {
        if (phase == Phase.DONE) {
            return;
        }
        long waited = request.timeoutMs() + services.graceMillis();
        services.log().warn("invocation {}: no final answer from {} within {} ms; sending a cancel", invocationId(),
                target.agentId(), waited);
        outbound.submit(() -> send(Controls.cancel(invocationId(), "requester_timeout", services.clock().instant())));
        ObjectNode result = ExecResults.base(invocationId(), "timeout", ExitCodes.TIMEOUT);
        result.put("message", "no answer from " + target.agentId() + " within the timeout + "
                + Duration.ofMillis(services.graceMillis()).toSeconds() + " s; a signed cancel was sent");
        result.put("accepted", phase != Phase.REQUESTED);
        end(result);
    }

    private void end(ObjectNode result) {
        synchronized (this) {
            if (phase == Phase.DONE) {
                return;
            }
            phase = Phase.DONE;
        }
        cancelTimers();
        frames().finish(result);
        services.sessions().retire(this);
    }

    private void cancelTimers() {
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (cancelledWait != null) {
            cancelledWait.cancel(false);
        }
    }

    /** Sends a control frame, retried through a homeserver outage under one transaction id (the queue waits). */
    private void send(SignedEvent event) {
        try {
            services.sender().sendRetrying(roomId, event, (failures, failure, waitMillis) -> services.log().warn(
                    "invocation {}: sending {} failed ({}), retrying with the same transaction id in {} ms",
                    invocationId(), event.type(), failure.getMessage(), waitMillis));
        } catch (MatrixException | CanonicalJsonException | RuntimeException e) {
            services.log().warn("invocation {}: could not send {}: {}", invocationId(), event.type(), e.getMessage(),
                    e);
            frames().offer(Frames.warning("could not send " + event.type() + ": " + e.getMessage()), 0);
        }
    }
}
