package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.mxagent.protocol.impl.Copies;

/** {@code agent.v1.workspace}: where the agent works; every member may be {@code null}. */
public record AgentWorkspace(
        String cwd,
        String projectId,
        String gitCommit,
        Map<String, JsonNode> extra) {

    public AgentWorkspace {
        extra = Copies.extra(extra);
    }
}
