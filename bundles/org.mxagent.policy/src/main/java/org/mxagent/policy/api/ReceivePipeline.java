package org.mxagent.policy.api;

import org.mxagent.protocol.api.event.RejectReason;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides one privileged request ({@code exec.request} / {@code call.request}), in this order:
 * <ol>
 * <li>signature valid ({@code unsigned}, {@code invalid_signature}, {@code untrusted_key} for an unknown key);</li>
 * <li>{@code target_agent} is this agent ({@code wrong_target});</li>
 * <li>the signing key id is trusted locally ({@code untrusted_key});</li>
 * <li>the requester's published {@code matrix_user_id} is the Matrix sender ({@code invalid_signature}, rule
 *     {@code sender_mismatch});</li>
 * <li>time window and nonce: {@link NonceAdmission#admit} (replays, expired requests and an unusable cache are
 *     dropped without an answer; malformed windows are {@code malformed_request});</li>
 * <li>policy, keyed by the authenticated sender ({@link PolicyCheck});</li>
 * <li>verified device when policy demands one ({@code unverified_device});</li>
 * <li>approval when policy demands it (held, {@code approval_denied}, {@code approval_expired});</li>
 * <li>an audit record; if it cannot be written the request is denied ({@code policy_denied}, rule
 *     {@code audit_unavailable}).</li>
 * </ol>
 * Steps 1–4 come before the nonce is admitted so that requests nobody trusted signed can never evict genuine
 * nonces from the replay cache. Only requests that reach step 6 are audited: everything before it can be sent
 * by anyone, and auditing it would let anyone fill the disk. Any exception thrown by a collaborator other than
 * the audit trail propagates, and the caller must then not run the request.
 */
public final class ReceivePipeline {
    private final String thisAgentId;
    private final TrustCheck trust;
    private final NonceAdmission nonces;
    private final PolicyCheck policy;
    private final DeviceCheck devices;
    private final ApprovalGate approvals;
    private final AuditTrail audit;
    private final Clock clock;

