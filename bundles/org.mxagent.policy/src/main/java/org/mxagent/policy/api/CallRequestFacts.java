package org.mxagent.policy.api;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What policy needs to know about one tool call. Call arguments are deliberately absent: policy never sees
 * them and the audit log never records them.
 *
 * @param tool {@code name} or {@code name@version} as sent in {@code call.request.tool}
 */
public record CallRequestFacts(String roomId, String requester, String tool, OptionalLong requestedTimeoutMs) {

    public CallRequestFacts {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(requestedTimeoutMs, "requestedTimeoutMs");
        if (requestedTimeoutMs.isPresent() && requestedTimeoutMs.getAsLong() <= 0) {
            throw new IllegalArgumentException("timeout must be positive: " + requestedTimeoutMs.getAsLong());
        }
    }
}
