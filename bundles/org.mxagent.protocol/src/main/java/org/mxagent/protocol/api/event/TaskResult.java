package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import org.mxagent.protocol.impl.Copies;

/**
 * {@code task.v1.result}: how a task ended. {@code action} is kept as sent (its JSON type is not fixed by the
 * protocol).
 */
public record TaskResult(
        String status,
        String completedBy,
        String completedAt,
        String invocationId,
        JsonNode action,
        String reason,
        Integer exitCode,
        String summary,
        String artifactMxc,
        Map<String, JsonNode> extra) {

    public TaskResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(completedBy, "completed_by");
        Objects.requireNonNull(completedAt, "completed_at");
        extra = Copies.extra(extra);
    }
}
