package org.mxagent.approval.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The signed event a hold stands for, kept in {@code approvals.json} so the consumer can re-authorize and run
 * exactly that request on release.
 *
 * @param consumer  the {@link ApprovalRelease#CONSUMER} id of the service that will re-authorize and run it
 * @param eventType the event type, e.g. {@code com.mxagent.exec.request.v1}
 * @param eventId   the Matrix event id
 * @param requestId the {@code request_id} used in {@code approval.request} (exec/call: the request's own
 *                  {@code request_id}; tasks: {@code approval:<task_id>})
 * @param content   the event content exactly as received, signature included
 */
public record HoldOrigin(String consumer, String eventType, String eventId, String requestId, ObjectNode content) {
    public HoldOrigin {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(requestId, "requestId");
        content = Objects.requireNonNull(content, "content").deepCopy();
    }

    @Override
    public ObjectNode content() {
        return content.deepCopy();
    }
}
