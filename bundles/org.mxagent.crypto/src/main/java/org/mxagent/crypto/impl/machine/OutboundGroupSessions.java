package org.mxagent.crypto.impl.machine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mxagent.crypto.impl.store.DeviceRecord;
import org.mxagent.crypto.impl.store.OutboundSessionRecord;
import org.mxagent.crypto.impl.store.SharedWithRecord;
import org.mxagent.crypto.impl.store.StoreChanges;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.OlmMessage;
import org.mxagent.crypto.spi.OutboundGroupSession;
import org.mxagent.transport.api.e2ee.E2eeException;
import org.mxagent.transport.api.e2ee.OutgoingRequest;

/**
 * One outbound Megolm session per room, rotated when it is older than the room's {@code rotation_period_ms},
 * has sent {@code rotation_period_msgs} messages, or a device that had it should not have it any more (its user
 * left, the device is gone or has new keys). Sharing sends the session key, Olm-encrypted, to every device of
 * the members that does not hold it yet; a device holds it once the to-device request carrying it was sent.
 * Devices we cannot reach over Olm get {@code m.room_key.withheld} with {@code m.no_olm} (once per device).
 */
final class OutboundGroupSessions implements AutoCloseable {
    /** Devices per to-device request. */
    static final int DEVICES_PER_REQUEST = 250;

    private record DeviceKey(String userId, String deviceId) {}

    private static final class Outbound {
        final OutboundGroupSession session;
        final long created;
        boolean invalidated;
        final Map<DeviceKey, SharedWithRecord> sharedWith = new HashMap<>();

        Outbound(OutboundGroupSession session, long created, boolean invalidated) {
            this.session = session;
            this.created = created;
            this.invalidated = invalidated;
        }
    }

    private final MachineContext context;
    private final AccountState account;
    private final DeviceRegistry devices;
    private final OlmSessions olm;
    private final InboundGroupSessions inbound;
    private final RequestTracker requests;
    private final Map<String, Outbound> byRoom = new HashMap<>();
    private final Set<DeviceKey> noOlmSent = new HashSet<>();

    OutboundGroupSessions(MachineContext context, AccountState account, DeviceRegistry devices, OlmSessions olm,
            InboundGroupSessions inbound, RequestTracker requests) throws OlmException {
        this.context = context;
        this.account = account;
        this.devices = devices;
        this.olm = olm;
        this.inbound = inbound;
        this.requests = requests;
        for (OutboundSessionRecord stored : context.store().outboundSessions()) {
            OutboundGroupSession session = context.provider().unpickleOutboundGroupSession(stored.pickle(),
                    context.pickleKey());
            Outbound outbound = new Outbound(session, stored.createdMillis(), stored.invalidated());
            for (SharedWithRecord shared : context.store().sharedWith(stored.sessionId())) {
                outbound.sharedWith.put(new DeviceKey(shared.userId(), shared.deviceId()), shared);
            }
            byRoom.put(stored.roomId(), outbound);
        }
    }

    /** The user left (or was removed): their devices must not read what comes next. */
    void memberLeft(String roomId, String userId, StoreChanges changes) {
        Outbound outbound = byRoom.get(roomId);
        if (outbound != null && !outbound.invalidated
                && outbound.sharedWith.keySet().stream().anyMatch(k -> k.userId().equals(userId))) {
            outbound.invalidated = true;
            changes.outboundSession(record(roomId, outbound));
            context.log().info("room " + roomId + ": " + userId + " left; the next message uses a new session");
        }
    }

