package org.mxagent.crypto.impl.machine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A room's {@code m.room.encryption} content. Defaults as in the spec: a week and 100 messages; values out of
 * range fall back to them.
 */
record RoomSettings(String algorithm, long rotationPeriodMillis, long rotationPeriodMessages) {
    static final long DEFAULT_ROTATION_MILLIS = 7L * 24 * 3600 * 1000;
    static final long DEFAULT_ROTATION_MESSAGES = 100;

    static RoomSettings of(JsonNode content) {
        long millis = content.path("rotation_period_ms").asLong(DEFAULT_ROTATION_MILLIS);
        long messages = content.path("rotation_period_msgs").asLong(DEFAULT_ROTATION_MESSAGES);
        return new RoomSettings(content.path("algorithm").asText(""),
                millis > 0 ? millis : DEFAULT_ROTATION_MILLIS, messages > 0 ? messages : DEFAULT_ROTATION_MESSAGES);
    }

    boolean isMegolm() {
        return AccountState.MEGOLM_ALGORITHM.equals(algorithm);
    }
}
