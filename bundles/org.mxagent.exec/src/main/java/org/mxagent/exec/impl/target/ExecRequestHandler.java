package org.mxagent.exec.impl.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.exec.impl.wire.Agents;
import org.mxagent.exec.impl.wire.SignedSender;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.PipelineDecision;
import org.mxagent.policy.api.PrivilegedRequest;
import org.mxagent.policy.api.RequestPayload;
import org.mxagent.policy.api.SignatureCheck;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.event.ExecRejected;
import org.mxagent.protocol.api.event.ExecRequest;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.RejectReason;
import org.mxagent.terminal.api.ExecException;
import org.mxagent.terminal.api.ExecSpec;
import org.mxagent.terminal.api.LocalExec;
import org.mxagent.terminal.api.RunningExec;
import org.mxagent.terminal.api.TerminalSize;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.RoomEvent;
import org.osgi.service.log.Logger;

/**
 * Target side of {@code exec.request}: parse (malformed: dropped, logged) → only requests addressed to an agent
 * this runtime hosts in that room (every runtime in the room sees every request; the others stay silent) →
 * signature over the raw content with the requester's published key → the policy pipeline (signature, target,
 * trust, sender pin, then the replay cache, then policy and audit) → {@code exec.rejected} or a run.
 */
public final class ExecRequestHandler {
    /** Additive {@code exec.request} members (ours): the PTY's initial size, so a child never starts at 24x80. */
    public static final String PTY_ROWS = "pty_rows";
    public static final String PTY_COLS = "pty_cols";

    private final Agents agents;
    private final RequestVerifier verifier;
    private final PipelineFactory pipelines;
    private final LocalExec exec;
    private final RunServices services;
    private final SignedSender sender;
    private final Supplier<HoldGates> gates;
    private final Logger log;

    public ExecRequestHandler(Agents agents, PipelineFactory pipelines, Supplier<HoldGates> gates, LocalExec exec,
            RunServices services) {
        this.agents = agents;
        this.gates = gates;
        this.verifier = new RequestVerifier(agents);
        this.pipelines = pipelines;
        this.exec = exec;
        this.services = services;
        this.sender = services.sender();
        this.log = services.log();
    }

    public void handle(RoomEvent event) {
        ExecRequest request;
        try {
            request = ProtocolCodec.decode(ExecRequest.class, event.content());
        } catch (MalformedEventException e) {
            log.info("dropped a malformed exec.request {} from {}: {}", event.eventId(), event.sender(),
                    e.getMessage());
            return;
        }
        try {
            if (!agents.hosts(event.roomId(), request.targetAgent())) {
                log.debug("exec.request {} is for {}, which this runtime does not host", request.invocationId(),
                        request.targetAgent());
                return;
            }
            if (services.runs().contains(request.invocationId())) {
                log.info("exec.request {} arrived again while its run is live; ignored", request.invocationId());
                return;
            }
            decide(event, request);
        } catch (DiscoveryException e) {
            log.warn("exec.request {} not handled: cannot read the agents of {}: {}", request.invocationId(),
                    event.roomId(), e.getMessage());
        }
    }

    private void decide(RoomEvent event, ExecRequest request) throws DiscoveryException {
        RequestVerifier.Verdict verdict = verifier.verify(event, Optional.of(request.requestingAgent()));
        if (verdict.check() == SignatureCheck.VALID && !request.hasValidIdempotencyKey()) {
            reject(event, request, RejectReason.MALFORMED_REQUEST, "idempotency_key must be exec:<invocation_id>");
            return;
        }
        PrivilegedRequest privileged = Privileged.of(event, verdict, request.requestingAgent(),
                request.targetAgent(), request.nonce(), request.createdAt(), request.expiresAt(),
                request.invocationId(), new RequestPayload.Exec(request.command(), request.cwd(),
                        request.env().keySet(), requestedTimeout(request)));
        PipelineDecision decision;
        try {
            decision = pipelines.forAgent(request.targetAgent(),
                    gates.get().gate(HeldRequests.EXEC, event, request.requestId())).receive(privileged);
        } catch (RuntimeException e) {
            log.error("exec.request {}: the receive pipeline failed; refusing it", request.invocationId(), e);
            reject(event, request, RejectReason.POLICY_DENIED, "pipeline failure");
            return;
        }
        switch (decision.outcome()) {
            case DROPPED -> log.info("exec.request {} from {} dropped: {} ({})", request.invocationId(),
                    event.sender(), decision.rule(), decision.detail());
            case REJECTED -> reject(event, request, decision.reason().orElseThrow(),
                    decision.rule() + ": " + decision.detail());
            case HELD -> log.info("exec.request {} from {} is held for approval (request {})",
                    request.invocationId(), event.sender(), request.requestId());
            case ALLOWED -> start(event, request, verdict.requester().orElseThrow(),
                    decision.allowance().orElseThrow());
        }
    }

