package org.mxagent.transport.api.e2ee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.mxagent.transport.api.MatrixSession;
import org.mxagent.transport.api.RoomEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The Olm/Megolm state of one device, driven by a transport (the design of matrix-rust-sdk's
 * {@code OlmMachine}). It does no I/O towards the homeserver: the transport feeds it, performs the requests it
 * returns and reports their outcome. Every change is durable before a method returns. Methods are thread-safe.
 *
 * <p>Receiving, per sync response: {@link #receiveSyncChanges} first (to-device messages carry room keys),
 * then {@link #receiveRoomEvent} and {@link #decryptRoomEvent} for each room event in delivery order, then
 * {@link #outgoingRequests()} are sent. Sending into an encrypted room: {@link #updateTrackedUsers} with the
 * members, send {@link #outgoingRequests()} (device lists), send {@link #missingSessions} (one-time keys),
 * send every request of {@link #shareRoomKey}, then {@link #encryptRoomEvent}.
 */
@ConsumerType
public interface E2eeMachine extends AutoCloseable {

    /** The device this machine is. */
    MatrixSession session();

    /**
     * Feeds the parts of a sync response that are not room events: {@code to_device} (Olm-encrypted room keys,
     * withheld notices), {@code device_lists} ({@code changed}/{@code left}), {@code device_one_time_keys_count}
     * and {@code device_unused_fallback_key_types}. Also returns events kept by {@link #retryLater} whose key
     * arrived now. Failures inside are logged and counted in the machine's status; they never throw.
     */
    SyncChanges receiveSyncChanges(ObjectNode syncResponse);

    /**
     * Feeds a (not encrypted) room event: {@code m.room.encryption} records the room's settings;
     * {@code m.room.member} tracks the devices of members of encrypted rooms and, when a member leaves,
     * rotates the room's outbound session before the next message.
     */
    void receiveRoomEvent(RoomEvent event);

    /**
     * The room's {@code m.room.encryption} content as last seen by {@link #receiveRoomEvent} or passed to
     * {@link #shareRoomKey}; empty if the machine never saw the room encrypted. Durable, and a room never becomes
     * unencrypted, so a transport that asks this before the homeserver cannot be talked into sending plaintext
     * into a room it knows is encrypted.
     */
    Optional<ObjectNode> encryptionSettings(String roomId);

    /** The requests to send now: key upload (device keys, one-time and fallback keys) and device list queries. */
    List<OutgoingRequest> outgoingRequests();

    /** Reports the homeserver's reply to a request; unknown ids are ignored. */
    void markRequestAsSent(String requestId, JsonNode response);

    /** Reports that a request failed; it is produced again (or its work redone) later. */
    void markRequestAsFailed(String requestId, String error);

    /** Starts tracking the device lists of these users; new ones are queried by the next {@link #outgoingRequests()}. */
    void updateTrackedUsers(Collection<String> userIds);

    /** A {@code /keys/claim} request for the devices of these users that have no Olm session yet, if any. */
    Optional<OutgoingRequest> missingSessions(Collection<String> userIds);

    /**
     * Makes sure every device of {@code userIds} (and our own other devices) holds the room's current Megolm
     * session: rotates it first when it is too old, used too often ({@code rotation_period_ms},
     * {@code rotation_period_msgs} of {@code encryptionSettings}), or a member left; returns the to-device
     * requests that carry it (Olm-encrypted {@code m.room_key}, or {@code m.room_key.withheld} for devices
     * without an Olm session). A device counts as having the key once its request is marked sent.
     *
     * @param encryptionSettings the room's {@code m.room.encryption} content
     * @throws E2eeException for an algorithm other than {@code m.megolm.v1.aes-sha2}
     */
    List<OutgoingRequest> shareRoomKey(String roomId, Collection<String> userIds, ObjectNode encryptionSettings)
            throws E2eeException;

    /**
     * Encrypts an event with the room's outbound Megolm session and returns the {@code m.room.encrypted}
     * content. The session's new message index is stored before this returns.
     *
     * @throws E2eeException if {@link #shareRoomKey} has not been called for the room
     */
    ObjectNode encryptRoomEvent(String roomId, String eventType, ObjectNode content) throws E2eeException;

    /**
     * Decrypts an {@code m.room.encrypted} room event. The result's event has the cleartext type and content,
     * the envelope's id, sender and timestamp, and the decryption details under {@link RoomEvent#DECRYPTION}.
     * A second event reusing a session's message index is refused as a replay; the same event again is not.
     */
    DecryptionResult decryptRoomEvent(RoomEvent event);

    /**
     * Keeps an event whose decryption failed with a retriable reason; when its room key arrives,
     * {@link #receiveSyncChanges} returns it decrypted. Kept durably, so a restart does not lose it.
     */
    void retryLater(RoomEvent event, DecryptionFailure failure);

    /**
     * The transport delivered these {@link SyncChanges#lateDecrypted()} events and stored its sync position:
     * they are forgotten. Until then every {@link #receiveSyncChanges} returns them again (at-least-once, like
     * the sync batch they arrived in).
     */
    void markLateEventsDelivered(Collection<String> eventIds);

    /** A one-paragraph readable summary for status displays (keys, devices, sessions, failures). */
    String describe();

    /** Releases the key material held in memory; the durable state stays. */
    @Override
    void close();
}
