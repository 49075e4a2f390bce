package org.mxagent.transport.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The client-server API of one logged-in account. Registered as a service only while a session exists.
 * Calls block the calling thread (never call them from a {@link RoomEventListener} callback directly;
 * hand the work to an executor). Rate limiting (429) is retried inside, honouring Retry-After.
 */
@ProviderType
public interface MatrixClient {

    MatrixSession session();

    /**
     * Sends a timeline event. A retry after a network error reuses the transaction id: never duplicated.
     *
     * <p>In a room with {@code m.room.encryption} state the event is end-to-end encrypted (since 1.1): the
     * room key is shared with every device of the joined and invited members first, and the homeserver only
     * sees {@code m.room.encrypted}. Without an {@link org.mxagent.transport.api.e2ee.E2eeProvider} the send
     * fails with a {@link MatrixException}; it is never sent in plaintext.
     */
    String sendEvent(String roomId, String type, ObjectNode content) throws MatrixException;

    /**
     * A fresh transaction id for {@link #sendEvent(String, String, String, ObjectNode)}, unique for this session
     * (since 1.3).
     */
    String newTransactionId();

    /**
     * Sends a timeline event under the caller's transaction id (from {@link #newTransactionId()}), so a caller
     * that retries after this method failed (e.g. the homeserver restarted for longer than the transport's own
     * retries) can reuse it: the homeserver stores the event once and answers every retry with the same event id
     * (since 1.3). Encryption as for {@link #sendEvent(String, String, ObjectNode)}.
     */
    String sendEvent(String roomId, String type, String transactionId, ObjectNode content) throws MatrixException;

    /** Puts a state event and returns its event id. */
    String putState(String roomId, String type, String stateKey, ObjectNode content) throws MatrixException;

    /** One state event's content, or empty if the room has none of that type and key. */
    Optional<ObjectNode> getState(String roomId, String type, String stateKey) throws MatrixException;

    /** The room's full current state, as raw events. */
    List<RoomEvent> roomState(String roomId) throws MatrixException;

    /** One page of the room timeline, newest first when {@code backwards}. */
    MessagesPage messages(String roomId, String from, boolean backwards, int limit) throws MatrixException;

    /** Creates a room from a raw {@code /createRoom} body; returns the room id. */
    String createRoom(ObjectNode body) throws MatrixException;

    /** Joins by room id or alias; returns the room id. */
    String joinRoom(String roomIdOrAlias) throws MatrixException;

    void leaveRoom(String roomId) throws MatrixException;

    void invite(String roomId, String userId) throws MatrixException;

    /** Resolves {@code #alias:server} to a room id. */
    String resolveAlias(String alias) throws MatrixException;

    List<String> joinedRooms() throws MatrixException;

    /** Uploads bytes to the media repository; returns the {@code mxc://} URI. */
    String uploadMedia(byte[] content, String contentType, String fileName) throws MatrixException;

    byte[] downloadMedia(String mxcUri) throws MatrixException;

    /**
     * Uploads media that belongs to a room's events (since 1.3). In an end-to-end encrypted room the bytes are
     * encrypted first (Matrix {@code EncryptedFile} v2: AES-256-CTR with a fresh key, SHA-256 of the ciphertext)
     * and uploaded as {@code application/octet-stream} without a file name, so the homeserver learns neither;
     * the returned attachment then carries the {@code EncryptedFile}. Elsewhere it is a plain upload.
     */
    MediaAttachment uploadAttachment(String roomId, byte[] content, String contentType, String fileName)
            throws MatrixException;

    /**
     * Downloads media referenced by an event (since 1.3). With an {@code EncryptedFile} the download must match it
     * (same URL, SHA-256 of the ciphertext) before it is decrypted; a mismatch is an error, never partial data.
     */
    byte[] downloadAttachment(String mxcUri, Optional<? extends JsonNode> encryptedFile) throws MatrixException;

    /** Sends to-device messages: {@code messages} maps user id → device id (or "*") → content. */
    void sendToDevice(String eventType, ObjectNode messages) throws MatrixException;

    /** A raw authenticated request for endpoints this interface does not cover (e.g. {@code /keys/*}). */
    JsonNode request(String method, String path, JsonNode body) throws MatrixException;

    /** The sync loop's health, for status displays. */
    SyncStatus syncStatus();
}
