package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.mxagent.protocol.impl.Checks;
import org.mxagent.protocol.impl.Copies;

/**
 * {@code load} of {@code agent.v1} and {@code heartbeat}; {@code max_invocations} defaults to 1,
 * {@code running_invocations} to 0.
 */
public record Load(
        long runningInvocations,
        long maxInvocations,
        Map<String, JsonNode> extra) {

    /** What an absent {@code load} means: nothing running, capacity 1. */
    public static final Load DEFAULT = new Load(0, 1, Map.of());

    public Load {
        Checks.range(runningInvocations, 0, Long.MAX_VALUE, "running_invocations");
        Checks.range(maxInvocations, 0, Long.MAX_VALUE, "max_invocations");
        extra = Copies.extra(extra);
    }
}
