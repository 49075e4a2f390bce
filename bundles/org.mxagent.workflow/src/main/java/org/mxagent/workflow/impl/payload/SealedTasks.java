package org.mxagent.workflow.impl.payload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;

/**
 * Writes and reads {@code task.v1} so that an end-to-end encrypted room never holds a task's payload in state: in
 * such a room a write sends the payload as an encrypted {@value TaskPayload#TYPE} event (when it changed) and puts
 * the sealed state; a read resolves the payload and checks its hash. Plaintext rooms keep the plain wire format.
 */
public final class SealedTasks {
    private static final String ENCRYPTION = "m.room.encryption";

    private final PayloadEvents payloads;
    /** Rooms known to be encrypted; encryption cannot be turned off, so a yes is kept. */
    private final Map<String, Boolean> encrypted = new ConcurrentHashMap<>();

    public SealedTasks(PayloadEvents payloads) {
        this.payloads = payloads;
    }

    public PayloadEvents payloads() {
        return payloads;
    }

    /** Puts a task (full content as {@code ProtocolCodec} encodes it) and returns the state event id. */
    public String put(MatrixClient client, String roomId, ObjectNode task) throws MatrixException,
            CanonicalJsonException {
        if (task.has(TaskPayload.ERROR)) {
            // Its payload was never resolved here: only the status members can have changed; the state keeps
            // pointing to the payload it had.
            ObjectNode state = task.deepCopy();
            state.remove(TaskPayload.ERROR);
            return client.putState(roomId, EventTypes.TASK, task.path("task_id").asText(), state);
        }
        if (!isEncrypted(client, roomId)) {
            return client.putState(roomId, EventTypes.TASK, task.path("task_id").asText(), task);
        }
        String eventId;
        String sha256;
        if (TaskPayload.unchanged(task)) {
            eventId = task.get(TaskPayload.EVENT_ID).asText();
            sha256 = task.get(TaskPayload.SHA256).asText();
        } else {
            ObjectNode payload = TaskPayload.of(task);
            sha256 = TaskPayload.sha256(payload);
            eventId = client.sendEvent(roomId, TaskPayload.TYPE, payload);
            payloads.sent(eventId, payload);
        }
        return client.putState(roomId, EventTypes.TASK, task.path("task_id").asText(),
                TaskPayload.seal(task, eventId, sha256));
    }

    /**
     * The full content of a task.v1 state as read from the room: as it is when not sealed, the payload put back
     * when it resolves and matches, else the state marked with {@value TaskPayload#ERROR} (never runnable).
     */
    public ObjectNode open(MatrixClient client, String roomId, ObjectNode state) throws MatrixException {
        if (!TaskPayload.isSealed(state)) {
            return state;
        }
        PayloadEvents.Found found = payloads.find(client, roomId, state.get(TaskPayload.EVENT_ID).asText());
        if (found.content().isEmpty()) {
            return TaskPayload.unresolved(state, found.problem());
        }
        try {
            return TaskPayload.open(state, found.content().get());
        } catch (TaskPayload.PayloadException e) {
            return TaskPayload.unresolved(state, e.getMessage());
        }
    }

    private boolean isEncrypted(MatrixClient client, String roomId) throws MatrixException {
        if (encrypted.containsKey(roomId)) {
            return true;
        }
        boolean yes = client.getState(roomId, ENCRYPTION, "").map(c -> c.has("algorithm")).orElse(false);
        if (yes) {
            encrypted.put(roomId, true);
        }
        return yes;
    }
}
