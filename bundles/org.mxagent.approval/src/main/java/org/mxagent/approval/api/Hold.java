package org.mxagent.approval.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.policy.api.PrivilegedRequest;

/**
 * A held request.
 *
 * @param requestId  the {@code request_id} of its {@code approval.request}
 * @param consumer   who re-authorizes and runs it ({@link ApprovalRelease#CONSUMER})
 * @param summary    what it would do, secrets redacted
 * @param approvals  Matrix user ids whose accepted {@code approved} decisions count towards the quorum
 * @param request    the request as the receive pipeline saw it
 * @param origin     the original signed event, when the consumer handed it over
 */
public record Hold(
        String requestId,
        String consumer,
        String summary,
        Instant createdAt,
        Instant expiresAt,
        List<String> approvals,
        PrivilegedRequest request,
        Optional<HoldOrigin> origin) {

    public Hold {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        approvals = List.copyOf(approvals);
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(origin, "origin");
    }

    public String roomId() {
        return request.roomId();
    }

    public Hold withApprovals(List<String> approvals) {
        return new Hold(requestId, consumer, summary, createdAt, expiresAt, approvals, request, origin);
    }
}
