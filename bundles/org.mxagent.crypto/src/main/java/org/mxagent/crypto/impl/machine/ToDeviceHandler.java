package org.mxagent.crypto.impl.machine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mxagent.crypto.impl.store.DeviceRecord;
import org.mxagent.crypto.impl.store.StoreChanges;
import org.mxagent.crypto.impl.store.WithheldRecord;
import org.mxagent.crypto.spi.InboundGroupSession;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.OlmMessage;

/**
 * The to-device events of a sync: Olm-encrypted ones are decrypted and their payload checked (for us, from the
 * device the Olm session belongs to); {@code m.room_key} payloads become inbound Megolm sessions;
 * {@code m.room_key.withheld} notices are recorded so failures can say why a key never came.
 */
final class ToDeviceHandler {
    /** A room key that arrived: events of this session may decrypt now. */
    record ReceivedKey(String roomId, String sessionId) {}

    /** A withheld notice: pending events of the session get this reason. */
    record Withheld(String roomId, String sessionId, String reason) {}

    /** A {@code m.key.verification.*} event, plaintext or the payload of an Olm-encrypted one. */
    record VerificationEvent(String sender, String type, JsonNode content) {}

    /** What a batch of to-device events brought. */
    record Outcome(List<ReceivedKey> keys, List<Withheld> withheld, List<VerificationEvent> verification) {}

    private final MachineContext context;
    private final AccountState account;
    private final OlmSessions olm;
    private final InboundGroupSessions inbound;
    private final DeviceRegistry devices;

    ToDeviceHandler(MachineContext context, AccountState account, OlmSessions olm, InboundGroupSessions inbound,
            DeviceRegistry devices) {
        this.context = context;
        this.account = account;
        this.olm = olm;
        this.inbound = inbound;
        this.devices = devices;
    }

    Outcome handle(JsonNode events, StoreChanges changes) {
        List<ReceivedKey> keys = new ArrayList<>();
        List<Withheld> withheld = new ArrayList<>();
        List<VerificationEvent> verification = new ArrayList<>();
        for (JsonNode event : events) {
            String type = event.path("type").asText("");
            if (Verifications.isVerificationEvent(type)) {
                verification.add(new VerificationEvent(event.path("sender").asText(""), type, event.path("content")));
                continue;
            }
            switch (type) {
                case "m.room.encrypted" -> decrypted(event, changes).ifPresent(payload -> {
                    String payloadType = payload.path("type").asText("");
                    if (Verifications.isVerificationEvent(payloadType)) {
                        verification.add(new VerificationEvent(event.path("sender").asText(""), payloadType,
                                payload.path("content")));
                    } else {
                        roomKey(event, payload, changes).ifPresent(keys::add);
                    }
                });
                case "m.room_key.withheld", "org.matrix.room_key.withheld" ->
                        withheld(event, changes).ifPresent(withheld::add);
                default -> context.log().debug("to-device " + type + " from " + event.path("sender").asText()
                        + " ignored");
            }
        }
        return new Outcome(keys, withheld, verification);
    }

    private Optional<JsonNode> decrypted(JsonNode event, StoreChanges changes) {
        String sender = event.path("sender").asText("");
        JsonNode content = event.path("content");
        String senderKey = content.path("sender_key").asText(null);
        JsonNode ours = content.path("ciphertext").path(account.curveKey());
        if (!AccountState.OLM_ALGORITHM.equals(content.path("algorithm").asText()) || senderKey == null
                || !ours.isObject()) {
            olmFailure(sender, senderKey, "not an Olm message for this device (algorithm "
                    + content.path("algorithm").asText() + ")");
            return Optional.empty();
        }
        byte[] plaintext;
        try {
            plaintext = olm.decrypt(senderKey, new OlmMessage(ours.path("type").asInt(-1), ours.path("body").asText()),
                    changes);
        } catch (OlmException | IllegalArgumentException e) {
            olmFailure(sender, senderKey, "cannot decrypt: " + e.getMessage());
            return Optional.empty();
        }
        JsonNode payload;
        try {
            payload = context.mapper().readTree(plaintext);
        } catch (IOException e) {
            olmFailure(sender, senderKey, "cleartext is not JSON");
            return Optional.empty();
        }
        String problem = checkPayload(sender, senderKey, payload);
        if (problem != null) {
            olmFailure(sender, senderKey, problem);
            return Optional.empty();
        }
        return Optional.of(payload);
    }

