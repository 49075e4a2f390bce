package org.mxagent.exec.impl.requester;

import org.mxagent.discovery.api.AgentView;
import org.mxagent.policy.api.TrustCheck;
import org.mxagent.protocol.api.sign.SignatureVerifier;
import org.mxagent.protocol.api.sign.Verification;
import org.mxagent.transport.api.RoomEvent;
import org.osgi.service.log.Logger;

/**
 * Result-plane acceptance (protocol §2.4): an event about an invocation counts only if it is in the invocation's
 * room, its Matrix sender is the target agent's published {@code matrix_user_id}, it is signed with the target's
 * published key (key id checked), and that key is trusted locally. Anything else is dropped and logged.
 */
public final class ResultGate {
    private final TrustCheck trust;
    private final Logger log;

    public ResultGate(TrustCheck trust, Logger log) {
        this.trust = trust;
        this.log = log;
    }

    public boolean accepts(RoomEvent event, String roomId, AgentView target, String invocationId) {
        String why = refusal(event, roomId, target);
        if (why == null) {
            return true;
        }
        log.warn("dropped {} for {} from {} ({}): {}", event.type(), invocationId, event.sender(), event.eventId(),
                why);
        return false;
    }

    private String refusal(RoomEvent event, String roomId, AgentView target) {
        if (!event.roomId().equals(roomId)) {
            return "not in the invocation's room " + roomId;
        }
        if (!event.sender().equals(target.state().matrixUserId())) {
            return "not sent by the target's account " + target.state().matrixUserId();
        }
        Verification verification = SignatureVerifier.verify(event.content(), target.state().signingPublicKey(),
                target.state().signingKeyId());
        if (!verification.isValid()) {
            return "not signed by the target's key (" + verification.status() + ": " + verification.detail() + ")";
        }
        if (!trust.isTrusted(target.state().signingKeyId())) {
            return "the target's key " + target.state().signingKeyId() + " is not trusted locally";
        }
        return null;
    }
}
