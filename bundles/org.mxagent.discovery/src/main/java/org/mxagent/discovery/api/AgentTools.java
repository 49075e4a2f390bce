package org.mxagent.discovery.api;

import java.util.List;
import java.util.Objects;

/** The tools one agent offers: its {@code agent.v1.tools}, each joined with the room's {@code tool.v1} state. */
public record AgentTools(AgentView agent, List<ToolOffer> tools) {

    public AgentTools {
        Objects.requireNonNull(agent, "agent");
        tools = List.copyOf(tools);
    }
}
