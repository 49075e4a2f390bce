package org.mxagent.exec.impl.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.exec.impl.wire.QueuePacer;
import org.mxagent.exec.impl.wire.SerialQueue;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.ExecAccepted;
import org.mxagent.protocol.api.event.ExecFinished;
import org.mxagent.protocol.api.event.ExecRequest;
import org.mxagent.protocol.api.event.ExecStdin;
import org.mxagent.protocol.api.event.InvocationStatus;
import org.mxagent.protocol.api.event.PtyResize;
import org.mxagent.protocol.api.event.SignedEvent;
import org.mxagent.protocol.api.event.StreamChunk;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.terminal.api.ExecResult;
import org.mxagent.terminal.api.OutputSink;
import org.mxagent.terminal.api.RunningExec;
import org.mxagent.terminal.api.SpooledLog;
import org.mxagent.terminal.api.TerminalSize;
import org.mxagent.terminal.api.Termination;
import org.mxagent.terminal.api.stream.SendPacer;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.MediaAttachment;

/**
 * One invocation this runtime executes for a remote requester. Everything it sends goes through one ordered,
 * held queue: {@code exec.accepted} first (put in front once the process started), then the output chunks as the
 * run produces them, then artifacts, {@code exec.cancelled} (if cancelled) and {@code exec.finished}. Input
 * (stdin) is written from its own queue, so a child that does not read never blocks control frames.
 */
public final class ExecRun implements OutputSink {
    /** Above this many events waiting to be sent, optional flushes wait and output is coalesced. */
    private static final int PACER_THRESHOLD = 2;

    private final RunServices services;
    private final String roomId;
    private final ExecRequest request;
    private final AgentView requester;
    private final SerialQueue outbox;
    private final SerialQueue input;
    private final SendPacer pacer;
    private final InvocationStates.Tracker state;
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final AtomicLong sendFailures = new AtomicLong();
    private final AtomicLong sendRetries = new AtomicLong();
    private final Instant startedAt;
    private volatile RunningExec running;
    private volatile String phase = "starting";
    /** Guarded by {@code this}: the final state is decided, no "running" may follow it. */
    private boolean stateFinal;
    private ScheduledFuture<?> runningState;

    ExecRun(RunServices services, String roomId, ExecRequest request, AgentView requester) {
        this.services = services;
        this.roomId = roomId;
        this.request = request;
        this.requester = requester;
        this.outbox = new SerialQueue(services.executor(), services.log(), "exec " + request.invocationId(), true);
        this.input = new SerialQueue(services.executor(), services.log(), "stdin " + request.invocationId(), false);
        this.pacer = new QueuePacer(outbox::backlog, PACER_THRESHOLD);
        this.state = services.states().track(roomId, request.invocationId(), request.taskId(),
                request.requestingAgent(), request.targetAgent());
        this.startedAt = services.clock().instant();
    }

    public String invocationId() {
        return request.invocationId();
    }

    public String roomId() {
        return roomId;
    }

    public AgentView requester() {
        return requester;
    }

    public ExecRequest request() {
        return request;
    }

    /** The process started: accept, publish the state, and let the held output go. */
    void started(RunningExec process) {
        this.running = process;
        phase = "running";
        outbox.submitFirst(() -> send(new ExecAccepted(request.invocationId())));
        outbox.release();
        synchronized (this) {
            runningState = services.timer().schedule(this::publishRunning, services.runningStateDelayMillis(),
                    TimeUnit.MILLISECONDS);
        }
        process.onFinished().whenComplete((result, failure) -> outbox.submit(() -> complete(result, failure)));
    }

    /** Policy allowed the run but it could not start: accept, report why on its streams, finish with 127. */
    void failedToStart(String message) {
        phase = "failed to start";
        outbox.submitFirst(() -> send(new ExecAccepted(request.invocationId())));
        for (StreamChunk chunk : FailedStart.chunks(request.invocationId(), message, request.pty(),
                services.clock().instant())) {
            outbox.submit(() -> send(chunk));
        }
        outbox.submit(() -> {
            send(new ExecFinished(request.invocationId(), FailedStart.EXIT_CODE, null, 0, 0, 0, false, null,
                    Optional.empty(), Map.of()));
            publishFinal(InvocationStatus.FAILED, FailedStart.EXIT_CODE);
            services.runs().remove(this);
        });
        outbox.release();
    }

    private synchronized void publishRunning() {
        if (!stateFinal) {
            state.publish(InvocationStatus.RUNNING, null);
        }
    }

    private synchronized void publishFinal(InvocationStatus status, Integer exitCode) {
        stateFinal = true;
        if (runningState != null) {
            runningState.cancel(false);
        }
        state.publish(status, exitCode);
    }

    @Override
    public void chunk(StreamChunk chunk) {
        outbox.submit(() -> send(chunk));
    }

    @Override
    public SendPacer pacer() {
        return pacer;
    }

    /** True the first time this nonce is seen in this live run (control-frame replay protection). */
    boolean firstUseOf(String nonce) {
        return nonces.add(nonce);
    }

    void stdin(ExecStdin frame) {
        byte[] data;
        try {
            data = Base64.getDecoder().decode(frame.data());
        } catch (IllegalArgumentException notBase64) {
            services.log().info("invocation {}: ignored exec.stdin whose data is not base64", invocationId());
            return;
        }
        input.submit(() -> write(data, frame.eof()));
    }

