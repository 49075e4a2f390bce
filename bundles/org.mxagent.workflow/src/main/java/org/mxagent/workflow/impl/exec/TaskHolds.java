package org.mxagent.workflow.impl.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.mxagent.approval.api.ApprovalHolds;
import org.mxagent.approval.api.ApprovalRelease;
import org.mxagent.approval.api.Hold;
import org.mxagent.approval.api.HoldOrigin;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.ApprovalGate;
import org.mxagent.policy.api.ApprovalVerdict;
import org.mxagent.policy.api.Decision;
import org.mxagent.policy.api.PipelineDecision;
import org.mxagent.policy.api.PolicyService;
import org.mxagent.policy.api.PrivilegedRequest;
import org.mxagent.policy.api.RequestPayload;
import org.mxagent.policy.api.SignatureCheck;
import org.mxagent.policy.api.TrustCheck;
import org.mxagent.policy.api.TrustStore;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.ExecAction;
import org.mxagent.protocol.api.event.RejectReason;
import org.mxagent.protocol.api.sign.EventSignature;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.protocol.api.sign.TaskAuthorization;
import org.mxagent.terminal.api.LocalExec;
import org.mxagent.workflow.impl.recovery.ProcessLedger;
import org.mxagent.workflow.spi.Dispatch;
import org.mxagent.workflow.spi.DispatchOutcome;
import org.mxagent.workflow.spi.DispatchRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Task actions whose policy {@code requires_approval}: held by the approval service under request id
 * {@code approval:<task_id>} (consumer {@value #CONSUMER}); the task stays {@code executing} with its invocation
 * waiting. Released (exactly once, by the approval service) it runs under the allowance of the re-authorization;
 * denied or expired it fails with {@code approval_denied} / {@code approval_expired}.
 */
@Component(service = {TaskHolds.class, ApprovalRelease.class}, property = ApprovalRelease.CONSUMER + "="
        + TaskHolds.CONSUMER)
public final class TaskHolds implements ApprovalRelease {
    static final String CONSUMER = "task";

    private final PolicyService policy;
    private final TrustCheck trust;
    private final LocalExec exec;
    private final ProcessLedger ledger;
    private final Logger log;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ApprovalHolds approvals;

    @Activate
    public TaskHolds(@Reference PolicyService policy, @Reference(service = TrustStore.class) TrustCheck trust,
            @Reference LocalExec exec, @Reference ProcessLedger ledger, @Reference LocalSigner signer,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.policy = policy;
        this.trust = keyId -> keyId.equals(signer.keyId()) || trust.isTrusted(keyId);
        this.exec = exec;
        this.ledger = ledger;
        this.log = log;
    }

    static String requestId(String taskId) {
        return "approval:" + taskId;
    }

    /** Holds the action; the returned dispatch completes when the hold is released and has run, or ends. */
    Dispatch hold(DispatchRequest request, ExecAction action, Allowance allowance) {
        ApprovalHolds service = approvals;
        if (service == null) {
            return ExecStart.done(DispatchOutcome.refused(RejectReason.APPROVAL_DENIED.wire(),
                    "requires approval, but no approval service runs here"));
        }
        Optional<TaskAuthorization> auth = action.authorization();
        if (auth.isEmpty()) {
            return ExecStart.done(DispatchOutcome.refused(DispatchOutcome.DISPATCH_FAILED, "unauthorized action"));
        }
        String requestId = requestId(request.taskId());
        ApprovalGate gate = service.withOrigin(new HoldOrigin(CONSUMER, EventTypes.TASK, request.taskId(), requestId,
                origin(request, action)));
        PrivilegedRequest privileged = privileged(request, action, auth.get());
        Waiting entry = new Waiting(request, action, gate, privileged);
        waiting.put(requestId, entry);
        ApprovalVerdict verdict = gate.check(privileged, allowance);
        switch (verdict) {
            case HELD:
                log.info("task {} held for approval as {}", request.taskId(), requestId);
                return entry;
            case APPROVED:
                waiting.remove(requestId);
                return ExecStart.start(exec, ledger, request, action, allowance);
            case EXPIRED:
                waiting.remove(requestId);
                return ExecStart.done(DispatchOutcome.refused(RejectReason.APPROVAL_EXPIRED.wire(),
                        "the approval expired"));
            default:
                waiting.remove(requestId);
                return ExecStart.done(DispatchOutcome.refused(RejectReason.APPROVAL_DENIED.wire(),
                        "approval denied"));
        }
    }

    /** Policy and key trust as they are now; the authorization's signature was verified when the task was won. */
    @Override
    public PipelineDecision reauthorize(Hold hold) {
        PrivilegedRequest request = hold.request();
        if (!(request.payload() instanceof RequestPayload.Exec payload)) {
            return PipelineDecision.rejected(RejectReason.MALFORMED_REQUEST, "malformed_request",
                    "a task hold carries an exec payload");
        }
        if (!trust.isTrusted(request.keyId())) {
            return PipelineDecision.rejected(RejectReason.UNTRUSTED_KEY, "untrusted_key",
                    "key " + request.keyId() + " is no longer trusted");
        }
        Decision decision = policy.evaluateExec(payload.facts(request.roomId(), request.sender()));
        if (decision instanceof Decision.Denied denied) {
            return PipelineDecision.rejected(denied.reason(), denied.rule(), denied.detail());
        }
        return PipelineDecision.allowed(((Decision.Allowed) decision).allowance(), decision.rule());
    }

    @Override
    public void release(Hold hold, Allowance allowance) {
        Waiting entry = waiting.remove(hold.requestId());
        if (entry == null) {
            // The runtime restarted while it was held: recovery failed the task; it must not run now.
            log.warn("approval {} released, but no task waits for it here (restarted?); not run", hold.requestId());
            return;
        }
        log.info("task {} released by approval {}", entry.request.taskId(), hold.requestId());
        entry.run(ExecStart.start(exec, ledger, entry.request, entry.action, allowance));
    }

    @Override
    public void deny(Hold hold, String reason, String detail) {
        Waiting entry = waiting.remove(hold.requestId());
        if (entry == null) {
            log.info("approval {} ended ({}), but no task waits for it here", hold.requestId(), reason);
            return;
        }
        entry.outcome.complete(DispatchOutcome.refused(reason, "approval: " + (detail == null ? reason : detail)));
    }

    private static PrivilegedRequest privileged(DispatchRequest request, ExecAction action, TaskAuthorization auth) {
        return new PrivilegedRequest(request.roomId(), request.requesterUserId(), Optional.empty(),
                request.requestingAgent(), request.targetAgent(),
                auth.signature().map(EventSignature::keyId).orElse(""), SignatureCheck.VALID,
                request.requesterUserId(), auth.nonce(), auth.createdAt(), auth.expiresAt(),
                Optional.of(request.invocationId()), new RequestPayload.Exec(action.command(), action.cwd(),
                        action.env().keySet(), action.timeoutMs() == null ? OptionalLong.empty()
                                : OptionalLong.of(action.timeoutMs())));
    }

    /** What the hold records as its origin: the task, not a signed event of its own. */
    private static ObjectNode origin(DispatchRequest request, ExecAction action) {
        ObjectNode content = ProtocolJson.newObject();
        content.put("task_id", request.taskId());
        content.put("invocation_id", request.invocationId());
        action.command().forEach(content.putArray("command")::add);
        content.put("cwd", action.cwd());
        return content;
    }

    /** A held task: its outcome completes when the released run ends, or when the hold is denied. */
    private final class Waiting implements Dispatch {
        final DispatchRequest request;
        final ExecAction action;
        final ApprovalGate gate;
        final PrivilegedRequest privileged;
        final CompletableFuture<DispatchOutcome> outcome = new CompletableFuture<>();
        private Dispatch running;
        private String cancelled;

        Waiting(DispatchRequest request, ExecAction action, ApprovalGate gate, PrivilegedRequest privileged) {
            this.request = request;
            this.action = action;
            this.gate = gate;
            this.privileged = privileged;
        }

        synchronized void run(Dispatch started) {
            running = started;
            started.outcome().whenComplete((result, failure) -> {
                if (failure != null) {
                    outcome.completeExceptionally(failure);
                } else {
                    outcome.complete(result);
                }
            });
            if (cancelled != null) {
                started.cancel(cancelled);
            }
        }

        @Override
        public CompletionStage<DispatchOutcome> outcome() {
            return outcome;
        }

        @Override
        public synchronized void cancel(String reason) {
            cancelled = reason;
            if (running != null) {
                running.cancel(reason);
                return;
            }
            if (waiting.remove(requestId(request.taskId())) != null) {
                gate.withdraw(privileged);
                outcome.complete(new DispatchOutcome(false, DispatchOutcome.CANCELLED, null,
                        "cancelled while waiting for approval"));
            }
        }
    }
}
