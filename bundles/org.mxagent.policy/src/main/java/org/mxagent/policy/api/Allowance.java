package org.mxagent.policy.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an allowed request may use: the effective limits, isolation and environment, with agent entries
 * already merged over {@code [execution]}.
 *
 * @param timeoutMs             min(requested timeout or 600 000 ms, {@code max_runtime_ms})
 * @param requireVerifiedDevice room or agent demands a verified sending device (either one suffices)
 * @param approvers             the room's {@code approvers}, for an approval hold
 */
public record Allowance(
        long timeoutMs,
        OptionalLong maxOutputBytes,
        SandboxKind sandbox,
        Optional<String> containerImage,
        NetworkMode network,
        List<Path> readOnlyPaths,
        List<Path> writablePaths,
        List<String> envAllowlist,
        OptionalLong maxProcesses,
        OptionalLong maxMemoryBytes,
        OptionalLong maxCpuSeconds,
        SeccompMode seccomp,
        boolean requiresApproval,
        boolean requireVerifiedDevice,
        List<String> approvers) {

    /** Default exec and call timeout when neither the request nor the policy sets one. */
    public static final long DEFAULT_TIMEOUT_MS = 600_000;

    public Allowance {
        if (timeoutMs <= 0) {
            throw new IllegalArgumentException("timeoutMs must be positive");
        }
        Objects.requireNonNull(maxOutputBytes, "maxOutputBytes");
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(containerImage, "containerImage");
        Objects.requireNonNull(network, "network");
        readOnlyPaths = List.copyOf(readOnlyPaths);
        writablePaths = List.copyOf(writablePaths);
        envAllowlist = List.copyOf(envAllowlist);
        Objects.requireNonNull(maxProcesses, "maxProcesses");
        Objects.requireNonNull(maxMemoryBytes, "maxMemoryBytes");
        Objects.requireNonNull(maxCpuSeconds, "maxCpuSeconds");
        Objects.requireNonNull(seccomp, "seccomp");
        approvers = List.copyOf(approvers);
    }
}
