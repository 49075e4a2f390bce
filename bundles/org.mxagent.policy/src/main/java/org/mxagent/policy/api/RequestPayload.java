package org.mxagent.policy.api;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/** The part of a privileged request that policy judges. */
public sealed interface RequestPayload permits RequestPayload.Exec, RequestPayload.Call {

    RequestKind kind();

    /** A non-positive timeout is a malformed request: refuse it here, before the pipeline burns a nonce. */
    private static void requirePositive(OptionalLong timeoutMs) {
        Objects.requireNonNull(timeoutMs, "requestedTimeoutMs");
        if (timeoutMs.isPresent() && timeoutMs.getAsLong() <= 0) {
            throw new IllegalArgumentException("timeout must be positive: " + timeoutMs.getAsLong());
        }
    }

    /** {@code exec.request}: argv, cwd, the keys of {@code env} and {@code timeout_ms}. */
    record Exec(List<String> argv, String cwd, Set<String> envOverrideKeys, OptionalLong requestedTimeoutMs)
            implements RequestPayload {
        public Exec {
            argv = List.copyOf(argv);
            Objects.requireNonNull(cwd, "cwd");
            envOverrideKeys = Set.copyOf(envOverrideKeys);
            requirePositive(requestedTimeoutMs);
        }

        @Override
        public RequestKind kind() {
            return RequestKind.EXEC;
        }

        /** The facts policy sees, keyed by the authenticated sender. */
        public ExecRequestFacts facts(String roomId, String sender) {
            return new ExecRequestFacts(roomId, sender, argv, cwd, envOverrideKeys, requestedTimeoutMs);
        }
    }

    /** {@code call.request}: the tool ({@code name} or {@code name@version}); args are never passed here. */
    record Call(String tool, OptionalLong requestedTimeoutMs) implements RequestPayload {
        public Call {
            Objects.requireNonNull(tool, "tool");
            requirePositive(requestedTimeoutMs);
        }

        @Override
        public RequestKind kind() {
            return RequestKind.CALL;
        }

        /** The facts policy sees, keyed by the authenticated sender. */
        public CallRequestFacts facts(String roomId, String sender) {
            return new CallRequestFacts(roomId, sender, tool, requestedTimeoutMs);
        }
    }
}
