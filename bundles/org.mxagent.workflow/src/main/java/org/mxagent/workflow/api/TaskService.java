package org.mxagent.workflow.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The task graph of a workspace room, kept in {@code task.v1} state. */
@ProviderType
public interface TaskService {

    /**
     * Creates a task (state {@code pending}, rev 0). An action is signed for {@code assignedTo} with this runtime's
     * key (default lifetime 24 h). Refused if a dependency is unknown or the new edges would close a cycle (the
     * message shows the cycle's path).
     */
    TaskRecord create(TaskDraft draft) throws WorkflowException;

    /**
     * Changes a task with {@code state_rev + 1}. A state change must be allowed (see {@link TaskStates}); a new
     * assignee re-signs the action.
     */
    TaskRecord update(String room, String taskId, TaskChange change) throws WorkflowException;

    /** The room's tasks, ordered by task id (creation order). */
    List<TaskRecord> list(String room) throws WorkflowException;

    /**
     * The room's task graph in {@code format}: text (states, owners, edges, why a task is not runnable), Graphviz
     * DOT, or SVG rendered by Graphviz {@code dot}.
     */
    String graph(String room, GraphFormat format) throws WorkflowException;

    /**
     * One task. {@code room} may be null: the rooms of the agents hosted here are searched.
     *
     * @throws WorkflowException NOT_FOUND when there is no such task
     * @since 1.1
     */
    TaskRecord show(String room, String taskId) throws WorkflowException;

    /**
     * Cancels a task (and the invocation running it on this runtime). {@code room} may be null: the rooms of the
     * agents hosted here are searched.
     */
    TaskRecord cancel(String room, String taskId) throws WorkflowException;
}
