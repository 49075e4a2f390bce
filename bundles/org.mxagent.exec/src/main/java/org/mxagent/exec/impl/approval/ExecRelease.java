package org.mxagent.exec.impl.approval;

import org.mxagent.approval.api.ApprovalRelease;
import org.mxagent.approval.api.Hold;
import org.mxagent.exec.impl.target.HeldRequests;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.PipelineDecision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Releases and denies held {@code exec.request}s (consumer {@value HeldRequests#EXEC}). */
@Component(service = ApprovalRelease.class, property = ApprovalRelease.CONSUMER + "=" + HeldRequests.EXEC)
public final class ExecRelease implements ApprovalRelease {
    private final HeldRequests held;

    @Activate
    public ExecRelease(@Reference HeldRequests held) {
        this.held = held;
    }

    @Override
    public PipelineDecision reauthorize(Hold hold) {
        return hold.origin().isPresent() ? held.reauthorize(HeldRelease.held(hold)) : HeldRelease.withoutOrigin(hold);
    }

    @Override
    public void release(Hold hold, Allowance allowance) {
        held.release(HeldRelease.held(hold), allowance);
    }

    @Override
    public void deny(Hold hold, String reason, String detail) {
        // A hold without its original event was not placed by this bundle: there is nobody to answer.
        if (hold.origin().isPresent()) {
            held.deny(HeldRelease.held(hold), reason);
        }
    }
}
