package org.mxagent.crypto.impl.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one machine operation changed, written by {@link CryptoStore#save} in a single transaction, so a crash
 * leaves the store before or after the operation, never half-way (for example a used one-time key removed from
 * the account but the session made from it lost). Not thread-safe: one per operation.
 */
public final class StoreChanges {
    /** A Megolm message index seen on an event, for replay detection. */
    public record ReplayEntry(String roomId, String sessionId, long messageIndex, String eventId) {}

    record DeviceId(String userId, String deviceId) {}

    record PendingReason(String roomId, String sessionId, String reason) {}

    AccountRecord account;
    final List<OlmSessionRecord> olmSessions = new ArrayList<>();
    final List<InboundSessionRecord> inboundSessions = new ArrayList<>();
    final List<OutboundSessionRecord> outboundSessions = new ArrayList<>();
    final List<SharedWithRecord> sharedWith = new ArrayList<>();
    final List<DeviceRecord> devices = new ArrayList<>();
    final List<DeviceId> deletedDevices = new ArrayList<>();
    final Map<String, Boolean> trackedUsers = new LinkedHashMap<>();
    final List<String> untrackedUsers = new ArrayList<>();
    final Map<String, String> roomSettings = new LinkedHashMap<>();
    final List<ReplayEntry> replayEntries = new ArrayList<>();
    final List<WithheldRecord> withheld = new ArrayList<>();
    final List<PendingEventRecord> pending = new ArrayList<>();
    final List<String> resolvedPending = new ArrayList<>();
    final List<String> deletedPending = new ArrayList<>();
    final List<PendingReason> pendingReasons = new ArrayList<>();
    final List<VerifiedDeviceRecord> verifiedDevices = new ArrayList<>();
    final List<DeviceId> unverifiedDevices = new ArrayList<>();

    public StoreChanges verifiedDevice(VerifiedDeviceRecord record) {
        verifiedDevices.add(record);
        return this;
    }

    public StoreChanges unverifiedDevice(String userId, String deviceId) {
        unverifiedDevices.add(new DeviceId(userId, deviceId));
        return this;
    }

    public StoreChanges account(AccountRecord record) {
        account = record;
        return this;
    }

    public StoreChanges olmSession(OlmSessionRecord record) {
        olmSessions.add(record);
        return this;
    }

    public StoreChanges inboundSession(InboundSessionRecord record) {
        inboundSessions.add(record);
        return this;
    }

    public StoreChanges outboundSession(OutboundSessionRecord record) {
        outboundSessions.add(record);
        return this;
    }

    public StoreChanges sharedWith(SharedWithRecord record) {
        sharedWith.add(record);
        return this;
    }

    public StoreChanges device(DeviceRecord record) {
        devices.add(record);
        return this;
    }

    public StoreChanges deleteDevice(String userId, String deviceId) {
        deletedDevices.add(new DeviceId(userId, deviceId));
        return this;
    }

    /** Tracks {@code userId}; {@code dirty} means its device list must be (re)queried. */
    public StoreChanges trackedUser(String userId, boolean dirty) {
        untrackedUsers.remove(userId);
        trackedUsers.put(userId, dirty);
        return this;
    }

    public StoreChanges untrackUser(String userId) {
        trackedUsers.remove(userId);
        untrackedUsers.add(userId);
        return this;
    }

    public StoreChanges roomSettings(String roomId, String settingsJson) {
        roomSettings.put(roomId, settingsJson);
        return this;
    }

    public StoreChanges replayEntry(ReplayEntry entry) {
        replayEntries.add(entry);
        return this;
    }

    public StoreChanges withheld(WithheldRecord record) {
        withheld.add(record);
        return this;
    }

    /** Adds a pending event, or updates the reason of one already kept. */
    public StoreChanges pending(PendingEventRecord record) {
        pending.add(record);
        return this;
    }

    /** Marks a pending event decrypted and handed out; {@link #deletePending} forgets it once delivered. */
    public StoreChanges resolvePending(String eventId) {
        resolvedPending.add(eventId);
        return this;
    }

    /** Sets the failure reason of the pending events of a session (e.g. withheld after all). */
    public StoreChanges pendingReason(String roomId, String sessionId, String reason) {
        pendingReasons.add(new PendingReason(roomId, sessionId, reason));
        return this;
    }

    /** Forgets a pending event (delivered). */
    public StoreChanges deletePending(String eventId) {
        deletedPending.add(eventId);
        return this;
    }

    /** The event this operation already recorded for a message index, if it did (not yet in the store). */
    public java.util.Optional<String> replayEventId(String roomId, String sessionId, long messageIndex) {
        return replayEntries.stream().filter(r -> r.roomId().equals(roomId) && r.sessionId().equals(sessionId)
                && r.messageIndex() == messageIndex).map(ReplayEntry::eventId).findFirst();
    }

    public boolean isEmpty() {
        return account == null && olmSessions.isEmpty() && inboundSessions.isEmpty() && outboundSessions.isEmpty()
                && sharedWith.isEmpty() && devices.isEmpty() && deletedDevices.isEmpty() && trackedUsers.isEmpty()
                && untrackedUsers.isEmpty() && roomSettings.isEmpty() && replayEntries.isEmpty() && withheld.isEmpty()
                && pending.isEmpty() && resolvedPending.isEmpty() && deletedPending.isEmpty() && pendingReasons.isEmpty()
                && verifiedDevices.isEmpty() && unverifiedDevices.isEmpty();
    }
}