    public ReceivePipeline(String thisAgentId, TrustCheck trust, NonceAdmission nonces, PolicyCheck policy,
            DeviceCheck devices, ApprovalGate approvals, AuditTrail audit, Clock clock) {
        this.thisAgentId = Objects.requireNonNull(thisAgentId, "thisAgentId");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.approvals = Objects.requireNonNull(approvals, "approvals");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PipelineDecision receive(PrivilegedRequest request) {
        Optional<PipelineDecision> refused = checkSignature(request)
                .or(() -> checkTarget(request))
                .or(() -> checkTrust(request))
                .or(() -> checkSender(request))
                .or(() -> admit(request));
        if (refused.isPresent()) {
            return refused.get();
        }
        return audited(request, authorize(request));
    }

    private static Optional<PipelineDecision> checkSignature(PrivilegedRequest request) {
        return switch (request.signature()) {
            case VALID -> Optional.empty();
            case UNSIGNED -> reject(RejectReason.UNSIGNED, Rules.UNSIGNED, "request carries no signature");
            case INVALID -> reject(RejectReason.INVALID_SIGNATURE, Rules.INVALID_SIGNATURE, "signature does not verify");
            case KEY_ID_MISMATCH -> reject(RejectReason.INVALID_SIGNATURE, Rules.KEY_ID_MISMATCH,
                    "signature key id is not the requester's published signing key id");
            case UNKNOWN_KEY -> reject(RejectReason.UNTRUSTED_KEY, Rules.UNKNOWN_KEY,
                    "requester has no usable published signing key");
        };
    }

    private Optional<PipelineDecision> checkTarget(PrivilegedRequest request) {
        if (request.targetAgent().equals(thisAgentId)) {
            return Optional.empty();
        }
        return reject(RejectReason.WRONG_TARGET, Rules.WRONG_TARGET,
                "addressed to " + request.targetAgent() + ", this agent is " + thisAgentId);
    }

    private Optional<PipelineDecision> checkTrust(PrivilegedRequest request) {
        if (trust.isTrusted(request.keyId())) {
            return Optional.empty();
        }
        return reject(RejectReason.UNTRUSTED_KEY, Rules.UNTRUSTED_KEY, "key " + request.keyId() + " is not trusted");
    }

    private static Optional<PipelineDecision> checkSender(PrivilegedRequest request) {
        String published = request.publishedMatrixUserId();
        if (!published.isEmpty() && published.equals(request.sender())) {
            return Optional.empty();
        }
        return reject(RejectReason.INVALID_SIGNATURE, Rules.SENDER_MISMATCH,
                "sent by " + request.sender() + " but the requester's agent publishes matrix_user_id '"
                        + published + "'");
    }

    private Optional<PipelineDecision> admit(PrivilegedRequest request) {
        Admission admission = nonces.admit(request.nonce(), request.createdAt(), request.expiresAt(),
                clock.instant());
        return switch (admission) {
            case ADMITTED -> Optional.empty();
            case REPLAYED, EXPIRED, CACHE_UNAVAILABLE -> Optional.of(PipelineDecision.dropped(admission.rule(),
                    "nonce not admitted: " + admission.rule()));
            case INVALID_NONCE, UNPARSEABLE_TIME, LIFETIME_OUT_OF_BOUNDS, CREATED_IN_FUTURE -> reject(
                    RejectReason.MALFORMED_REQUEST, admission.rule(), "nonce not admitted: " + admission.rule());
        };
    }

    /** Policy, then the device and approval hooks: the decision and how the audit log describes it. */
    private Authorization authorize(PrivilegedRequest request) {
        Decision decision = evaluate(request);
        if (decision instanceof Decision.Denied denied) {
            return Authorization.denied(PipelineDecision.rejected(denied.reason(), denied.rule(), denied.detail()));
        }
        Decision.Allowed allowed = (Decision.Allowed) decision;
        Allowance allowance = allowed.allowance();
        if (allowance.requireVerifiedDevice() && !devices.isVerified(request.sender(), request.senderDevice())) {
            return Authorization.denied(PipelineDecision.rejected(RejectReason.UNVERIFIED_DEVICE,
                    Rules.UNVERIFIED_DEVICE, "policy requires a verified device; "
                            + request.senderDevice().map(d -> "device " + d + " is not verified")
                                    .orElse("the event came from no known device")));
        }
        if (!allowance.requiresApproval()) {
            return new Authorization(PipelineDecision.allowed(allowance, allowed.rule()), AuditDecision.ALLOWED,
                    allowed.rule(), Optional.of(allowance.sandbox()));
        }
        return switch (approvals.check(request, allowance)) {
            case APPROVED -> new Authorization(PipelineDecision.allowed(allowance, allowed.rule()),
                    AuditDecision.RELEASED, allowed.rule(), Optional.of(allowance.sandbox()));
            case HELD -> new Authorization(PipelineDecision.held(allowance), AuditDecision.HELD, allowed.rule(),
                    Optional.of(allowance.sandbox()));
            case DENIED -> Authorization.denied(PipelineDecision.rejected(RejectReason.APPROVAL_DENIED,
                    Rules.APPROVAL_DENIED, "an approver denied the request"));
            case EXPIRED -> new Authorization(PipelineDecision.rejected(RejectReason.APPROVAL_EXPIRED,
                    Rules.APPROVAL_EXPIRED, "no approval decision before the hold expired"), AuditDecision.EXPIRED,
                    Rules.APPROVAL_EXPIRED, Optional.empty());
        };
    }

    private Decision evaluate(PrivilegedRequest request) {
        if (request.payload() instanceof RequestPayload.Exec exec) {
            return policy.evaluateExec(exec.facts(request.roomId(), request.sender()));
        }
        RequestPayload.Call call = (RequestPayload.Call) request.payload();
        return policy.evaluateCall(call.facts(request.roomId(), request.sender()));
    }

    private PipelineDecision audited(PrivilegedRequest request, Authorization authorization) {
        PipelineDecision decision = authorization.decision();
        try {
            audit.record(auditRecord(request, authorization));
            return decision;
        } catch (AuditException e) {
            if (decision.outcome() == PipelineDecision.Outcome.HELD) {
                approvals.withdraw(request);
            }
            String failure = "audit log write failed: " + e.getMessage();
            if (decision.outcome() == PipelineDecision.Outcome.REJECTED) {
                return PipelineDecision.rejected(decision.reason().orElseThrow(), decision.rule(),
                        decision.detail() + "; " + failure);
            }
            return PipelineDecision.rejected(RejectReason.POLICY_DENIED, Rules.AUDIT_UNAVAILABLE, failure);
        }
    }

    private AuditRecord auditRecord(PrivilegedRequest request, Authorization authorization) {
        List<String> command = List.of();
        Optional<String> tool = Optional.empty();
        if (request.payload() instanceof RequestPayload.Exec exec) {
            command = exec.argv();
        } else {
            tool = Optional.of(((RequestPayload.Call) request.payload()).tool());
        }
        return new AuditRecord(clock.instant(), request.roomId(), request.requestingAgent(), request.sender(),
                request.targetAgent(), request.invocationId(), request.payload().kind(), command, tool,
                authorization.auditDecision(), authorization.policyRule(), authorization.sandbox());
    }

    private static Optional<PipelineDecision> reject(RejectReason reason, String rule, String detail) {
        return Optional.of(PipelineDecision.rejected(reason, rule, detail));
    }

    /** A decision together with the audit log's words for it. */
    private record Authorization(PipelineDecision decision, AuditDecision auditDecision, String policyRule,
            Optional<SandboxKind> sandbox) {
        static Authorization denied(PipelineDecision rejected) {
            return new Authorization(rejected, AuditDecision.DENIED, "deny:" + rejected.rule(), Optional.empty());
        }
    }
}
