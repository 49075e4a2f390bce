package org.mxagent.workflow.impl;

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

/** Reads {@code task.v1} state of a room. A malformed task is reported, never silently dropped. */
public final class RoomTasks {
    private RoomTasks() {}

    /** The decoded tasks, ordered by task id; malformed ones go to {@code problems}. */
    public static List<TaskRecord> read(MatrixClient client, String roomId, List<String> problems)
            throws WorkflowException {
        List<RoomEvent> state;
        try {
            state = client.roomState(roomId);
        } catch (MatrixException e) {
            throw new WorkflowException(WorkflowException.Kind.FAILED, "cannot read the state of " + roomId + ": "
                    + e.getMessage(), e);
        }
        List<TaskRecord> tasks = new ArrayList<>();
        for (RoomEvent event : state) {
            if (EventTypes.TASK.equals(event.type())) {
                decode(event).ifPresentOrElse(tasks::add,
                        () -> problems.add(event.stateKey() + ": " + describe(event)));
            }
        }
        tasks.sort(Comparator.comparing(t -> t.task().taskId()));
        return tasks;
    }

    /** One task as the room holds it now. */
    public static Optional<TaskRecord> find(MatrixClient client, String roomId, String taskId)
            throws WorkflowException {
        List<String> problems = new ArrayList<>();
        Optional<TaskRecord> found = read(client, roomId, problems).stream()
                .filter(t -> t.task().taskId().equals(taskId)).findFirst();
        if (found.isEmpty() && problems.stream().anyMatch(p -> p.startsWith(taskId + ":"))) {
            throw new WorkflowException(WorkflowException.Kind.FAILED, "task " + taskId + " is malformed: "
                    + problems);
        }
        return found;
    }

    /** The task in a state event, empty if it is not a well-formed {@code task.v1} (e.g. a redacted one). */
    public static Optional<TaskRecord> decode(RoomEvent event) {
        try {
            TaskState task = ProtocolCodec.decode(TaskState.class, event.content());
            return Optional.of(new TaskRecord(event.roomId(), task, event.eventId()));
        } catch (MalformedEventException e) {
            return Optional.empty();
        }
    }

    private static String describe(RoomEvent event) {
        try {
            ProtocolCodec.decode(TaskState.class, event.content());
            return "readable";
        } catch (MalformedEventException e) {
            return e.getMessage();
        }
    }
}
