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
 * {@code task.v1.action} of type {@code exec}. {@code timeout_ms} and {@code cwd} are written as {@code null} when
 * unset; {@code env} defaults to empty and {@code stream} to false when absent.
 */
public record ExecAction(
        List<String> command,
        String cwd,
        Map<String, String> env,
        Long timeoutMs,
        boolean stream,
        Optional<TaskAuthorization> authorization,
        Map<String, JsonNode> extra) implements TaskAction {

    public ExecAction {
        command = Copies.list(command, "command");
        env = Copies.map(env, "env");
        if (timeoutMs != null) {
            Checks.range(timeoutMs, 0, Long.MAX_VALUE, "timeout_ms");
        }
        Objects.requireNonNull(authorization, "authorization");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EXEC;
    }
}
