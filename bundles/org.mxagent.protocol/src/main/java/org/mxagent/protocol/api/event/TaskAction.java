package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.mxagent.protocol.api.sign.TaskAuthorization;

/**
 * {@code task.v1.action}: what a runnable task does, {@code {"type":"exec",...}}, {@code {"type":"tool",...}} or
 * {@code {"type":"agent",...}},
 * with an optional detached {@code authorization} (see {@code TaskActionSigner}).
 */
public sealed interface TaskAction permits ExecAction, ToolAction, AgentAction {
    String EXEC = "exec";
    String TOOL = "tool";
    String AGENT = "agent";

    /** The {@code type} discriminator. */
    String type();

    Optional<TaskAuthorization> authorization();

    Map<String, JsonNode> extra();
}
