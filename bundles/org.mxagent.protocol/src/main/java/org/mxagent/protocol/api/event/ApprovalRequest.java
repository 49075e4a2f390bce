package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import org.mxagent.protocol.impl.Copies;

/** {@code approval.request}: a held request waiting for a human decision. Unsigned. */
public record ApprovalRequest(
        String requestId,
        String invocationId,
        String requester,
        String target,
        String summary,
        String risk,
        String expiresAt,
        Map<String, JsonNode> extra) implements ProtocolEvent {

    public ApprovalRequest {
        Objects.requireNonNull(requestId, "request_id");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(expiresAt, "expires_at");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.APPROVAL_REQUEST;
    }
}
