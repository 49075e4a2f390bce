package org.mxagent.exec.impl.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.exec.impl.wire.Agents;
import org.mxagent.exec.impl.wire.SignatureChecks;
import org.mxagent.policy.api.SignatureCheck;
import org.mxagent.protocol.api.sign.SignatureVerifier;
import org.mxagent.protocol.api.sign.Verification;
import org.mxagent.transport.api.RoomEvent;

/**
 * Checks a request's signature over the <em>raw received content</em> with the requester's published key
 * ({@code agent.v1} in that room, whose key hashes to its key id). Requesters are named by their agent id; a
 * {@code call.request} may omit {@code requesting_agent}, and then the sender's agent whose key signed it is used.
 */
public final class RequestVerifier {
    private final Agents agents;

    public RequestVerifier(Agents agents) {
        this.agents = agents;
    }

    /** The verdict; {@code requester} is empty when no usable published agent was found. */
    public record Verdict(Optional<AgentView> requester, SignatureCheck check, String keyId, String detail) {
        public String publishedMatrixUserId() {
            return requester.map(a -> a.state().matrixUserId()).orElse("");
        }
    }

    public Verdict verify(RoomEvent event, Optional<String> requestingAgent) throws DiscoveryException {
        String keyId = keyIdOf(event.content());
        Optional<AgentView> requester;
        if (requestingAgent.isPresent()) {
            requester = agents.inRoom(event.roomId(), requestingAgent.get());
        } else {
            List<AgentView> candidates = agents.ofUser(event.roomId(), event.sender());
            requester = candidates.stream().filter(a -> a.state().signingKeyId().equals(keyId)).findFirst();
        }
        if (requester.isEmpty()) {
            return new Verdict(Optional.empty(), SignatureCheck.UNKNOWN_KEY, keyId,
                    "no accepted agent.v1 for the requester in " + event.roomId());
        }
        Verification verification = SignatureVerifier.verify(event.content(),
                requester.get().state().signingPublicKey(), requester.get().state().signingKeyId());
        return new Verdict(requester, SignatureChecks.of(verification), keyId, verification.detail());
    }

    /** {@code signature.key_id}, or "" when the content carries none. */
    public static String keyIdOf(JsonNode content) {
        JsonNode keyId = content.path("signature").path("key_id");
        return keyId.isTextual() ? keyId.asText() : "";
    }
}
