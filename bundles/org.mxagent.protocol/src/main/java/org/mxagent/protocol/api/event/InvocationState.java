package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import org.mxagent.protocol.impl.Checks;
import org.mxagent.protocol.impl.Copies;

/** {@code invocation.v1} state (key = {@code invocation_id}). */
public record InvocationState(
        String invocationId,
        String taskId,
        String requester,
        String target,
        InvocationStatus state,
        String createdAt,
        String updatedAt,
        Integer exitCode,
        long stateRev,
        Map<String, JsonNode> extra) implements StateEvent {

    public InvocationState {
        Objects.requireNonNull(invocationId, "invocation_id");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(updatedAt, "updated_at");
        Checks.range(stateRev, 0, Long.MAX_VALUE, "state_rev");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.INVOCATION;
    }

    /** The invocation id. */
    @Override
    public String stateKey() {
        return invocationId;
    }
}
