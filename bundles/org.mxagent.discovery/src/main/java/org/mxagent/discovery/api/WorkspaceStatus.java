package org.mxagent.discovery.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything {@code workspace status} shows. {@code creators} are the users with unlimited power in room
 * version 12 and later (they never appear in {@code m.room.power_levels.users}); {@code powerLevels} is the raw
 * {@code m.room.power_levels} content; {@code workspace} is the {@code workspace.v1} content or null;
 * {@code tasks} counts the room's {@code task.v1} states by {@code state} ({@code running: 2}).
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
        List<AgentView> agents,
        Map<String, Integer> tasks) {

    public WorkspaceStatus {
        creators = List.copyOf(creators);
        members = List.copyOf(members);
        agents = List.copyOf(agents);
        tasks = Map.copyOf(new TreeMap<>(tasks));
    }

    /** A status without task counts (1.1 shape). */
    public WorkspaceStatus(String roomId, String name, String alias, String topic, String roomVersion,
            boolean encrypted, List<String> creators, List<Member> members, ObjectNode powerLevels,
            ObjectNode workspace, List<AgentView> agents) {
        this(roomId, name, alias, topic, roomVersion, encrypted, creators, members, powerLevels, workspace, agents,
                Map.of());
    }
}
