package org.mxagent.transport.api.e2ee;

import java.util.List;
import org.mxagent.transport.api.RoomEvent;

/**
 * What a sync response changed that the transport must act on.
 *
 * @param lateDecrypted events that failed to decrypt earlier ({@link E2eeMachine#retryLater}) and decrypt now
 *        that their room key arrived, oldest first; the transport delivers them to room event listeners before
 *        the room events of the same response, then confirms with {@link E2eeMachine#markLateEventsDelivered}
 * @param roomKeysReceived how many room keys (Megolm sessions) this response brought
 */
public record SyncChanges(List<RoomEvent> lateDecrypted, int roomKeysReceived) {
    public SyncChanges {
        lateDecrypted = List.copyOf(lateDecrypted);
    }

    /** Nothing to act on. */
    public static SyncChanges none() {
        return new SyncChanges(List.of(), 0);
    }
}
