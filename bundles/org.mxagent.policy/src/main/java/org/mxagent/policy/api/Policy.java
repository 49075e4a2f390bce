package org.mxagent.policy.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A parsed, validated policy.toml. Immutable; regexes are already compiled and paths already checked. */
public record Policy(ExecutionPolicy execution, Map<String, RoomPolicy> rooms) {

    public Policy {
        Objects.requireNonNull(execution, "execution");
        rooms = Map.copyOf(rooms);
    }

    /** The policy of an absent policy.toml: no room is known, so every request is denied. */
    public static Policy denyAll() {
        return new Policy(ExecutionPolicy.defaults(), Map.of());
    }

    /** The table for a room id. */
    public Optional<RoomPolicy> room(String roomId) {
        return Optional.ofNullable(rooms.get(roomId));
    }
}
