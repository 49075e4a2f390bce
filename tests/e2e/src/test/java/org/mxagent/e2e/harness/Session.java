package org.mxagent.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;

/** A runtime's Matrix session as {@code auth login --json} / {@code daemon status --json} report it. */
public record Session(String homeserver, String userId, String deviceId) {
    /** From an object with {@code homeserver}, {@code user_id}, {@code device_id}; null for a JSON null. */
    public static Session fromJson(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return null;
        }
        return new Session(json.path("homeserver").asText(null), json.path("user_id").asText(null),
                json.path("device_id").asText(null));
    }
}