    /** To-device requests that bring every device of {@code userIds} (and our others) the current session. */
    List<OutgoingRequest> share(String roomId, Collection<String> userIds, RoomSettings settings, StoreChanges changes)
            throws E2eeException {
        Set<String> users = new LinkedHashSet<>(userIds);
        users.add(context.userId());
        List<DeviceRecord> recipients = new ArrayList<>();
        for (String user : users) {
            recipients.addAll(devices.devicesOf(user));
        }
        Outbound outbound = byRoom.get(roomId);
        Optional<String> rotation = outbound == null ? Optional.of("no session yet")
                : rotationReason(outbound, users, settings);
        if (rotation.isPresent()) {
            outbound = rotate(roomId, outbound, rotation.get(), changes);
        }
        Map<String, Map<String, ObjectNode>> roomKeys = new LinkedHashMap<>();
        Map<String, Map<String, ObjectNode>> withheld = new LinkedHashMap<>();
        List<SharedWithRecord> reached = new ArrayList<>();
        for (DeviceRecord device : recipients) {
            DeviceKey key = new DeviceKey(device.userId(), device.deviceId());
            if (outbound.sharedWith.containsKey(key)) {
                continue;
            }
            if (olm.hasSession(device.curveKey())) {
                roomKeys.computeIfAbsent(device.userId(), u -> new LinkedHashMap<>()).put(device.deviceId(),
                        encryptedRoomKey(roomId, outbound.session, device, changes));
                reached.add(new SharedWithRecord(outbound.session.sessionId(), device.userId(), device.deviceId(),
                        device.curveKey(), outbound.session.messageIndex()));
            } else if (noOlmSent.add(key)) {
                withheld.computeIfAbsent(device.userId(), u -> new LinkedHashMap<>()).put(device.deviceId(),
                        noOlm(roomId, outbound.session.sessionId()));
                context.log().warn("room " + roomId + ": no Olm session with " + device.userId() + "/"
                        + device.deviceId() + "; sent m.room_key.withheld (m.no_olm)");
            }
        }
        List<OutgoingRequest> out = new ArrayList<>();
        out.addAll(toDevice("m.room.encrypted", roomKeys, reached, roomId));
        out.addAll(toDevice("m.room_key.withheld", withheld, List.of(), roomId));
        return out;
    }

    private Optional<String> rotationReason(Outbound outbound, Set<String> users, RoomSettings settings) {
        long age = context.now() - outbound.created;
        if (outbound.invalidated) {
            return Optional.of("a member left");
        }
        if (age >= settings.rotationPeriodMillis()) {
            return Optional.of("older than rotation_period_ms " + settings.rotationPeriodMillis());
        }
        if (outbound.session.messageIndex() >= settings.rotationPeriodMessages()) {
            return Optional.of("sent rotation_period_msgs " + settings.rotationPeriodMessages() + " messages");
        }
        for (SharedWithRecord shared : outbound.sharedWith.values()) {
            if (!users.contains(shared.userId())) {
                return Optional.of(shared.userId() + " is no longer a member");
            }
            Optional<DeviceRecord> device = devices.device(shared.userId(), shared.deviceId());
            if (device.isEmpty() || !device.get().curveKey().equals(shared.curveKey())) {
                return Optional.of("device " + shared.userId() + "/" + shared.deviceId() + " is gone or changed keys");
            }
        }
        return Optional.empty();
    }

    private Outbound rotate(String roomId, Outbound previous, String reason, StoreChanges changes)
            throws E2eeException {
        OutboundGroupSession session = context.provider().createOutboundGroupSession();
        Outbound outbound = new Outbound(session, context.now(), false);
        try {
            // Our own copy, so the echo of what we send decrypts here too.
            inbound.add(roomId, context.provider().createInboundGroupSession(session.sessionKey()), account.curveKey(),
                    context.userId(), account.edKey(), changes);
        } catch (OlmException e) {
            session.close();
            throw new E2eeException("cannot create the inbound copy of a new Megolm session: " + e.getMessage(), e);
        }
        if (previous != null) {
            previous.session.close();
        }
        byRoom.put(roomId, outbound);
        changes.outboundSession(record(roomId, outbound));
        context.log().info("room " + roomId + ": new Megolm session " + session.sessionId() + " (" + reason + ")");
        return outbound;
    }

    private ObjectNode encryptedRoomKey(String roomId, OutboundGroupSession session, DeviceRecord device,
            StoreChanges changes) {
        ObjectNode payload = context.mapper().createObjectNode();
        payload.put("type", "m.room_key");
        payload.putObject("content").put("algorithm", AccountState.MEGOLM_ALGORITHM).put("room_id", roomId)
                .put("session_id", session.sessionId()).put("session_key", session.sessionKey());
        payload.put("sender", context.userId());
        payload.put("sender_device", context.deviceId());
        payload.putObject("keys").put("ed25519", account.edKey());
        payload.put("recipient", device.userId());
        payload.putObject("recipient_keys").put("ed25519", device.edKey());
        OlmMessage message = olm.encrypt(device.curveKey(), payload.toString().getBytes(StandardCharsets.UTF_8),
                changes);
        ObjectNode content = context.mapper().createObjectNode();
        content.put("algorithm", AccountState.OLM_ALGORITHM);
        content.put("sender_key", account.curveKey());
        content.putObject("ciphertext").putObject(device.curveKey()).put("type", message.type())
                .put("body", message.body());
        return content;
    }

    private ObjectNode noOlm(String roomId, String sessionId) {
        return context.mapper().createObjectNode().put("room_id", roomId).put("session_id", sessionId)
                .put("algorithm", AccountState.MEGOLM_ALGORITHM).put("sender_key", account.curveKey())
                .put("from_device", context.deviceId()).put("code", "m.no_olm")
                .put("reason", "Unable to establish a secure channel.");
    }

