package org.mxagent.crypto.impl.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mxagent.crypto.impl.store.DeviceRecord;
import org.mxagent.crypto.impl.store.StoreChanges;

/**
 * Tracked users and their devices. A user is queried ({@code /keys/query}) when first tracked and whenever a
 * sync lists them in {@code device_lists.changed}; an answer only clears the "outdated" mark if the user was not
 * marked again while the query was in flight. Device keys are accepted only when self-signed by the device's
 * Ed25519 key for the right user and device id, and a known device whose Ed25519 key changes is refused (a
 * device id is never reused with another identity).
 */
final class DeviceRegistry {
    /** Users per {@code /keys/query} request. */
    static final int QUERY_BATCH = 250;

    /** A query in flight: the users and their outdated-generation when it was made. */
    record QueryPlan(Map<String, Long> generations) {}

    private final MachineContext context;
    private final Map<String, Map<String, DeviceRecord>> devices = new HashMap<>();
    private final Map<String, Boolean> tracked = new LinkedHashMap<>();
    private final Map<String, Long> generation = new HashMap<>();
    /** Our own Ed25519 key, to check what the server says about our device. */
    private final String ownEdKey;

    DeviceRegistry(MachineContext context, String ownEdKey) {
        this.context = context;
        this.ownEdKey = ownEdKey;
        for (DeviceRecord device : context.store().devices()) {
            devices.computeIfAbsent(device.userId(), u -> new LinkedHashMap<>()).put(device.deviceId(), device);
        }
        tracked.putAll(context.store().trackedUsers());
    }

    /** Starts tracking users not tracked yet (they become outdated). */
    void track(Collection<String> userIds, StoreChanges changes) {
        for (String user : userIds) {
            if (!tracked.containsKey(user)) {
                markOutdated(user, changes);
            }
        }
    }

    boolean isTracked(String userId) {
        return tracked.containsKey(userId);
    }

    /** {@code device_lists.changed}: tracked users among them must be queried again. */
    void changed(Iterable<JsonNode> userIds, StoreChanges changes) {
        for (JsonNode user : userIds) {
            if (tracked.containsKey(user.asText())) {
                markOutdated(user.asText(), changes);
            }
        }
    }

    /** {@code device_lists.left}: we share no encrypted room with them any more. */
    void left(Iterable<JsonNode> userIds, StoreChanges changes) {
        for (JsonNode user : userIds) {
            String id = user.asText();
            if (!id.equals(context.userId()) && tracked.remove(id) != null) {
                changes.untrackUser(id);
            }
        }
    }

    private void markOutdated(String user, StoreChanges changes) {
        tracked.put(user, true);
        generation.merge(user, 1L, Long::sum);
        changes.trackedUser(user, true);
    }

    int trackedCount() {
        return tracked.size();
    }

    long outdatedCount() {
        return tracked.values().stream().filter(Boolean::booleanValue).count();
    }

    int deviceCount() {
        return devices.values().stream().mapToInt(Map::size).sum();
    }

