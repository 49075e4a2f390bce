package org.mxagent.crypto.impl.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.mxagent.crypto.impl.store.StoreChanges;
import org.mxagent.crypto.impl.store.WithheldRecord;
import org.mxagent.crypto.spi.GroupDecryption;
import org.mxagent.crypto.spi.OlmError;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.e2ee.DecryptionFailure;
import org.mxagent.transport.api.e2ee.DecryptionFailure.Reason;
import org.mxagent.transport.api.e2ee.DecryptionResult;

/**
 * Decrypts {@code m.megolm.v1.aes-sha2} room events and classifies failures. Checks, in order: the session is
 * held (else withheld or missing), the index is known, the ciphertext authenticates, the cleartext names this
 * room, the key came from the event's sender, and no other event used the same message index (replay). The
 * index is recorded against the event id, so the same event decrypts again (a repeated sync batch) but a copy
 * under another id does not.
 */
final class GroupDecryptor {
    private final MachineContext context;
    private final InboundGroupSessions sessions;

    GroupDecryptor(MachineContext context, InboundGroupSessions sessions) {
        this.context = context;
        this.sessions = sessions;
    }

    DecryptionResult decrypt(RoomEvent event, StoreChanges changes) {
        JsonNode content = event.content();
        String algorithm = content.path("algorithm").asText("");
        String sessionId = content.path("session_id").asText(null);
        if (!AccountState.MEGOLM_ALGORITHM.equals(algorithm)) {
            return failed(Reason.UNSUPPORTED_ALGORITHM, "algorithm '" + algorithm + "'", sessionId);
        }
        String ciphertext = content.path("ciphertext").asText(null);
        if (sessionId == null || ciphertext == null) {
            return failed(Reason.BAD_CIPHERTEXT, "no session_id or ciphertext", sessionId);
        }
        Optional<InboundGroupSessions.Entry> entry;
        try {
            entry = sessions.get(event.roomId(), sessionId);
        } catch (OlmException e) {
            return failed(Reason.BAD_CIPHERTEXT, "stored session " + sessionId + " cannot be restored: "
                    + e.getMessage(), sessionId);
        }
        if (entry.isEmpty()) {
            Optional<WithheldRecord> withheld = context.store().withheld(event.roomId(), sessionId);
            return withheld.map(w -> failed(Reason.WITHHELD, withheldMessage(w), sessionId))
                    .orElseGet(() -> failed(Reason.MISSING_SESSION, "no room key for session " + sessionId
                            + " (yet)", sessionId));
        }
        GroupDecryption decryption;
        try {
            decryption = entry.get().session().decrypt(ciphertext);
        } catch (OlmException e) {
            if (e.error() == OlmError.UNKNOWN_MESSAGE_INDEX) {
                return failed(Reason.UNKNOWN_MESSAGE_INDEX, "our key for session " + sessionId + " starts at index "
                        + entry.get().session().firstKnownIndex() + ", after this message", sessionId);
            }
            return failed(Reason.BAD_CIPHERTEXT, e.olmName() + ": " + e.getMessage(), sessionId);
        }
        ObjectNode clear;
        try {
            JsonNode parsed = context.mapper().readTree(decryption.plaintext());
            if (!parsed.isObject() || !parsed.path("type").isTextual() || !parsed.path("content").isObject()) {
                return failed(Reason.BAD_CIPHERTEXT, "cleartext is not an event (type, content)", sessionId);
            }
            clear = (ObjectNode) parsed;
        } catch (IOException e) {
            return failed(Reason.BAD_CIPHERTEXT, "cleartext is not JSON: " + e.getMessage(), sessionId);
        }
        if (!event.roomId().equals(clear.path("room_id").asText())) {
            return failed(Reason.MISMATCHED_SENDER_OR_ROOM, "cleartext names room '" + clear.path("room_id").asText()
                    + "', the event is in " + event.roomId(), sessionId);
        }
        String keyOwner = entry.get().record().senderUser();
        if (keyOwner != null && !keyOwner.equals(event.sender())) {
            return failed(Reason.MISMATCHED_SENDER_OR_ROOM, "session " + sessionId + " belongs to " + keyOwner
                    + ", the event claims " + event.sender(), sessionId);
        }
        long index = decryption.messageIndex();
        Optional<String> earlier = changes.replayEventId(event.roomId(), sessionId, index)
                .or(() -> context.store().replayEventId(event.roomId(), sessionId, index));
        if (earlier.isPresent() && !earlier.get().equals(event.eventId())) {
            return failed(Reason.REPLAYED, "message index " + index + " of session " + sessionId
                    + " was already used by " + earlier.get(), sessionId);
        }
        if (earlier.isEmpty()) {
            changes.replayEntry(new StoreChanges.ReplayEntry(event.roomId(), sessionId,
                    index, event.eventId()));
        }
        context.counters().decrypted();
        return DecryptionResult.decrypted(decryptedEvent(event, clear, entry.get(), index));
    }

    private RoomEvent decryptedEvent(RoomEvent envelope, ObjectNode clear, InboundGroupSessions.Entry entry,
            long index) {
        ObjectNode raw = context.mapper().createObjectNode();
        String type = clear.get("type").asText();
        ObjectNode content = ((ObjectNode) clear.get("content")).deepCopy();
        JsonNode relation = envelope.content().get("m.relates_to");
        if (relation != null && !content.has("m.relates_to")) {
            content.set("m.relates_to", relation); // relations stay in the clear, the spec says to merge them back
        }
        raw.put("type", type);
        raw.set("content", content);
        raw.put("event_id", envelope.eventId());
        raw.put("sender", envelope.sender());
        raw.put("origin_server_ts", envelope.originServerTs());
        raw.put("room_id", envelope.roomId());
        JsonNode unsigned = envelope.raw().get("unsigned");
        ObjectNode newUnsigned = unsigned != null && unsigned.isObject() ? ((ObjectNode) unsigned).deepCopy()
                : raw.objectNode();
        ObjectNode info = newUnsigned.putObject(RoomEvent.DECRYPTION);
        info.put("algorithm", AccountState.MEGOLM_ALGORITHM);
        info.put("session_id", entry.session().sessionId());
        info.put("sender_key", entry.record().senderKey());
        info.put("message_index", index);
        if (entry.record().signingKey() != null) {
            info.put("sender_ed25519", entry.record().signingKey());
        }
        String device = envelope.content().path("device_id").asText(null);
        if (device != null) {
            info.put("sender_device", device);
        }
        raw.set("unsigned", newUnsigned);
        return new RoomEvent(envelope.roomId(), envelope.eventId(), envelope.sender(), type, null,
                envelope.originServerTs(), raw);
    }

    private static String withheldMessage(WithheldRecord withheld) {
        return "the sender withheld the key (" + withheld.code() + (withheld.reason() == null ? ""
                : ": " + withheld.reason()) + ")";
    }

    private static DecryptionResult failed(Reason reason, String message, String sessionId) {
        return DecryptionResult.failed(new DecryptionFailure(reason, message, sessionId));
    }
}
