package org.mxagent.workflow.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A task to create. {@code createdBy} is the hosted agent that authors (and signs) it; empty means the first agent
 * this runtime hosts in the room. {@code action} is the bare {@code task.v1.action} ({@code exec} or {@code tool},
 * without authorization: the service signs it for {@code assignedTo}). {@code blocks} are tasks that must wait for
 * this one.
 */
public record TaskDraft(String room, String title, String description, List<String> dependsOn, List<String> blocks,
        String assignedTo, String createdBy, Optional<ObjectNode> action) {

    public TaskDraft {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(title, "title");
        dependsOn = List.copyOf(Objects.requireNonNullElse(dependsOn, List.of()));
        blocks = List.copyOf(Objects.requireNonNullElse(blocks, List.of()));
        Objects.requireNonNull(action, "action");
    }
}
