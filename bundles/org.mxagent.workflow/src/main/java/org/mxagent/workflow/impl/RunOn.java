package org.mxagent.workflow.impl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.mxagent.protocol.api.event.ExecAction;
import org.mxagent.protocol.api.event.TaskAction;

/**
 * The optional {@code run_on} of an exec action (specs/workflow.md, "Remote dispatch"): the agent that runs the
 * command when it is not the agent the task is assigned to. It is part of the signed action, so only the task's
 * author chooses where it runs.
 */
public final class RunOn {
    public static final String FIELD = "run_on";

    private RunOn() {}

    /** The agent named by {@code run_on}, if any and not blank. */
    public static Optional<String> of(TaskAction action) {
        if (!(action instanceof ExecAction exec)) {
            return Optional.empty();
        }
        JsonNode value = exec.extra().get(FIELD);
        return value == null || !value.isTextual() || value.asText().isBlank() ? Optional.empty()
                : Optional.of(value.asText());
    }

    /** The other agent that runs {@code action} for {@code hostAgent}; empty when it runs on the host itself. */
    public static Optional<String> elsewhere(TaskAction action, String hostAgent) {
        return of(action).filter(agent -> !agent.equals(hostAgent));
    }
}