    /** Stops the run (SIGTERM, grace, SIGKILL); false if it is not running or already stopping. */
    public boolean cancel(String reason) {
        RunningExec process = running;
        return process != null && process.cancel(reason);
    }

    void resize(PtyResize frame) {
        RunningExec process = running;
        if (process == null || !request.pty()) {
            services.log().info("invocation {}: ignored pty.resize (not a running PTY)", invocationId());
            return;
        }
        try {
            process.resize(new TerminalSize(frame.rows(), frame.cols(), frame.pixelWidth(), frame.pixelHeight()));
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            services.log().info("invocation {}: pty.resize {}x{} not applied: {}", invocationId(), frame.rows(),
                    frame.cols(), e.getMessage());
        }
    }

    /** For operators: what this run is and how it goes. */
    public ObjectNode describe() {
        ObjectNode node = ProtocolJson.newObject();
        node.put("invocation_id", invocationId());
        node.put("role", "target");
        node.put("room_id", roomId);
        node.put("requester", request.requestingAgent());
        node.put("requester_user", requester.state().matrixUserId());
        node.put("target", request.targetAgent());
        node.put("phase", phase);
        node.put("pty", request.pty());
        node.putArray("command").addAll(request.command().stream().map(ProtocolJson.nodes()::textNode).toList());
        node.put("started_at", startedAt.toString());
        node.put("running_ms", Duration.between(startedAt, services.clock().instant()).toMillis());
        RunningExec process = running;
        if (process != null) {
            node.put("pid", process.pid());
        }
        node.put("send_backlog", outbox.backlog());
        node.put("send_failures", sendFailures.get());
        node.put("send_retries", sendRetries.get());
        return node;
    }

    private void write(byte[] data, boolean eof) {
        RunningExec process = running;
        if (process == null) {
            return;
        }
        try {
            if (data.length > 0) {
                process.writeStdin(data);
            }
            if (eof) {
                process.closeStdin();
            }
        } catch (IOException | IllegalStateException e) {
            services.log().info("invocation {}: input not delivered: {}", invocationId(), e.getMessage());
        }
    }

    private void complete(ExecResult result, Throwable failure) {
        phase = "finishing";
        if (failure != null) {
            services.log().error("invocation {}: the run failed internally", invocationId(), failure);
            send(new ExecFinished(invocationId(), null, null, 0, 0, 0, true, null, Optional.empty(), Map.of()));
            publishFinal(InvocationStatus.FAILED, null);
            services.runs().remove(this);
            return;
        }
        Map<StreamName, String> uploaded = new EnumMap<>(StreamName.class);
        boolean lost = false;
        for (SpooledLog spooled : result.artifacts()) {
            Optional<MediaAttachment> attachment = services.uploader().upload(roomId, invocationId(), spooled);
            if (attachment.isEmpty()) {
                lost = true;
                continue;
            }
            String mxc = attachment.get().mxcUri();
            send(spooled.toStreamArtifact(invocationId(), mxc, attachment.get().encryptedFile()
                    .map(JsonNode.class::cast)));
            uploaded.put(spooled.stream(), mxc);
        }
        // exec.finished.artifact_mxc holds one URI: stdout's (or the PTY's), else stderr's.
        String artifactMxc = uploaded.getOrDefault(StreamName.STDOUT,
                uploaded.getOrDefault(StreamName.PTY, uploaded.get(StreamName.STDERR)));
        result.toExecCancelled().ifPresent(this::send);
        ExecFinished finished = result.toExecFinished(artifactMxc);
        if (lost) {
            finished = new ExecFinished(finished.invocationId(), finished.exitCode(), finished.signal(),
                    finished.durationMs(), finished.stdoutBytes(), finished.stderrBytes(), true, artifactMxc,
                    Optional.empty(), Map.of());
        }
        send(finished);
        publishFinal(finalStatus(result), result.exitCode());
        services.runs().remove(this);
        phase = "finished";
        services.log().info("invocation {} finished: exit {} signal {} ({}, {} ms, {} send failures)",
                invocationId(), String.valueOf(result.exitCode()), String.valueOf(result.signal()),
                result.termination(), result.durationMs(), sendFailures.get());
    }

    private static InvocationStatus finalStatus(ExecResult result) {
        if (result.termination() == Termination.CANCELLED) {
            return InvocationStatus.CANCELLED;
        }
        return Integer.valueOf(0).equals(result.exitCode()) ? InvocationStatus.SUCCEEDED : InvocationStatus.FAILED;
    }

    /** Sends one event, retried through a homeserver outage under one transaction id (the queue waits). */
    private void send(SignedEvent event) {
        try {
            services.sender().sendRetrying(roomId, event, (failures, failure, waitMillis) -> {
                sendRetries.incrementAndGet();
                services.log().warn("invocation {}: sending {} failed ({}), retrying with the same transaction id "
                        + "in {} ms (attempt {})", invocationId(), event.type(), failure.getMessage(), waitMillis,
                        failures + 1);
            });
        } catch (MatrixException | CanonicalJsonException | RuntimeException e) {
            long failures = sendFailures.incrementAndGet();
            if (failures == 1 || Long.bitCount(failures) == 1) {
                services.log().warn("invocation {}: could not send {} ({} failure(s) so far): {}", invocationId(),
                        event.type(), failures, e.getMessage(), e);
            }
        }
    }
}
