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

/** A scheduler's view of the room's tasks, fed by room state at start and by sync after. One thread only. */
public final class TaskBoard {

    /** A task and its content as received (the authorization is verified over that). */
    public record Entry(TaskRecord record, ObjectNode raw) {}

    private final Map<String, Entry> tasks = new TreeMap<>();

    /** Takes a task.v1 state event if it is newer than what the board holds; returns whether it did. */
    public boolean accept(RoomEvent event) {
        Optional<TaskRecord> record = RoomTasks.decode(event);
        if (record.isEmpty()) {
            return false;
        }
        Entry known = tasks.get(record.get().task().taskId());
        if (known != null && known.record().task().stateRev() > record.get().task().stateRev()) {
            return false;
        }
        tasks.put(record.get().task().taskId(), new Entry(record.get(), event.content().deepCopy()));
        return true;
    }

    public Optional<Entry> get(String taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    public Collection<Entry> all() {
        return tasks.values();
    }

    public List<org.mxagent.protocol.api.event.TaskState> states() {
        return tasks.values().stream().map(e -> e.record().task()).toList();
    }
}
