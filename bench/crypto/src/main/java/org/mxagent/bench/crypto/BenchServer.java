package org.mxagent.bench.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mxagent.transport.api.e2ee.OutgoingRequest;

/**
 * The key endpoints of a homeserver in memory (upload, query, claim, to-device), so the benchmark measures the
 * machine and libolm, not HTTP. Not a conformance fake: just enough for machines in one JVM to talk.
 */
final class BenchServer {
    record Device(String userId, String deviceId) {}

    final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, Map<String, JsonNode>> deviceKeys = new LinkedHashMap<>();
    private final Map<Device, Deque<Map.Entry<String, JsonNode>>> oneTimeKeys = new HashMap<>();
    private final Map<Device, List<ObjectNode>> inbox = new HashMap<>();

    JsonNode handle(Device from, OutgoingRequest request) {
        JsonNode body = request.body();
        ObjectNode reply = mapper.createObjectNode();
        switch (request.kind()) {
            case KEYS_UPLOAD -> {
                if (body.has("device_keys")) {
                    deviceKeys.computeIfAbsent(from.userId(), u -> new LinkedHashMap<>()).put(from.deviceId(),
                            body.get("device_keys"));
                }
                Deque<Map.Entry<String, JsonNode>> keys = oneTimeKeys.computeIfAbsent(from, d -> new ArrayDeque<>());
                keys.addAll(body.path("one_time_keys").properties());
                reply.putObject("one_time_key_counts").put("signed_curve25519", keys.size());
            }
            case KEYS_QUERY -> {
                ObjectNode out = reply.putObject("device_keys");
                body.path("device_keys").fieldNames().forEachRemaining(user -> {
                    ObjectNode devices = out.putObject(user);
                    deviceKeys.getOrDefault(user, Map.of()).forEach(devices::set);
                });
            }
            case KEYS_CLAIM -> {
                ObjectNode out = reply.putObject("one_time_keys");
                body.path("one_time_keys").properties().forEach(user -> user.getValue().fieldNames()
                        .forEachRemaining(device -> {
                            Map.Entry<String, JsonNode> key = oneTimeKeys.getOrDefault(new Device(user.getKey(),
                                    device), new ArrayDeque<>()).pollFirst();
                            if (key != null) {
                                out.withObject(user.getKey()).putObject(device).set(key.getKey(), key.getValue());
                            }
                        }));
            }
            case TO_DEVICE -> {
                String type = request.path().split("/")[5];
                body.path("messages").properties().forEach(user -> user.getValue().properties().forEach(device -> {
                    ObjectNode event = mapper.createObjectNode().put("type", type).put("sender", from.userId());
                    event.set("content", device.getValue());
                    inbox.computeIfAbsent(new Device(user.getKey(), device.getKey()), d -> new ArrayList<>())
                            .add(event);
                }));
            }
            default -> throw new IllegalArgumentException(request.kind().toString());
        }
        return reply;
    }

    /** The to-device part of a sync (drains the inbox) with the one-time key count. */
    ObjectNode sync(Device device) {
        ObjectNode response = mapper.createObjectNode();
        ArrayNode events = response.putObject("to_device").putArray("events");
        inbox.getOrDefault(device, List.of()).forEach(events::add);
        inbox.remove(device);
        response.putObject("device_one_time_keys_count").put("signed_curve25519",
                oneTimeKeys.getOrDefault(device, new ArrayDeque<>()).size());
        response.putArray("device_unused_fallback_key_types").add("signed_curve25519");
        return response;
    }
}
