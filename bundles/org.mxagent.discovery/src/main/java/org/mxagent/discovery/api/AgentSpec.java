package org.mxagent.discovery.api;

import java.util.List;
import java.util.Objects;

/**
 * What {@code agent register} asks for. {@code agentId} empty means "generate one" ({@code agt_} + ULID);
 * {@code kind} empty means {@code generic}; {@code maxInvocations} below 1 means the default, 1.
 */
public record AgentSpec(String agentId, String room, String kind, List<String> capabilities, List<String> tools,
        String cwd, String projectId, int maxInvocations) {

    public AgentSpec {
        agentId = Objects.requireNonNullElse(agentId, "");
        room = Objects.requireNonNullElse(room, "");
        kind = Objects.requireNonNullElse(kind, "").isEmpty() ? "generic" : kind;
        capabilities = List.copyOf(Objects.requireNonNullElse(capabilities, List.of()));
        tools = List.copyOf(Objects.requireNonNullElse(tools, List.of()));
        cwd = Objects.requireNonNullElse(cwd, "");
        projectId = Objects.requireNonNullElse(projectId, "");
        maxInvocations = maxInvocations < 1 ? 1 : maxInvocations;
    }
}
