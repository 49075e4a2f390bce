package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import org.mxagent.protocol.impl.Copies;

/** {@code tool.v1} state (key = {@code name@version}); the schemas are opaque JSON Schema documents. */
public record ToolState(
        String name,
        String version,
        String description,
        JsonNode inputSchema,
        JsonNode outputSchema,
        Map<String, JsonNode> extra) implements StateEvent {

    public ToolState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(inputSchema, "input_schema");
        Objects.requireNonNull(outputSchema, "output_schema");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.TOOL;
    }

    /** {@code name@version}. */
    @Override
    public String stateKey() {
        return name + "@" + version;
    }
}
