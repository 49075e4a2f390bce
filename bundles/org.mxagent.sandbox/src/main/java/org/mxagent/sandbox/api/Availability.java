package org.mxagent.sandbox.api;

import java.util.Objects;

/** Whether a backend can run commands here; {@code reason} says why not, or what it will use. */
public record Availability(boolean available, String reason) {
    public Availability {
        Objects.requireNonNull(reason, "reason");
    }

    public static Availability available(String detail) {
        return new Availability(true, detail);
    }

    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
