package org.mxagent.workflow.impl.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.InvocationState;
import org.mxagent.protocol.api.event.InvocationStatus;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.TaskResult;
import org.mxagent.protocol.api.event.TaskState;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.workflow.api.TaskRecord;
import org.mxagent.workflow.api.TaskStates;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.workflow.impl.TaskEdit;
import org.mxagent.workflow.impl.payload.SealedTasks;
import org.mxagent.workflow.spi.DispatchOutcome;

/** The state writes of a won task: executing + invocation.v1 before dispatch, the result after. */
final class TaskExecution {
    private final MatrixClient client;
    private final String roomId;
    private final String agentId;
    private final Clock clock;
    private final SealedTasks sealed;

    TaskExecution(MatrixClient client, String roomId, String agentId, Clock clock, SealedTasks sealed) {
        this.client = client;
        this.sealed = sealed;
        this.roomId = roomId;
        this.agentId = agentId;
        this.clock = clock;
    }

    /**
     * Re-reads the task; if it is still at the claimed rev and pending/assigned, writes executing with rev + 1.
     * Empty means stand down (it moved on).
     */
    Optional<TaskRecord> start(TaskRecord observed, Claim won) throws MatrixException, MalformedEventException {
        Optional<TaskState> now = read(won.taskId());
        if (now.isEmpty() || now.get().stateRev() != won.stateRev()
                || !(TaskStates.PENDING.equals(now.get().state()) || TaskStates.ASSIGNED.equals(now.get().state()))) {
            return Optional.empty();
        }
        TaskState executing = new TaskEdit(observed).state(TaskStates.EXECUTING).assignedTo(agentId)
                .invocationId(won.invocationId()).extra("claim_event_id", won.eventId())
                .extra(Recovery.EXECUTOR_DEVICE, client.session().deviceId()).build(clock.instant());
        String eventId = put(executing);
        return Optional.of(new TaskRecord(roomId, executing, eventId));
    }

    void invocation(TaskState task, String requester, InvocationStatus status, Integer exitCode, long rev)
            throws MatrixException {
        String at = Timestamps.seconds(clock.instant());
        InvocationState state = new InvocationState(task.invocationId(), task.taskId(), requester, agentId, status,
                at, at, exitCode, rev, Map.of());
        client.putState(roomId, EventTypes.INVOCATION, state.invocationId(), ProtocolCodec.encode(state));
    }

    /** Writes the result if the task is still executing our invocation; returns whether it did. */
    boolean finish(TaskRecord executing, DispatchOutcome outcome, JsonNode action)
            throws MatrixException, MalformedEventException {
        Optional<TaskState> now = read(executing.task().taskId());
        if (now.isEmpty() || !TaskStates.EXECUTING.equals(now.get().state())
                || !executing.task().invocationId().equals(now.get().invocationId())) {
            return false;
        }
        String status = outcome.succeeded() ? TaskStates.SUCCEEDED : TaskStates.FAILED;
        TaskResult result = new TaskResult(status, agentId, Timestamps.seconds(clock.instant()),
                executing.task().invocationId(), action, outcome.reason(), outcome.exitCode(), outcome.summary(),
                null, Map.of());
        TaskState done = new TaskEdit(executing).state(status).result(result).build(clock.instant());
        put(done);
        return true;
    }

    /** In an encrypted room the payload (title, action, result) goes to an encrypted event, not the state. */
    private String put(TaskState task) throws MatrixException, MalformedEventException {
        try {
            return sealed.put(client, roomId, ProtocolCodec.encode(task));
        } catch (CanonicalJsonException e) {
            throw new MalformedEventException(EventTypes.TASK, "", "cannot be written: " + e.getMessage());
        }
    }

    private Optional<TaskState> read(String taskId) throws MatrixException, MalformedEventException {
        Optional<com.fasterxml.jackson.databind.node.ObjectNode> content = client.getState(roomId, EventTypes.TASK,
                taskId);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ProtocolCodec.decode(TaskState.class, content.get()));
    }
}
