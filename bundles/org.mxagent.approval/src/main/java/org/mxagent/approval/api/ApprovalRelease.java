package org.mxagent.approval.api;

import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.PipelineDecision;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: the consumer that placed holds (the exec bundle for exec and call, the workflow for tasks)
 * registers one of these with the service property {@link #CONSUMER}. The approval service calls it on the
 * thread that processes decisions, never on the sync thread.
 */
@ConsumerType
public interface ApprovalRelease {
    /** Service property: the consumer id, matched against {@link Hold#consumer()}. */
    String CONSUMER = "mxagent.approval.consumer";

    /**
     * Re-runs the full authorization of the held request as things are <em>now</em> (signature, trust of the
     * key, sender pinning, policy, device) without side effects, skipping only the nonce (already burned) and
     * the approval step (being granted). Return ALLOWED with the allowance to run it; REJECTED denies the hold
     * with that reason; anything else denies it with {@code approval_denied}. An exception leaves the hold in
     * place (tried again on the next decision or sweep).
     */
    PipelineDecision reauthorize(Hold hold) throws Exception;

    /**
     * Runs the request. Called at most once per hold: the hold has already been removed from
     * {@code approvals.json} (atomically) when this is called.
     */
    void release(Hold hold, Allowance allowance);

    /**
     * The hold ended without running: {@code approval_denied}, {@code approval_expired}, or the wire reason of a
     * failed re-authorization. The hold is already removed; answer the requester.
     */
    void deny(Hold hold, String reason, String detail);
}
