package org.mxagent.exec.impl.desk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** A {@code call}: remote when both {@code room} and {@code agent} are given, else a tool of this runtime. */
public record CallParams(String tool, JsonNode args, Optional<String> room, Optional<String> agent,
        Optional<String> asAgent, OptionalLong timeoutMs) {

    public CallParams {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(asAgent, "asAgent");
        Objects.requireNonNull(timeoutMs, "timeoutMs");
    }

    public boolean remote() {
        return room.isPresent() && agent.isPresent();
    }
}
