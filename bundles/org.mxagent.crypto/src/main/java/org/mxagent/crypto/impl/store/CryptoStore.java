package org.mxagent.crypto.impl.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable state of one device's crypto machine. Writes go through {@link #save} (one transaction each, durable
 * when it returns); reads return what the last save wrote. Pickles are encrypted by the machine; the store keeps
 * them as opaque text. Implementations are thread-safe. Failures are {@link CryptoStoreException}s.
 *
 * <p>The shape leaves room for what comes later (cross-signing identities, key backup versions): each is a
 * table of its own beside these.
 */
public interface CryptoStore extends AutoCloseable {

    Optional<AccountRecord> account();

    List<OlmSessionRecord> olmSessions();

    Optional<InboundSessionRecord> inboundSession(String roomId, String sessionId);

    int inboundSessionCount();

    List<OutboundSessionRecord> outboundSessions();

    List<SharedWithRecord> sharedWith(String sessionId);

    List<DeviceRecord> devices();

    /** Devices the operator verified (SAS), with the Ed25519 key that was verified. */
    List<VerifiedDeviceRecord> verifiedDevices();

    /** Tracked user id → whether its device list is outdated. */
    Map<String, Boolean> trackedUsers();

    /** Room id → its {@code m.room.encryption} content (JSON text). */
    Map<String, String> roomSettings();

    /** The event that used a message index of a session, if any did. */
    Optional<String> replayEventId(String roomId, String sessionId, long messageIndex);

    Optional<WithheldRecord> withheld(String roomId, String sessionId);

    /** The unresolved pending events of a session, oldest first. */
    List<PendingEventRecord> pendingEvents(String roomId, String sessionId);

    /** All unresolved pending events, oldest first (for status). */
    List<PendingEventRecord> pendingEvents();

    /** Pending events decrypted and handed out but not yet confirmed delivered, oldest first. */
    List<PendingEventRecord> resolvedPendingEvents();

    void save(StoreChanges changes);

    @Override
    void close();
}
