package org.mxagent.policy.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of policy.toml as last read.
 *
 * @param message for MALFORMED the precise error and which policy is still enforced
 */
public record PolicyStatus(State state, Path file, Optional<String> message) {

    public enum State {
        /** Loaded and enforced. */
        OK,
        /** No file: the deny-all policy is enforced. */
        ABSENT,
        /** The file is invalid: the previous policy (deny-all at start) is still enforced. */
        MALFORMED
    }

    public PolicyStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return state + " " + file + message.map(m -> ": " + m).orElse("");
    }
}
