package org.mxagent.exec.impl.target;

import java.time.Clock;
import java.util.function.Supplier;
import org.mxagent.policy.api.Admission;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.ApprovalGate;
import org.mxagent.policy.api.ApprovalVerdict;
import org.mxagent.policy.api.AuditTrail;
import org.mxagent.policy.api.DeviceCheck;
import org.mxagent.policy.api.NonceAdmission;
import org.mxagent.policy.api.PolicyCheck;
import org.mxagent.policy.api.PrivilegedRequest;
import org.mxagent.policy.api.ReceivePipeline;
import org.mxagent.policy.api.TrustCheck;

/**
 * The policy bundle's receive pipeline for one hosted agent. Requests whose policy says {@code requires_approval}
 * go to the given {@link ApprovalGate} (the approval service's, or {@link ApprovalGate#unavailable()}: denied);
 * device checks come from a {@link DeviceCheck} service when one is registered, else every device counts as
 * unverified (fail closed). {@link #forRelease} is the pipeline of a held request being released: its nonce was
 * burned when it was held, and the approval is the one being granted.
 */
public final class PipelineFactory {
    private final TrustCheck trust;
    private final NonceAdmission nonces;
    private final PolicyCheck policy;
    private final Supplier<DeviceCheck> devices;
    private final AuditTrail audit;
    private final Clock clock;

    public PipelineFactory(TrustCheck trust, NonceAdmission nonces, PolicyCheck policy, Supplier<DeviceCheck> devices,
            AuditTrail audit, Clock clock) {
        this.trust = trust;
        this.nonces = nonces;
        this.policy = policy;
        this.devices = devices;
        this.audit = audit;
        this.clock = clock;
    }

    public ReceivePipeline forAgent(String agentId, ApprovalGate approvals) {
        return new ReceivePipeline(agentId, trust, nonces, policy, devices.get(), approvals, audit, clock);
    }

    /** Everything again but the nonce (burned when held) and the approval (being granted); audited as released. */
    public ReceivePipeline forRelease(String agentId) {
        ApprovalGate granted = new ApprovalGate() {
            @Override
            public ApprovalVerdict check(PrivilegedRequest request, Allowance allowance) {
                return ApprovalVerdict.APPROVED;
            }

            @Override
            public void withdraw(PrivilegedRequest request) {
                // nothing is held by this gate
            }
        };
        return new ReceivePipeline(agentId, trust, (nonce, created, expires, now) -> Admission.ADMITTED, policy,
                devices.get(), granted, audit, clock);
    }
}
