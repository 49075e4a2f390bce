package org.mxagent.discovery.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A workspace room: its id, display name, canonical alias and topic (empty when unset), whether the homeserver
 * lists it in its public room directory ({@code directoryVisibility}, as the server reports it: a server may
 * refuse to publish a room created as public), and its {@code workspace.v1} content as published (null if the
 * room has none).
 */
public record WorkspaceSummary(String roomId, String name, String alias, String topic,
        Visibility directoryVisibility, ObjectNode workspace) {}
