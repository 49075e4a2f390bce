package org.mxagent.workflow.spi;

import java.util.Objects;
import org.mxagent.protocol.api.event.TaskAction;

/**
 * A won task to run: the room, the task, the verified action, the invocation id the claim named, the agent that runs
 * it ({@code targetAgent}) and the Matrix user id of the agent that authorized it (policy is looked up by that).
 */
public record DispatchRequest(String roomId, String taskId, String invocationId, TaskAction action,
        String targetAgent, String requestingAgent, String requesterUserId) {
    public DispatchRequest {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(invocationId, "invocationId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetAgent, "targetAgent");
        Objects.requireNonNull(requestingAgent, "requestingAgent");
        Objects.requireNonNull(requesterUserId, "requesterUserId");
    }
}
