package org.mxagent.exec.impl.target;

import java.util.Optional;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.policy.api.TrustCheck;
import org.mxagent.protocol.api.sign.SignatureVerifier;
import org.mxagent.protocol.api.sign.Verification;
import org.mxagent.transport.api.RoomEvent;

/**
 * Whether a control frame ({@code exec.stdin}, {@code exec.cancel}, {@code pty.resize}) may act on a live run:
 * same room, sent by the requester's Matrix account, signed with the requester's published key (key id checked),
 * that key still trusted locally, and a nonce this run has not seen. The nonce set lives with the run, so after a
 * restart no run exists and every replay is dropped.
 */
final class ControlGate {
    private final TrustCheck trust;

    ControlGate(TrustCheck trust) {
        this.trust = trust;
    }

    /** Empty if the frame may act, else why not (for the log). */
    Optional<String> refusal(RoomEvent event, ExecRun run, String nonce) {
        AgentView requester = run.requester();
        if (!event.roomId().equals(run.roomId())) {
            return Optional.of("sent in another room");
        }
        if (!event.sender().equals(requester.state().matrixUserId())) {
            return Optional.of("sent by " + event.sender() + ", not by the requester's account "
                    + requester.state().matrixUserId());
        }
        Verification verification = SignatureVerifier.verify(event.content(), requester.state().signingPublicKey(),
                requester.state().signingKeyId());
        if (!verification.isValid()) {
            return Optional.of("not signed by the requester's key (" + verification.status() + ": "
                    + verification.detail() + ")");
        }
        if (!trust.isTrusted(requester.state().signingKeyId())) {
            return Optional.of("the requester's key " + requester.state().signingKeyId() + " is no longer trusted");
        }
        if (!run.firstUseOf(nonce)) {
            return Optional.of("nonce already used in this run (replay)");
        }
        return Optional.empty();
    }
}
