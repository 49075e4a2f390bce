package org.mxagent.transport.api.e2ee;

import org.mxagent.transport.api.RoomEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard listener for encrypted room events the sync loop could not decrypt. Such events never reach
 * {@link org.mxagent.transport.api.RoomEventListener}s in their encrypted form; if a retriable failure is
 * resolved by a key arriving later, the decrypted event is delivered to room event listeners then.
 *
 * <p>Called on the sync thread: return quickly.
 */
@ConsumerType
public interface UndecryptableEventListener {
    /** {@code event} is the encrypted event as received ({@code m.room.encrypted}). */
    void onUndecryptable(RoomEvent event, DecryptionFailure failure);
}
