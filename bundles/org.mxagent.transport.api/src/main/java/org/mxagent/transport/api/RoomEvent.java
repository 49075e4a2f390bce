package org.mxagent.transport.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A room event as the homeserver delivered it. {@code raw} is the whole event (its {@code content} is the
 * exact received JSON, which signature checks need); {@code stateKey} is null for timeline events.
 *
 * <p>In an end-to-end encrypted room the transport delivers the <em>decrypted</em> event: {@code type} and
 * {@code content} are the sender's cleartext, and {@code raw.unsigned} carries {@value #DECRYPTION} with how it
 * was decrypted ({@link #isDecrypted()}, {@link #decryption()}). Transports remove that key from every event the
 * homeserver sends, so a server cannot make a plaintext event look decrypted.
 */
public record RoomEvent(String roomId, String eventId, String sender, String type, String stateKey,
        long originServerTs, ObjectNode raw) {

    public ObjectNode content() {
        return raw.has("content") && raw.get("content").isObject() ? (ObjectNode) raw.get("content")
                : raw.objectNode();
    }

    public boolean isState() {
        return stateKey != null;
    }

    /**
     * The {@code unsigned} key under which a transport records that it decrypted this event: an object with
     * {@code algorithm}, {@code session_id}, {@code sender_key}, {@code message_index} and, when known,
     * {@code sender_device} and {@code sender_ed25519}.
     *
     * @since 1.1
     */
    public static final String DECRYPTION = "org.mxagent.decryption";

    /**
     * Whether this event arrived encrypted and was decrypted on this device (its type and content are the
     * cleartext).
     *
     * @since 1.1
     */
    public boolean isDecrypted() {
        return decryption().isPresent();
    }

    /**
     * How this event was decrypted (see {@link #DECRYPTION}); empty for events that were not encrypted.
     *
     * @since 1.1
     */
    public Optional<ObjectNode> decryption() {
        JsonNode info = raw.path("unsigned").get(DECRYPTION);
        return info != null && info.isObject() ? Optional.of((ObjectNode) info) : Optional.empty();
    }

    /**
     * The {@code unsigned} key under which a transport records why it could not decrypt a history event (one
     * returned by {@link MatrixClient#messages}, which stays {@code m.room.encrypted}): an object with
     * {@code reason} (a {@link org.mxagent.transport.api.e2ee.DecryptionFailure.Reason} name) and {@code message}.
     * Removed from everything the homeserver sends, like {@link #DECRYPTION}.
     *
     * @since 1.4
     */
    public static final String DECRYPTION_FAILURE = "org.mxagent.decryption_failure";

    /**
     * Why this encrypted history event could not be decrypted on this device, as "REASON: message"; empty when it
     * was not encrypted, was decrypted, or the transport did not try.
     *
     * @since 1.4
     */
    public Optional<String> decryptionFailure() {
        JsonNode info = raw.path("unsigned").get(DECRYPTION_FAILURE);
        return info != null && info.isObject() ? Optional.of(info.path("reason").asText("UNKNOWN") + ": "
                + info.path("message").asText("")) : Optional.empty();
    }
}
