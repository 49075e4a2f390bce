package org.mxagent.exec.impl.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.mxagent.discovery.api.AgentRegistration;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.exec.impl.tools.CallContext;
import org.mxagent.exec.impl.tools.CallOutcome;
import org.mxagent.exec.impl.tools.CallScopes;
import org.mxagent.exec.impl.tools.ToolRunner;
import org.mxagent.exec.impl.wire.Agents;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.PipelineDecision;
import org.mxagent.policy.api.PolicyService;
import org.mxagent.policy.api.PrivilegedRequest;
import org.mxagent.policy.api.RequestPayload;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.CallRequest;
import org.mxagent.protocol.api.event.CallResponse;
import org.mxagent.protocol.api.event.InvocationStatus;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.RejectReason;
import org.mxagent.tool.spi.PathScope;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.RoomEvent;
import org.osgi.service.log.Logger;

/**
 * Target side of {@code call.request}: the same checks as an exec (signature over the raw content, then the
 * pipeline with {@code allow_tools}), then the tool on a worker thread, then a signed {@code call.response}. A
 * refusal is a response with {@code ok: false}; its additive member {@value #ERROR_CODE} carries the stable reason
 * (e.g. {@code policy_denied}) or the tool's error code, so a requester can tell them apart.
 */
public final class CallRequestHandler {
    /** Additive {@code call.response} member (ours): why {@code ok} is false, as a stable code. */
    public static final String ERROR_CODE = "error_code";

    private final Agents agents;
    private final RequestVerifier verifier;
    private final PipelineFactory pipelines;
    private final PolicyService policy;
    private final ToolRunner tools;
    private final RunServices services;
    private final Executor calls;
    private final Supplier<HoldGates> gates;
    private final Logger log;

    public CallRequestHandler(Agents agents, PipelineFactory pipelines, Supplier<HoldGates> gates,
            PolicyService policy, ToolRunner tools, RunServices services, Executor calls) {
        this.agents = agents;
        this.gates = gates;
        this.verifier = new RequestVerifier(agents);
        this.pipelines = pipelines;
        this.policy = policy;
        this.tools = tools;
        this.services = services;
        this.calls = calls;
        this.log = services.log();
    }

    public void handle(RoomEvent event) {
        CallRequest request;
        try {
            request = ProtocolCodec.decode(CallRequest.class, event.content());
        } catch (MalformedEventException e) {
            log.info("dropped a malformed call.request {} from {}: {}", event.eventId(), event.sender(),
                    e.getMessage());
            return;
        }
        try {
            Optional<String> target = target(event.roomId(), request);
            if (target.isEmpty()) {
                log.debug("call.request {} is not for an agent this runtime hosts", request.requestId());
                return;
            }
            decide(event, request, target.get());
        } catch (DiscoveryException e) {
            log.warn("call.request {} not handled: cannot read the agents of {}: {}", request.requestId(),
                    event.roomId(), e.getMessage());
        }
    }

    /** {@code target_agent} if hosted here; without one, the only agent this runtime hosts in the room. */
    private Optional<String> target(String roomId, CallRequest request) throws DiscoveryException {
        List<AgentRegistration> hosted = agents.hostedIn(roomId);
        if (request.targetAgent().isPresent()) {
            String wanted = request.targetAgent().get();
            return hosted.stream().map(AgentRegistration::agentId).filter(wanted::equals).findFirst();
        }
        return hosted.size() == 1 ? Optional.of(hosted.get(0).agentId()) : Optional.empty();
    }

    private void decide(RoomEvent event, CallRequest request, String target) throws DiscoveryException {
        RequestVerifier.Verdict verdict = verifier.verify(event, request.requestingAgent());
        String requestingAgent = request.requestingAgent()
                .orElse(verdict.requester().map(a -> a.agentId()).orElse(""));
        PipelineDecision decision;
        try {
            decision = pipelines.forAgent(target, gates.get().gate(HeldRequests.CALL, event, request.requestId()))
                    .receive(privileged(event, request, verdict, requestingAgent, target));
        } catch (RuntimeException e) {
            log.error("call.request {}: the receive pipeline failed; refusing it", request.requestId(), e);
            respond(event.roomId(), request, CallOutcome.failure("policy_denied", "rejected: policy_denied"));
            return;
        }
        switch (decision.outcome()) {
            case DROPPED -> log.info("call.request {} from {} dropped: {} ({})", request.requestId(), event.sender(),
                    decision.rule(), decision.detail());
            case REJECTED -> {
                String reason = decision.reason().orElseThrow().wire();
                log.info("rejected call.request {} ({}) from {}: {} ({}: {})", request.requestId(), request.tool(),
                        event.sender(), reason, decision.rule(), decision.detail());
                respond(event.roomId(), request, CallOutcome.failure(reason, "rejected: " + reason));
            }
            case HELD -> log.info("call.request {} ({}) from {} is held for approval", request.requestId(),
                    request.tool(), event.sender());
            case ALLOWED -> run(event, request, requestingAgent, target, decision.allowance().orElseThrow());
        }
    }

