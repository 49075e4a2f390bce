package org.mxagent.policy.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** The {@code [execution]} table: machine-wide defaults an agent entry may override. */
public record ExecutionPolicy(
        SandboxKind defaultSandbox,
        Optional<String> containerImage,
        NetworkMode network,
        List<Path> readOnlyPaths,
        List<Path> writablePaths,
        List<String> envAllowlist,
        OptionalLong maxProcesses,
        OptionalLong maxMemoryBytes,
        OptionalLong maxCpuSeconds,
        SeccompMode seccomp,
        boolean requireSandbox) {

    public ExecutionPolicy {
        Objects.requireNonNull(defaultSandbox, "defaultSandbox");
        Objects.requireNonNull(containerImage, "containerImage");
        Objects.requireNonNull(network, "network");
        readOnlyPaths = List.copyOf(readOnlyPaths);
        writablePaths = List.copyOf(writablePaths);
        envAllowlist = List.copyOf(envAllowlist);
        Objects.requireNonNull(maxProcesses, "maxProcesses");
        Objects.requireNonNull(maxMemoryBytes, "maxMemoryBytes");
        Objects.requireNonNull(maxCpuSeconds, "maxCpuSeconds");
        Objects.requireNonNull(seccomp, "seccomp");
    }

    /** What an absent {@code [execution]} table means: no sandbox, no network, no extra variables. */
    public static ExecutionPolicy defaults() {
        return new ExecutionPolicy(SandboxKind.NONE, Optional.empty(), NetworkMode.DENY, List.of(), List.of(),
                List.of(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), SeccompMode.OFF, false);
    }
}