    /** A held request, as things are now: the pipeline again without its nonce and approval steps. */
    PipelineDecision reauthorize(RoomEvent event) throws MalformedEventException, DiscoveryException {
        ExecRequest request = ProtocolCodec.decode(ExecRequest.class, event.content());
        if (!agents.hosts(event.roomId(), request.targetAgent())) {
            return PipelineDecision.rejected(RejectReason.WRONG_TARGET, "wrong_target",
                    request.targetAgent() + " is no longer hosted here");
        }
        RequestVerifier.Verdict verdict = verifier.verify(event, Optional.of(request.requestingAgent()));
        return pipelines.forRelease(request.targetAgent()).receive(Privileged.of(event, verdict,
                request.requestingAgent(), request.targetAgent(), request.nonce(), request.createdAt(),
                request.expiresAt(), request.invocationId(), new RequestPayload.Exec(request.command(), request.cwd(),
                        request.env().keySet(), requestedTimeout(request))));
    }

    /** Runs a held request the approvers granted (re-authorized just before). */
    void release(RoomEvent event, Allowance allowance) throws MalformedEventException, DiscoveryException {
        ExecRequest request = ProtocolCodec.decode(ExecRequest.class, event.content());
        Optional<AgentView> requester = agents.inRoom(event.roomId(), request.requestingAgent());
        if (requester.isEmpty()) {
            reject(event, request, RejectReason.UNTRUSTED_KEY.wire(), "the requester no longer publishes an agent");
            return;
        }
        log.info("exec.request {} released by its approvers", request.invocationId());
        start(event, request, requester.get(), allowance);
    }

    /** Answers a held request that will not run. */
    void deny(RoomEvent event, String reason) throws MalformedEventException {
        ExecRequest request = ProtocolCodec.decode(ExecRequest.class, event.content());
        reject(event, request, reason, "the approval hold ended without a run");
    }

    private void start(RoomEvent event, ExecRequest request, AgentView requester, Allowance allowance) {
        ExecRun run = new ExecRun(services, event.roomId(), request, requester);
        if (!services.runs().add(run)) {
            log.info("exec.request {} is already running", request.invocationId());
            return;
        }
        try {
            ExecSpec spec = new ExecSpec(request.invocationId(), request.command(), Path.of(request.cwd()),
                    request.env(), request.stdin(), request.pty() ? Optional.of(ptySize(request)) : Optional.empty(),
                    request.stream());
            RunningExec running = exec.start(spec, allowance, run);
            run.started(running);
            log.info("invocation {} from {} ({}) running as pid {}: {} in {} (sandbox {}, timeout {} ms)",
                    request.invocationId(), request.requestingAgent(), event.sender(), running.pid(),
                    request.command().get(0), request.cwd(), allowance.sandbox().wire(), allowance.timeoutMs());
        } catch (ExecException e) {
            if (e.rejectReason().isPresent()) {
                services.runs().remove(run);
                reject(event, request, e.rejectReason().get(), e.getMessage());
            } else {
                log.warn("invocation {} could not start: {}", request.invocationId(), e.getMessage(), e);
                run.failedToStart(e.getMessage());
            }
        } catch (IllegalArgumentException e) {
            log.warn("invocation {} could not start: {}", request.invocationId(), e.getMessage());
            run.failedToStart(e.getMessage());
        }
    }

    private void reject(RoomEvent event, ExecRequest request, RejectReason reason, String detail) {
        reject(event, request, reason.wire(), detail);
    }

    private void reject(RoomEvent event, ExecRequest request, String reason, String detail) {
        log.info("rejected exec.request {} from {} ({}): {} ({})", request.invocationId(), request.requestingAgent(),
                event.sender(), reason, detail);
        try {
            sender.send(event.roomId(), new ExecRejected(request.invocationId(), reason, Optional.empty(),
                    java.util.Map.of()));
        } catch (MatrixException | CanonicalJsonException | RuntimeException e) {
            log.warn("could not send exec.rejected for {}: {}", request.invocationId(), e.getMessage(), e);
        }
    }

    /** {@code timeout_ms} 0 means "unset" (the policy default applies). */
    private static OptionalLong requestedTimeout(ExecRequest request) {
        return request.timeoutMs() > 0 ? OptionalLong.of(request.timeoutMs()) : OptionalLong.empty();
    }

    static TerminalSize ptySize(ExecRequest request) {
        JsonNode rows = request.extra().get(PTY_ROWS);
        JsonNode cols = request.extra().get(PTY_COLS);
        if (rows != null && cols != null && rows.canConvertToInt() && cols.canConvertToInt()
                && rows.intValue() >= 1 && rows.intValue() <= 0xFFFF && cols.intValue() >= 1
                && cols.intValue() <= 0xFFFF) {
            return TerminalSize.of(rows.intValue(), cols.intValue());
        }
        return TerminalSize.DEFAULT;
    }
}
