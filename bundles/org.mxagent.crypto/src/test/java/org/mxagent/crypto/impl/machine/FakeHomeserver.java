package org.mxagent.crypto.impl.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.e2ee.OutgoingRequest;

/**
 * The homeserver side of the key endpoints, in memory: enough of /keys/upload, /keys/query, /keys/claim and
 * /sendToDevice to let several machines in one JVM talk, plus the sync fields the machine reads. Stands in for
 * the transport in unit tests; the real path is covered by the in-framework tests against Synapse.
 */
final class FakeHomeserver {
    record DeviceRef(String userId, String deviceId) {}

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, Map<String, ObjectNode>> deviceKeys = new LinkedHashMap<>();
    private final Map<DeviceRef, Deque<Map.Entry<String, JsonNode>>> oneTimeKeys = new HashMap<>();
    private final Map<DeviceRef, Map.Entry<String, JsonNode>> fallbackKeys = new HashMap<>();
    private final Set<DeviceRef> fallbackUsed = new LinkedHashSet<>();
    private final Map<DeviceRef, List<ObjectNode>> inbox = new HashMap<>();
    private final Map<DeviceRef, Set<String>> changed = new HashMap<>();
    private final AtomicLong eventCounter = new AtomicLong();
    /** Every request body the machines sent, for assertions on what left them. */
    final List<OutgoingRequest> log = new ArrayList<>();

    ObjectMapper mapper() {
        return mapper;
    }

    JsonNode handle(DeviceRef from, OutgoingRequest request) {
        log.add(request);
        JsonNode body = request.body();
        return switch (request.kind()) {
            case KEYS_UPLOAD -> upload(from, body);
            case KEYS_QUERY -> query(body);
            case KEYS_CLAIM -> claim(body);
            case TO_DEVICE -> toDevice(from, request.path(), body);
        };
    }

    private JsonNode upload(DeviceRef from, JsonNode body) {
        if (body.has("device_keys")) {
            deviceKeys.computeIfAbsent(from.userId(), u -> new LinkedHashMap<>()).put(from.deviceId(),
                    (ObjectNode) body.get("device_keys"));
            changed.keySet().forEach(device -> changed.get(device).add(from.userId()));
        }
        Deque<Map.Entry<String, JsonNode>> keys = oneTimeKeys.computeIfAbsent(from, d -> new ArrayDeque<>());
        body.path("one_time_keys").fields().forEachRemaining(keys::add);
        Iterator<Map.Entry<String, JsonNode>> fallback = body.path("fallback_keys").fields();
        if (fallback.hasNext()) {
            fallbackKeys.put(from, fallback.next());
            fallbackUsed.remove(from);
        }
        ObjectNode reply = mapper.createObjectNode();
        reply.putObject("one_time_key_counts").put("signed_curve25519", keys.size());
        return reply;
    }

    private JsonNode query(JsonNode body) {
        ObjectNode reply = mapper.createObjectNode();
        ObjectNode out = reply.putObject("device_keys");
        body.path("device_keys").fieldNames().forEachRemaining(user -> {
            ObjectNode devices = out.putObject(user);
            deviceKeys.getOrDefault(user, Map.of()).forEach(devices::set);
        });
        reply.putObject("failures");
        return reply;
    }

    private JsonNode claim(JsonNode body) {
        ObjectNode reply = mapper.createObjectNode();
        ObjectNode out = reply.putObject("one_time_keys");
        body.path("one_time_keys").fields().forEachRemaining(user -> user.getValue().fieldNames()
                .forEachRemaining(device -> {
                    DeviceRef ref = new DeviceRef(user.getKey(), device);
                    Deque<Map.Entry<String, JsonNode>> keys = oneTimeKeys.getOrDefault(ref, new ArrayDeque<>());
                    Map.Entry<String, JsonNode> key = keys.pollFirst();
                    if (key == null && fallbackKeys.containsKey(ref)) {
                        key = fallbackKeys.get(ref);
                        fallbackUsed.add(ref);
                    }
                    if (key != null) {
                        out.withObject(user.getKey()).putObject(device).set(key.getKey(), key.getValue());
                    }
                }));
        reply.putObject("failures");
        return reply;
    }

