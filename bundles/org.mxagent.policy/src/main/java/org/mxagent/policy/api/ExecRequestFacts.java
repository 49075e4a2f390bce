package org.mxagent.policy.api;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What policy needs to know about one exec request, after the signature, trust and sender checks. The
 * requester is the authenticated Matrix sender, never a self-declared agent id.
 *
 * @param requestedTimeoutMs {@code timeout_ms} of the request; empty means the 600 s default
 */
public record ExecRequestFacts(
        String roomId,
        String requester,
        List<String> argv,
        String cwd,
        Set<String> envOverrideKeys,
        OptionalLong requestedTimeoutMs) {

    public ExecRequestFacts {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(requester, "requester");
        argv = List.copyOf(argv);
        Objects.requireNonNull(cwd, "cwd");
        envOverrideKeys = Set.copyOf(envOverrideKeys);
        Objects.requireNonNull(requestedTimeoutMs, "requestedTimeoutMs");
        if (requestedTimeoutMs.isPresent() && requestedTimeoutMs.getAsLong() <= 0) {
            throw new IllegalArgumentException("timeout_ms must be positive: " + requestedTimeoutMs.getAsLong());
        }
    }
}
