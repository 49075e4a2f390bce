package org.mxagent.approval.api;

import org.mxagent.policy.api.ApprovalGate;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The approval service as an {@link ApprovalGate}. Plain {@link #check} holds the request under the consumer id
 * of its kind ({@code exec} or {@code call}) without the original event; {@link #withOrigin} gives a gate for one
 * received event that stores the original signed content with the hold, so it can be run on release.
 */
@ProviderType
public interface ApprovalHolds extends ApprovalGate {
    /** A gate for one received request: pass it to the {@code ReceivePipeline} that decides that request. */
    ApprovalGate withOrigin(HoldOrigin origin);
}