    private JsonNode toDevice(DeviceRef from, String path, JsonNode body) {
        String type = path.split("/")[5];
        body.path("messages").fields().forEachRemaining(user -> user.getValue().fields().forEachRemaining(device -> {
            ObjectNode event = mapper.createObjectNode();
            event.put("type", type);
            event.put("sender", from.userId());
            event.set("content", device.getValue());
            inbox.computeIfAbsent(new DeviceRef(user.getKey(), device.getKey()), d -> new ArrayList<>()).add(event);
        }));
        return mapper.createObjectNode();
    }

    /** Puts a to-device event into a device's inbox, as if someone sent it. */
    void deliverToDevice(DeviceRef to, ObjectNode event) {
        inbox.computeIfAbsent(to, d -> new ArrayList<>()).add(event);
    }

    /** Removes one one-time key and the fallback key of a device, as if others had claimed them all. */
    void exhaustKeys(DeviceRef device) {
        oneTimeKeys.put(device, new ArrayDeque<>());
        fallbackKeys.remove(device);
    }

    /** Removes the one-time keys of a device but not its fallback key. */
    void exhaustOneTimeKeys(DeviceRef device) {
        oneTimeKeys.put(device, new ArrayDeque<>());
    }

    /** The id of the device's current fallback key, or null. */
    String fallbackKeyId(DeviceRef device) {
        Map.Entry<String, JsonNode> key = fallbackKeys.get(device);
        return key == null ? null : key.getKey();
    }

    int oneTimeKeyCount(DeviceRef device) {
        return oneTimeKeys.getOrDefault(device, new ArrayDeque<>()).size();
    }

    /** Forgets a device (the user deleted it): it disappears from queries and its users are "changed". */
    void deleteDevice(DeviceRef device) {
        deviceKeys.getOrDefault(device.userId(), new LinkedHashMap<>()).remove(device.deviceId());
        changed.values().forEach(users -> users.add(device.userId()));
    }

    /** The sync response fields the machine reads, for one device; drains its to-device inbox. */
    ObjectNode sync(DeviceRef device, boolean withToDevice) {
        ObjectNode response = mapper.createObjectNode();
        response.put("next_batch", "s" + eventCounter.incrementAndGet());
        ArrayNode events = response.putObject("to_device").putArray("events");
        if (withToDevice) {
            inbox.getOrDefault(device, new ArrayList<>()).forEach(events::add);
            inbox.remove(device);
        }
        ArrayNode changedUsers = response.putObject("device_lists").putArray("changed");
        changed.computeIfAbsent(device, d -> new LinkedHashSet<>()).forEach(changedUsers::add);
        changed.get(device).clear();
        response.putObject("device_one_time_keys_count").put("signed_curve25519", oneTimeKeyCount(device));
        ArrayNode fallback = response.putArray("device_unused_fallback_key_types");
        if (fallbackKeys.containsKey(device) && !fallbackUsed.contains(device)) {
            fallback.add("signed_curve25519");
        }
        return response;
    }

    /** A timeline event as the server would deliver it. */
    RoomEvent roomEvent(String roomId, String sender, String type, ObjectNode content) {
        String eventId = "$e" + eventCounter.incrementAndGet();
        ObjectNode raw = mapper.createObjectNode();
        raw.put("type", type);
        raw.put("event_id", eventId);
        raw.put("sender", sender);
        raw.put("origin_server_ts", 1_700_000_000_000L + eventCounter.get());
        raw.set("content", content);
        raw.putObject("unsigned").put("age", 5);
        return new RoomEvent(roomId, eventId, sender, type, null, raw.path("origin_server_ts").asLong(), raw);
    }

    /** A state event ({@code m.room.member} etc.). */
    RoomEvent stateEvent(String roomId, String sender, String type, String stateKey, ObjectNode content) {
        RoomEvent event = roomEvent(roomId, sender, type, content);
        event.raw().put("state_key", stateKey);
        return new RoomEvent(roomId, event.eventId(), sender, type, stateKey, event.originServerTs(), event.raw());
    }
}
