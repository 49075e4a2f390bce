package org.mxagent.workflow.api;

import java.util.Optional;

/** What {@code task update} changes; empty members stay as they are. */
public record TaskChange(Optional<String> state, Optional<String> assignedTo, Optional<String> title,
        Optional<String> description) {

    public static TaskChange state(String state) {
        return new TaskChange(Optional.of(state), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static TaskChange assign(String agentId) {
        return new TaskChange(Optional.empty(), Optional.of(agentId), Optional.empty(), Optional.empty());
    }
}
