package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.sign.EventSignature;
import org.mxagent.protocol.impl.Copies;

/**
 * {@code approval.decision}: {@code nonce} and {@code expires_at} are omitted when absent (they are required for the
 * decision to be honoured). {@code approved_by} is display only.
 */
public record ApprovalDecision(
        String requestId,
        ApprovalOutcome decision,
        String approvedBy,
        String createdAt,
        Optional<String> nonce,
        Optional<String> expiresAt,
        Optional<EventSignature> signature,
        Map<String, JsonNode> extra) implements SignedEvent {

    public ApprovalDecision {
        Objects.requireNonNull(requestId, "request_id");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(approvedBy, "approved_by");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(expiresAt, "expires_at");
        Objects.requireNonNull(signature, "signature");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.APPROVAL_DECISION;
    }
}
