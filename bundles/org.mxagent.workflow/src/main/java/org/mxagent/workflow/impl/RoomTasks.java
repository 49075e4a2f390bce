package org.mxagent.workflow.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.TaskState;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.workflow.api.TaskRecord;
import org.mxagent.workflow.api.WorkflowException;
import org.mxagent.workflow.impl.payload.SealedTasks;
import org.mxagent.workflow.impl.payload.TaskPayload;

/**
 * Reads {@code task.v1} state of a room, with the payloads of an encrypted room put back ({@link SealedTasks}). A
 * malformed task, or one whose payload cannot be resolved, is reported, never silently dropped.
 */
public final class RoomTasks {
    private RoomTasks() {}

    /**
     * The decoded tasks, ordered by task id; malformed ones go to {@code problems}, and so do tasks whose payload
     * cannot be resolved (those are listed too, marked {@value TaskPayload#ERROR}).
     */
    public static List<TaskRecord> read(MatrixClient client, String roomId, SealedTasks sealed,
            List<String> problems) throws WorkflowException {
        List<TaskRecord> tasks = new ArrayList<>();
        try {
            for (RoomEvent event : client.roomState(roomId)) {
                if (EventTypes.TASK.equals(event.type())) {
                    ObjectNode content = sealed.open(client, roomId, event.content());
                    decode(event.roomId(), event.eventId(), content).ifPresentOrElse(tasks::add,
                            () -> problems.add(event.stateKey() + ": " + describe(content)));
                    if (content.has(TaskPayload.ERROR)) {
                        problems.add(event.stateKey() + ": " + content.get(TaskPayload.ERROR).asText());
                    }
                }
            }
        } catch (MatrixException e) {
            throw new WorkflowException(WorkflowException.Kind.FAILED, "cannot read the tasks of " + roomId + ": "
                    + e.getMessage(), e);
        }
        tasks.sort(Comparator.comparing(t -> t.task().taskId()));
        return tasks;
    }

    /** One task as the room holds it now. */
    public static Optional<TaskRecord> find(MatrixClient client, String roomId, SealedTasks sealed, String taskId)
            throws WorkflowException {
        List<String> problems = new ArrayList<>();
        Optional<TaskRecord> found = read(client, roomId, sealed, problems).stream()
                .filter(t -> t.task().taskId().equals(taskId)).findFirst();
        if (found.isEmpty() && problems.stream().anyMatch(p -> p.startsWith(taskId + ":"))) {
            throw new WorkflowException(WorkflowException.Kind.FAILED, "task " + taskId + " is malformed: "
                    + problems);
        }
        return found;
    }

    /**
     * The task in a state event's (opened) content, empty if it is not a well-formed {@code task.v1} (e.g. a
     * redacted one).
     */
    public static Optional<TaskRecord> decode(String roomId, String eventId, ObjectNode content) {
        try {
            TaskState task = ProtocolCodec.decode(TaskState.class, content);
            return Optional.of(new TaskRecord(roomId, task, eventId));
        } catch (MalformedEventException e) {
            return Optional.empty();
        }
    }

    private static String describe(ObjectNode content) {
        try {
            ProtocolCodec.decode(TaskState.class, content);
            return "readable";
        } catch (MalformedEventException e) {
            return e.getMessage();
        }
    }
}
