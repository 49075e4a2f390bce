package org.mxagent.exec.impl.target;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.PipelineDecision;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.RejectReason;
import org.mxagent.transport.api.RoomEvent;
import org.osgi.service.log.Logger;

/**
 * {@link HeldRequests} over the exec and call handlers: the held event is rebuilt as it was received (room,
 * sender, sending device, content with its signature) and handed to the handler that received it.
 */
public final class HeldRequestDesk implements HeldRequests {
    private final ExecRequestHandler execs;
    private final CallRequestHandler calls;
    private final Logger log;

    public HeldRequestDesk(ExecRequestHandler execs, CallRequestHandler calls, Logger log) {
        this.execs = execs;
        this.calls = calls;
        this.log = log;
    }

    @Override
    public PipelineDecision reauthorize(Held held) {
        RoomEvent event = event(held);
        try {
            return isCall(held) ? calls.reauthorize(event) : execs.reauthorize(event);
        } catch (MalformedEventException e) {
            return PipelineDecision.rejected(RejectReason.MALFORMED_REQUEST, "malformed_request", e.getMessage());
        } catch (DiscoveryException e) {
            // Not a verdict: the approval service keeps the hold and asks again at its next sweep.
            throw new IllegalStateException("cannot read the agents of " + held.roomId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void release(Held held, Allowance allowance) {
        RoomEvent event = event(held);
        try {
            if (isCall(held)) {
                calls.release(event, allowance);
            } else {
                execs.release(event, allowance);
            }
        } catch (MalformedEventException | DiscoveryException e) {
            log.error("held {} {} was granted but cannot run: {}", held.consumer(), held.eventId(), e.getMessage(), e);
        }
    }

    @Override
    public void deny(Held held, String reason) {
        try {
            if (isCall(held)) {
                calls.deny(event(held), reason);
            } else {
                execs.deny(event(held), reason);
            }
        } catch (MalformedEventException e) {
            log.error("held {} {} was denied ({}) but cannot be answered: {}", held.consumer(), held.eventId(),
                    reason, e.getMessage(), e);
        }
    }

    private static boolean isCall(Held held) {
        return EventTypes.CALL_REQUEST.equals(held.eventType());
    }

    /** The event as received; the sending device (E2EE) goes back where the transport put it. */
    static RoomEvent event(Held held) {
        ObjectNode raw = ProtocolJson.newObject();
        raw.put("event_id", held.eventId());
        raw.put("room_id", held.roomId());
        raw.put("sender", held.sender());
        raw.put("type", held.eventType());
        raw.set("content", held.content());
        held.senderDevice().ifPresent(device -> raw.putObject("unsigned").putObject(RoomEvent.DECRYPTION)
                .put("sender_device", device));
        return new RoomEvent(held.roomId(), held.eventId(), held.sender(), held.eventType(), null, 0, raw);
    }
}
