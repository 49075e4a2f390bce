package org.mxagent.workflow.impl.schedule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.workflow.api.TaskRecord;
import org.mxagent.workflow.impl.RoomTasks;
import org.mxagent.workflow.impl.payload.TaskPayload;

/** A scheduler's view of the room's tasks, fed by room state at start and by sync after. One thread only. */
public final class TaskBoard {

    /**
     * A task and its content as received, payload put back (the authorization is verified over that);
     * {@code sealed} is the state content as the room holds it.
     */
    public record Entry(TaskRecord record, ObjectNode raw, ObjectNode sealed) {
        /** Why the payload of this task could not be resolved, if it could not. */
        public Optional<String> payloadProblem() {
            return raw.has(TaskPayload.ERROR) ? Optional.of(raw.get(TaskPayload.ERROR).asText()) : Optional.empty();
        }
    }

    private final Map<String, Entry> tasks = new TreeMap<>();

    /**
     * Takes a task.v1 state event, with its {@code opened} content, if it is newer than what the board holds (or
     * the same revision, e.g. once its payload resolved); returns whether it did.
     */
    public boolean accept(RoomEvent event, ObjectNode opened) {
        return accept(event.roomId(), event.eventId(), event.content(), opened);
    }

    /** As {@link #accept(RoomEvent, ObjectNode)}, from the parts of the event. */
    public boolean accept(String roomId, String eventId, ObjectNode sealed, ObjectNode opened) {
        Optional<TaskRecord> record = RoomTasks.decode(roomId, eventId, opened);
        if (record.isEmpty()) {
            return false;
        }
        Entry known = tasks.get(record.get().task().taskId());
        if (known != null && known.record().task().stateRev() > record.get().task().stateRev()) {
            return false;
        }
        tasks.put(record.get().task().taskId(), new Entry(record.get(), opened.deepCopy(), sealed.deepCopy()));
        return true;
    }

    public Optional<Entry> get(String taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    public Collection<Entry> all() {
        return tasks.values();
    }

    /** Entries whose payload did not resolve and is event {@code payloadEventId}. */
    public List<Entry> waitingFor(String payloadEventId) {
        return tasks.values().stream().filter(e -> e.payloadProblem().isPresent()
                && payloadEventId.equals(e.sealed().path(TaskPayload.EVENT_ID).asText())).toList();
    }

    public List<org.mxagent.protocol.api.event.TaskState> states() {
        return tasks.values().stream().map(e -> e.record().task()).toList();
    }
}
