package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.sign.TaskAuthorization;
import org.mxagent.protocol.impl.Copies;

/** {@code task.v1.action} of type {@code tool}. */
public record ToolAction(
        String tool,
        JsonNode args,
        Optional<TaskAuthorization> authorization,
        Map<String, JsonNode> extra) implements TaskAction {

    public ToolAction {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(authorization, "authorization");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return TOOL;
    }
}
