package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import org.mxagent.protocol.impl.Checks;
import org.mxagent.protocol.impl.Copies;

/** {@code heartbeat}: liveness and load of one agent; {@code ts} is Unix milliseconds. Unsigned, advisory only. */
public record Heartbeat(
        String agentId,
        String status,
        Load load,
        long ts,
        Map<String, JsonNode> extra) implements ProtocolEvent {

    public Heartbeat {
        Objects.requireNonNull(agentId, "agent_id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(load, "load");
        Checks.range(ts, 0, Long.MAX_VALUE, "ts");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.HEARTBEAT;
    }
}
