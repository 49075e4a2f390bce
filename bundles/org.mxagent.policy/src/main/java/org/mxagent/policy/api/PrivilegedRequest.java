package org.mxagent.policy.api;

import java.util.Objects;
import java.util.Optional;

/**
 * An {@code exec.request} or {@code call.request} as the protocol layer hands it over: parsed, signature
 * already checked (the verdict is {@link #signature()}), nothing else decided yet.
 *
 * @param sender                the authenticated Matrix sender of the event
 * @param senderDevice          the sending device when the event was decrypted; empty for plaintext events
 * @param requestingAgent       {@code requesting_agent} as claimed in the content
 * @param targetAgent           {@code target_agent} as claimed in the content
 * @param keyId                 {@code signature.key_id} (empty string when unsigned)
 * @param publishedMatrixUserId {@code matrix_user_id} of the requester's {@code agent.v1} (empty string if none)
 * @param createdAt             {@code created_at} exactly as received
 * @param expiresAt             {@code expires_at} exactly as received
 */
public record PrivilegedRequest(
        String roomId,
        String sender,
        Optional<String> senderDevice,
        String requestingAgent,
        String targetAgent,
        String keyId,
        SignatureCheck signature,
        String publishedMatrixUserId,
        String nonce,
        String createdAt,
        String expiresAt,
        Optional<String> invocationId,
        RequestPayload payload) {

    public PrivilegedRequest {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(senderDevice, "senderDevice");
        Objects.requireNonNull(requestingAgent, "requestingAgent");
        Objects.requireNonNull(targetAgent, "targetAgent");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(publishedMatrixUserId, "publishedMatrixUserId");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(invocationId, "invocationId");
        Objects.requireNonNull(payload, "payload");
    }
}
