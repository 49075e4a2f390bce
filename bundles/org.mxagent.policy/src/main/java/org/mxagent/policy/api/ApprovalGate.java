package org.mxagent.policy.api;

import org.osgi.annotation.versioning.ConsumerType;

/** The approval workflow, for requests whose {@link Allowance#requiresApproval()} is set. */
@ConsumerType
public interface ApprovalGate {
    ApprovalVerdict check(PrivilegedRequest request, Allowance allowance);

    /**
     * Called when the pipeline denies a request after {@link #check} answered {@link ApprovalVerdict#HELD}
     * (the audit write failed): the hold must go, or a later approval would release an unaudited request.
     */
    void withdraw(PrivilegedRequest request);

    /** For runtimes without an approval workflow: every request that needs approval is denied. */
    static ApprovalGate unavailable() {
        return new ApprovalGate() {
            @Override
            public ApprovalVerdict check(PrivilegedRequest request, Allowance allowance) {
                return ApprovalVerdict.DENIED;
            }

            @Override
            public void withdraw(PrivilegedRequest request) {
                // nothing was ever held
            }
        };
    }
}
