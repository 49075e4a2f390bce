package org.mxagent.exec.impl.requester;

import java.util.Optional;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.e2ee.DecryptionFailure;

/**
 * Tells each live remote session in a room that an event there could not be decrypted, so a run whose answer or
 * output is in that event shows why it stalls instead of waiting silently (the transport also logs it).
 */
public final class UndecryptableNotices {
    private final Sessions sessions;

    public UndecryptableNotices(Sessions sessions) {
        this.sessions = sessions;
    }

    /** Called on the sync thread: only queues frames. */
    public void onUndecryptable(RoomEvent event, DecryptionFailure failure) {
        String notice = "an encrypted event from " + event.sender() + " in " + event.roomId()
                + " could not be decrypted (" + failure.reason() + ": " + failure.message() + "); "
                + (failure.reason().isRetriable() ? "it is delivered if its key arrives later"
                        : "it is dropped")
                + "; if it was this run's, its output or result may be late or missing";
        for (Session session : sessions.all()) {
            if (session.roomId().equals(Optional.of(event.roomId())) && !session.frames().isFinished()) {
                session.frames().offer(Frames.warning(notice), 0);
            }
        }
    }
}