    /** Why an Olm payload must be refused, or null if it is fine. */
    private String checkPayload(String sender, String senderKey, JsonNode payload) {
        if (!sender.equals(payload.path("sender").asText())) {
            return "payload sender " + payload.path("sender").asText() + " is not the event sender";
        }
        if (!context.userId().equals(payload.path("recipient").asText())) {
            return "payload is for " + payload.path("recipient").asText();
        }
        if (!account.edKey().equals(payload.path("recipient_keys").path("ed25519").asText())) {
            return "payload is for another device (recipient_keys)";
        }
        String claimedEd = payload.path("keys").path("ed25519").asText(null);
        if (claimedEd == null) {
            return "payload has no keys.ed25519";
        }
        Optional<DeviceRecord> device = devices.deviceByCurveKey(sender, senderKey);
        if (device.isPresent() && !device.get().edKey().equals(claimedEd)) {
            return "payload claims ed25519 " + claimedEd + " but device " + device.get().deviceId() + " has "
                    + device.get().edKey();
        }
        return null;
    }

    private Optional<ReceivedKey> roomKey(JsonNode event, JsonNode payload, StoreChanges changes) {
        String type = payload.path("type").asText("");
        if (!"m.room_key".equals(type)) {
            context.log().debug("Olm payload " + type + " from " + event.path("sender").asText() + " ignored");
            return Optional.empty();
        }
        JsonNode key = payload.path("content");
        String roomId = key.path("room_id").asText(null);
        String sessionId = key.path("session_id").asText(null);
        String sessionKey = key.path("session_key").asText(null);
        if (!AccountState.MEGOLM_ALGORITHM.equals(key.path("algorithm").asText()) || roomId == null
                || sessionId == null || sessionKey == null) {
            olmFailure(event.path("sender").asText(), null, "m.room_key without algorithm/room/session/key");
            return Optional.empty();
        }
        try {
            InboundGroupSession session = context.provider().createInboundGroupSession(sessionKey);
            if (!sessionId.equals(session.sessionId())) {
                session.close();
                olmFailure(event.path("sender").asText(), null, "m.room_key session id does not match its key");
                return Optional.empty();
            }
            boolean added = inbound.add(roomId, session, event.path("content").path("sender_key").asText(),
                    event.path("sender").asText(), payload.path("keys").path("ed25519").asText(), changes);
            context.counters().roomKeyReceived();
            context.log().debug("room key " + sessionId + " for " + roomId + " from " + event.path("sender").asText()
                    + (added ? "" : " (already held from an earlier index)"));
            return Optional.of(new ReceivedKey(roomId, sessionId));
        } catch (OlmException e) {
            olmFailure(event.path("sender").asText(), null, "bad m.room_key: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Withheld> withheld(JsonNode event, StoreChanges changes) {
        JsonNode content = event.path("content");
        String roomId = content.path("room_id").asText(null);
        String sessionId = content.path("session_id").asText(null);
        String code = content.path("code").asText("unknown");
        String reason = content.path("reason").asText(null);
        if (roomId == null || sessionId == null) {
            context.log().debug("withheld notice " + code + " from " + event.path("sender").asText()
                    + " names no session (ignored)");
            return Optional.empty();
        }
        WithheldRecord record = new WithheldRecord(roomId, sessionId, content.path("sender_key").asText(null), code,
                reason);
        changes.withheld(record);
        context.log().info("room key " + sessionId + " in " + roomId + " withheld by " + event.path("sender").asText()
                + ": " + code + (reason == null ? "" : " (" + reason + ")"));
        return Optional.of(new Withheld(roomId, sessionId, "WITHHELD: " + code + (reason == null ? "" : ": " + reason)));
    }

    private void olmFailure(String sender, String senderKey, String what) {
        String message = "to-device from " + sender + (senderKey == null ? "" : " (" + senderKey + ")") + ": " + what;
        context.counters().olmFailure(message);
        context.log().warn(message);
    }
}