    private static PrivilegedRequest privileged(RoomEvent event, CallRequest request, RequestVerifier.Verdict verdict,
            String requestingAgent, String target) {
        return Privileged.of(event, verdict, requestingAgent, target, request.nonce(), request.createdAt(),
                request.expiresAt(), request.invocationId(), new RequestPayload.Call(request.tool(),
                        OptionalLong.empty()));
    }

    private void run(RoomEvent event, CallRequest request, String requestingAgent, String target,
            Allowance allowance) {
        CallContext context = new CallContext(request.invocationId(), Optional.of(event.roomId()),
                Optional.of(event.sender()), allowance, scope(event.roomId(), event.sender()));
        InvocationStates.Tracker state = services.states().track(event.roomId(), request.invocationId(), null,
                requestingAgent, target);
        calls.execute(() -> {
            CallOutcome outcome = tools.run(request.tool(), request.args(), context);
            respond(event.roomId(), request, outcome);
            state.publish(outcome.ok() ? InvocationStatus.SUCCEEDED : InvocationStatus.FAILED, null);
            log.info("call {} ({}) from {}: {}", request.requestId(), request.tool(), event.sender(),
                    outcome.ok() ? "ok" : outcome.code() + ": " + outcome.error());
        });
    }

    /** A held call, as things are now: the pipeline again without its nonce and approval steps. */
    PipelineDecision reauthorize(RoomEvent event) throws MalformedEventException, DiscoveryException {
        CallRequest request = ProtocolCodec.decode(CallRequest.class, event.content());
        Optional<String> target = target(event.roomId(), request);
        if (target.isEmpty()) {
            return PipelineDecision.rejected(RejectReason.WRONG_TARGET, "wrong_target",
                    "the call's target is no longer hosted here");
        }
        RequestVerifier.Verdict verdict = verifier.verify(event, request.requestingAgent());
        String requestingAgent = request.requestingAgent().orElse(verdict.requester().map(a -> a.agentId()).orElse(""));
        return pipelines.forRelease(target.get()).receive(privileged(event, request, verdict, requestingAgent,
                target.get()));
    }

    /** Runs a held call the approvers granted. */
    void release(RoomEvent event, Allowance allowance) throws MalformedEventException, DiscoveryException {
        CallRequest request = ProtocolCodec.decode(CallRequest.class, event.content());
        Optional<String> target = target(event.roomId(), request);
        RequestVerifier.Verdict verdict = verifier.verify(event, request.requestingAgent());
        String requestingAgent = request.requestingAgent().orElse(verdict.requester().map(a -> a.agentId()).orElse(""));
        log.info("call.request {} released by its approvers", request.requestId());
        run(event, request, requestingAgent, target.orElse(""), allowance);
    }

    /** Answers a held call that will not run. */
    void deny(RoomEvent event, String reason) throws MalformedEventException {
        CallRequest request = ProtocolCodec.decode(CallRequest.class, event.content());
        respond(event.roomId(), request, CallOutcome.failure(reason, "rejected: " + reason));
    }

    /** The requester's {@code allow_cwd}: the paths a tool may read or run in for this call. */
    private PathScope scope(String roomId, String sender) {
        return CallScopes.of(policy, roomId, sender);
    }

    private void respond(String roomId, CallRequest request, CallOutcome outcome) {
        CallResponse response = response(request.requestId(), outcome);
        try {
            services.sender().send(roomId, response);
        } catch (IllegalArgumentException tooLarge) {
            send(roomId, response(request.requestId(),
                    CallOutcome.failure("result_too_large", "the result does not fit in one event: "
                            + tooLarge.getMessage())));
        } catch (MatrixException | CanonicalJsonException e) {
            log.warn("could not send call.response for {}: {}", request.requestId(), e.getMessage(), e);
        }
    }

    private void send(String roomId, CallResponse response) {
        try {
            services.sender().send(roomId, response);
        } catch (MatrixException | CanonicalJsonException | RuntimeException e) {
            log.warn("could not send call.response for {}: {}", response.requestId(), e.getMessage(), e);
        }
    }

    static CallResponse response(String requestId, CallOutcome outcome) {
        Map<String, JsonNode> extra = outcome.ok() ? Map.of()
                : Map.of(ERROR_CODE, ProtocolJson.nodes().textNode(outcome.code()));
        return new CallResponse(requestId, outcome.ok(), outcome.result(), outcome.error(), Optional.empty(), extra);
    }
}
