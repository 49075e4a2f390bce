package org.mxagent.exec.impl.target;

import org.mxagent.policy.api.ApprovalGate;
import org.mxagent.transport.api.RoomEvent;

/**
 * Where a request that {@code requires_approval} goes: the approval service's gate for this very event (it keeps
 * the signed original, so the request can be re-authorized and run on release), or, without an approval service,
 * {@link ApprovalGate#unavailable()}: every such request is denied (fail closed). A bundle-private service, so
 * the core never needs the approval bundle's API (which the edge distribution does not ship).
 */
@FunctionalInterface
public interface HoldGates {
    /** No approval service: deny. */
    HoldGates NONE = (consumer, event, requestId) -> ApprovalGate.unavailable();

    /**
     * @param consumer  {@value HeldRequests#EXEC} or {@value HeldRequests#CALL}
     * @param requestId the request's own {@code request_id} (the hold's id)
     */
    ApprovalGate gate(String consumer, RoomEvent event, String requestId);
}
