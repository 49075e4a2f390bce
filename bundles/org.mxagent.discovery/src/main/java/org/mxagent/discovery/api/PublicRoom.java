package org.mxagent.discovery.api;

/**
 * One entry of the public room directory. {@code workspace} is {@code TRUE} if the room has {@code workspace.v1}
 * state, {@code FALSE} if it has none, and null when this account cannot read the room's state without joining.
 */
public record PublicRoom(String roomId, String alias, String name, String topic, long joinedMembers,
        boolean joined, Boolean workspace) {}
