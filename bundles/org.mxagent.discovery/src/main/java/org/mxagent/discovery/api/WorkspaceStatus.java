package org.mxagent.discovery.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Everything {@code workspace status} shows. {@code creators} are the users with unlimited power in room
 * version 12 and later (they never appear in {@code m.room.power_levels.users}); {@code powerLevels} is the raw
 * {@code m.room.power_levels} content; {@code workspace} is the {@code workspace.v1} content or null.
 */
public record WorkspaceStatus(
        String roomId,
        String name,
        String alias,
        String topic,
        String roomVersion,
        boolean encrypted,
        List<String> creators,
        List<Member> members,
        ObjectNode powerLevels,
        ObjectNode workspace,
        List<AgentView> agents) {

    public WorkspaceStatus {
        creators = List.copyOf(creators);
        members = List.copyOf(members);
        agents = List.copyOf(agents);
    }
}
