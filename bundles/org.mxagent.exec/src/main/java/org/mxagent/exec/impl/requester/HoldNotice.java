package org.mxagent.exec.impl.requester;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.ApprovalRequest;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.transport.api.RoomEvent;

/**
 * The target's {@code approval.request} for one of our invocations: the request is held until an approver
 * decides (at most until {@code expires_at}), so the requester waits that long on top of its timeout. Unsigned in
 * the protocol, so it is believed only from the target's own account, and it can only make the requester wait
 * longer, never run anything.
 */
final class HoldNotice {
    private HoldNotice() {}

    record Held(String requestId, Instant expiresAt) {}

    /**
     * The hold, or empty when the event is not a hold notice from the target in this room.
     *
     * @throws IllegalArgumentException when it is one but cannot be read
     */
    static Optional<Held> of(RoomEvent event, String roomId, AgentView target) {
        if (!EventTypes.APPROVAL_REQUEST.equals(event.type()) || !event.roomId().equals(roomId)
                || !event.sender().equals(target.state().matrixUserId())) {
            return Optional.empty();
        }
        try {
            ApprovalRequest request = ProtocolCodec.decode(ApprovalRequest.class, event.content());
            return Optional.of(new Held(request.requestId(), Timestamps.parse(request.expiresAt())));
        } catch (MalformedEventException | DateTimeParseException e) {
            throw new IllegalArgumentException("unreadable approval.request " + event.eventId() + ": "
                    + e.getMessage(), e);
        }
    }
}
