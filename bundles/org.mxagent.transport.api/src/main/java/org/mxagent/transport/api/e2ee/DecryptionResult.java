package org.mxagent.transport.api.e2ee;

import java.util.Objects;
import org.mxagent.transport.api.RoomEvent;

/** The outcome of decrypting one room event: exactly one of {@code event} and {@code failure} is set. */
public record DecryptionResult(RoomEvent event, DecryptionFailure failure) {

    public DecryptionResult {
        if ((event == null) == (failure == null)) {
            throw new IllegalArgumentException("exactly one of event and failure must be set");
        }
    }

    /** Decrypted: {@code event} has the cleartext type and content and {@link RoomEvent#isDecrypted()}. */
    public static DecryptionResult decrypted(RoomEvent event) {
        return new DecryptionResult(Objects.requireNonNull(event, "event"), null);
    }

    public static DecryptionResult failed(DecryptionFailure failure) {
        return new DecryptionResult(null, Objects.requireNonNull(failure, "failure"));
    }

    public boolean isDecrypted() {
        return event != null;
    }
}
