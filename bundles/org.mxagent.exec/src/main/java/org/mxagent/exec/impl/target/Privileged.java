package org.mxagent.exec.impl.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.mxagent.policy.api.PrivilegedRequest;
import org.mxagent.policy.api.RequestPayload;
import org.mxagent.transport.api.RoomEvent;

/** Builds the pipeline's view of a received request. */
final class Privileged {
    private Privileged() {}

    static PrivilegedRequest of(RoomEvent event, RequestVerifier.Verdict verdict, String requestingAgent,
            String targetAgent, String nonce, String createdAt, String expiresAt, String invocationId,
            RequestPayload payload) {
        return new PrivilegedRequest(event.roomId(), event.sender(), senderDevice(event), requestingAgent,
                targetAgent, verdict.keyId(), verdict.check(), verdict.publishedMatrixUserId(), nonce, createdAt,
                expiresAt, Optional.of(invocationId), payload);
    }

    /** The sending device of a decrypted event (its {@code sender_device}); empty for plaintext events. */
    static Optional<String> senderDevice(RoomEvent event) {
        return event.decryption().map(info -> info.get("sender_device")).filter(JsonNode::isTextual)
                .map(JsonNode::asText);
    }
}
