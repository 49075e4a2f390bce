package org.mxagent.exec.impl.approval;

import org.mxagent.approval.api.Hold;
import org.mxagent.exec.impl.target.HeldRequests;
import org.mxagent.policy.api.PipelineDecision;
import org.mxagent.protocol.api.event.RejectReason;

/** A {@link Hold} as the target side knows it; a hold without its original event cannot be re-authorized. */
final class HeldRelease {
    private HeldRelease() {}

    static HeldRequests.Held held(Hold hold) throws IllegalArgumentException {
        var origin = hold.origin().orElseThrow(() -> new IllegalArgumentException("hold " + hold.requestId()
                + " carries no original event"));
        return new HeldRequests.Held(hold.consumer(), hold.roomId(), hold.request().sender(),
                hold.request().senderDevice(), origin.eventType(), origin.eventId(), origin.content());
    }

    static PipelineDecision withoutOrigin(Hold hold) {
        return PipelineDecision.rejected(RejectReason.MALFORMED_REQUEST, "malformed_request",
                "hold " + hold.requestId() + " carries no original event to run");
    }
}
