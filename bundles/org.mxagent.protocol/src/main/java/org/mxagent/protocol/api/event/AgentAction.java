package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.sign.TaskAuthorization;
import org.mxagent.protocol.impl.Checks;
import org.mxagent.protocol.impl.Copies;

/**
 * {@code task.v1.action} of type {@code agent} (additive to v1): the target runs the coding agent behind the
 * named {@code adapter} (e.g. {@code claude}, {@code shell}) with {@code prompt} in {@code cwd}. {@code model} and
 * {@code timeout_ms} are written as {@code null} when unset; {@code allowed_tools} defaults to empty.
 */
public record AgentAction(
        String adapter,
        String prompt,
        String cwd,
        String model,
        List<String> allowedTools,
        Long timeoutMs,
        Optional<TaskAuthorization> authorization,
        Map<String, JsonNode> extra) implements TaskAction {

    public AgentAction {
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(prompt, "prompt");
        allowedTools = Copies.list(allowedTools, "allowed_tools");
        if (timeoutMs != null) {
            Checks.range(timeoutMs, 0, Long.MAX_VALUE, "timeout_ms");
        }
        Objects.requireNonNull(authorization, "authorization");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return AGENT;
    }
}