    private List<OutgoingRequest> toDevice(String eventType, Map<String, Map<String, ObjectNode>> messages,
            List<SharedWithRecord> reached, String roomId) {
        List<OutgoingRequest> out = new ArrayList<>();
        ObjectNode chunk = context.mapper().createObjectNode();
        List<SharedWithRecord> chunkReached = new ArrayList<>();
        int inChunk = 0;
        for (Map.Entry<String, Map<String, ObjectNode>> user : messages.entrySet()) {
            for (Map.Entry<String, ObjectNode> device : user.getValue().entrySet()) {
                chunk.withObject(user.getKey()).set(device.getKey(), device.getValue());
                reached.stream().filter(r -> r.userId().equals(user.getKey()) && r.deviceId().equals(device.getKey()))
                        .forEach(chunkReached::add);
                if (++inChunk == DEVICES_PER_REQUEST) {
                    out.add(request(eventType, chunk, chunkReached, roomId));
                    chunk = context.mapper().createObjectNode();
                    chunkReached = new ArrayList<>();
                    inChunk = 0;
                }
            }
        }
        if (inChunk > 0) {
            out.add(request(eventType, chunk, chunkReached, roomId));
        }
        return out;
    }

    private OutgoingRequest request(String eventType, ObjectNode messages, List<SharedWithRecord> reached,
            String roomId) {
        String txnId = requests.nextId();
        ObjectNode body = context.mapper().createObjectNode();
        body.set("messages", messages);
        return requests.add(OutgoingRequest.Kind.TO_DEVICE, "PUT",
                "/_matrix/client/v3/sendToDevice/" + eventType + "/" + txnId, body, (response, changes) -> {
                    Outbound outbound = byRoom.get(roomId);
                    for (SharedWithRecord shared : reached) {
                        if (outbound != null && outbound.session.sessionId().equals(shared.sessionId())) {
                            outbound.sharedWith.put(new DeviceKey(shared.userId(), shared.deviceId()), shared);
                        }
                        changes.sharedWith(shared);
                    }
                    context.counters().roomKeysShared(reached.size());
                });
    }

    /** Encrypts with the room's session; {@link #share} must have made one. */
    ObjectNode encrypt(String roomId, String eventType, ObjectNode content, StoreChanges changes)
            throws E2eeException {
        Outbound outbound = byRoom.get(roomId);
        if (outbound == null || outbound.invalidated) {
            throw new E2eeException("room " + roomId + " has no current outbound Megolm session: share the room key"
                    + " first");
        }
        ObjectNode plaintext = context.mapper().createObjectNode();
        plaintext.put("type", eventType);
        plaintext.set("content", content);
        plaintext.put("room_id", roomId);
        String ciphertext = outbound.session.encrypt(plaintext.toString().getBytes(StandardCharsets.UTF_8));
        changes.outboundSession(record(roomId, outbound));
        ObjectNode encrypted = context.mapper().createObjectNode();
        encrypted.put("algorithm", AccountState.MEGOLM_ALGORITHM);
        encrypted.put("sender_key", account.curveKey());
        encrypted.put("ciphertext", ciphertext);
        encrypted.put("session_id", outbound.session.sessionId());
        encrypted.put("device_id", context.deviceId());
        if (content.has("m.relates_to")) {
            encrypted.set("m.relates_to", content.get("m.relates_to"));
        }
        return encrypted;
    }

    private OutboundSessionRecord record(String roomId, Outbound outbound) {
        return new OutboundSessionRecord(roomId, outbound.session.sessionId(),
                outbound.session.pickle(context.pickleKey()), outbound.created, outbound.session.messageIndex(),
                outbound.invalidated);
    }

    /** One line per room: session, messages sent, devices that hold it, age. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        byRoom.forEach((room, outbound) -> lines.add(room + ": session " + outbound.session.sessionId() + ", "
                + outbound.session.messageIndex() + " messages, shared with " + outbound.sharedWith.size()
                + " devices, age " + (context.now() - outbound.created) / 1000 + " s"
                + (outbound.invalidated ? ", invalidated (a member left)" : "")));
        return lines;
    }

    /** The current session id of a room, if any (tests, status). */
    Optional<String> sessionId(String roomId) {
        return Optional.ofNullable(byRoom.get(roomId)).map(o -> o.session.sessionId());
    }

    @Override
    public void close() {
        byRoom.values().forEach(outbound -> outbound.session.close());
        byRoom.clear();
    }
}