    /** A query for outdated users, if any. */
    Optional<Query> nextQuery() {
        Map<String, Long> users = new LinkedHashMap<>();
        for (Map.Entry<String, Boolean> entry : tracked.entrySet()) {
            if (entry.getValue() && users.size() < QUERY_BATCH) {
                users.put(entry.getKey(), generation.getOrDefault(entry.getKey(), 0L));
            }
        }
        if (users.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode body = context.mapper().createObjectNode();
        ObjectNode deviceKeys = body.putObject("device_keys");
        users.keySet().forEach(user -> deviceKeys.putArray(user));
        body.put("timeout", 10_000);
        return Optional.of(new Query(body, new QueryPlan(users)));
    }

    /** A query body and what it was made from. */
    record Query(ObjectNode body, QueryPlan plan) {}

    /** Applies a {@code /keys/query} reply. */
    void queried(QueryPlan plan, JsonNode response, StoreChanges changes) {
        JsonNode deviceKeys = response.path("device_keys");
        for (Map.Entry<String, Long> queried : plan.generations().entrySet()) {
            String user = queried.getKey();
            JsonNode answer = deviceKeys.get(user);
            if (answer == null || !answer.isObject()) {
                context.log().warn("keys/query: no device list for " + user + " (failures: "
                        + response.path("failures") + "); stays outdated");
                continue;
            }
            replaceDevices(user, answer, changes);
            if (tracked.containsKey(user) && generation.getOrDefault(user, 0L).equals(queried.getValue())) {
                tracked.put(user, false);
                changes.trackedUser(user, false);
            }
        }
    }

    private void replaceDevices(String user, JsonNode answer, StoreChanges changes) {
        Map<String, DeviceRecord> known = devices.computeIfAbsent(user, u -> new LinkedHashMap<>());
        Map<String, DeviceRecord> fresh = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : answer.properties()) {
            validated(user, entry.getKey(), entry.getValue()).ifPresent(device -> {
                DeviceRecord previous = known.get(device.deviceId());
                if (previous != null && !previous.edKey().equals(device.edKey())) {
                    context.log().warn("device " + user + "/" + device.deviceId() + " presented a new ed25519 key "
                            + device.edKey() + " (known: " + previous.edKey() + "): refused, keeping the known one");
                    fresh.put(previous.deviceId(), previous);
                    return;
                }
                fresh.put(device.deviceId(), device);
            });
        }
        for (DeviceRecord gone : known.values()) {
            if (!fresh.containsKey(gone.deviceId())) {
                changes.deleteDevice(user, gone.deviceId());
                context.log().info("device " + user + "/" + gone.deviceId() + " is gone");
            }
        }
        for (DeviceRecord device : fresh.values()) {
            if (!device.equals(known.get(device.deviceId()))) {
                changes.device(device);
            }
        }
        devices.put(user, fresh);
    }

    private Optional<DeviceRecord> validated(String user, String deviceId, JsonNode keys) {
        String curve = keys.path("keys").path("curve25519:" + deviceId).asText(null);
        String ed = keys.path("keys").path("ed25519:" + deviceId).asText(null);
        String problem = null;
        if (!user.equals(keys.path("user_id").asText()) || !deviceId.equals(keys.path("device_id").asText())) {
            problem = "user_id/device_id do not match where the server put them";
        } else if (curve == null || ed == null) {
            problem = "no curve25519 or ed25519 key";
        } else if (!Signatures.verify(context.utility(), keys, user, deviceId, ed)) {
            problem = "self-signature does not verify";
        } else if (user.equals(context.userId()) && deviceId.equals(context.deviceId())
                && !keys.path("keys").path("ed25519:" + deviceId).asText().equals(ownEdKey)) {
            problem = "the server holds other keys for our own device";
        }
        if (problem != null) {
            context.log().warn("device keys of " + user + "/" + deviceId + " refused: " + problem);
            return Optional.empty();
        }
        return Optional.of(new DeviceRecord(user, deviceId, curve, ed, keys.toString()));
    }

    /** The devices of a user (empty if unknown), ours excluded. */
    List<DeviceRecord> devicesOf(String user) {
        List<DeviceRecord> result = new ArrayList<>();
        for (DeviceRecord device : devices.getOrDefault(user, Map.of()).values()) {
            if (!(user.equals(context.userId()) && device.deviceId().equals(context.deviceId()))) {
                result.add(device);
            }
        }
        return result;
    }

    Optional<DeviceRecord> device(String user, String deviceId) {
        return Optional.ofNullable(devices.getOrDefault(user, Map.of()).get(deviceId));
    }

    /** The device of {@code user} with this Curve25519 key, if known. */
    Optional<DeviceRecord> deviceByCurveKey(String user, String curveKey) {
        return devices.getOrDefault(user, Map.of()).values().stream().filter(d -> d.curveKey().equals(curveKey))
                .findFirst();
    }
}
