package org.mxagent.workflow.impl.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mxagent.protocol.api.event.TaskAction;
import org.mxagent.protocol.api.event.TaskState;
import org.mxagent.workflow.api.TaskStates;
import org.mxagent.workflow.impl.payload.TaskPayload;

/**
 * The part of "runnable" that depends only on the graph: state, action, target and dependencies. Authorization,
 * trust, policy and capacity are the scheduler's checks on top.
 */
public final class Readiness {
    private Readiness() {}

    /** The agent a task is for: {@code assigned_to}, else its authorization's {@code target_agent}. */
    public static Optional<String> target(TaskState task) {
        if (task.assignedTo() != null && !task.assignedTo().isEmpty()) {
            return Optional.of(task.assignedTo());
        }
        return task.action().flatMap(TaskAction::authorization).map(a -> a.targetAgent());
    }

    /** Why the task cannot run now; empty means ready as far as the graph goes. */
    public static List<String> blockers(TaskGraph graph, TaskState task) {
        List<String> reasons = new ArrayList<>();
        if (!TaskStates.PENDING.equals(task.state()) && !TaskStates.ASSIGNED.equals(task.state())) {
            reasons.add("state is " + task.state());
            return reasons;
        }
        if (task.extra().containsKey(TaskPayload.ERROR)) {
            reasons.add(task.extra().get(TaskPayload.ERROR).asText());
        } else if (task.action().isEmpty()) {
            reasons.add("manual task (no action)");
        } else if (task.action().get().authorization().isEmpty()) {
            reasons.add("action is not authorized (no signature)");
        }
        if (target(task).isEmpty()) {
            reasons.add("not assigned");
        }
        for (String dependency : graph.dependenciesOf(task.taskId())) {
            TaskState other = graph.tasks().get(dependency);
            if (other == null) {
                reasons.add("dependency " + dependency + " is unknown");
            } else if (TaskStates.isTerminal(other.state()) && !TaskStates.SUCCEEDED.equals(other.state())) {
                reasons.add("dependency " + dependency + " " + other.state() + ": will not run");
            } else if (!TaskStates.SUCCEEDED.equals(other.state())) {
                reasons.add("waiting for " + dependency + " (" + other.state() + ")");
            }
        }
        return reasons;
    }
}
