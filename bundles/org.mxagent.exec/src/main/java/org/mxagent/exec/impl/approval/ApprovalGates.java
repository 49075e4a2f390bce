package org.mxagent.exec.impl.approval;

import org.mxagent.approval.api.ApprovalHolds;
import org.mxagent.approval.api.HoldOrigin;
import org.mxagent.exec.impl.target.HoldGates;
import org.mxagent.policy.api.ApprovalGate;
import org.mxagent.transport.api.RoomEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link HoldGates} backed by the approval service: each request is held with its original signed event. */
@Component(service = HoldGates.class)
public final class ApprovalGates implements HoldGates {
    private final ApprovalHolds holds;

    @Activate
    public ApprovalGates(@Reference ApprovalHolds holds) {
        this.holds = holds;
    }

    @Override
    public ApprovalGate gate(String consumer, RoomEvent event, String requestId) {
        return holds.withOrigin(new HoldOrigin(consumer, event.type(), event.eventId(), requestId, event.content()));
    }
}
