package org.mxagent.policy.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A {@code [rooms."!room".agents."@mxid:server"]} table: what one requester may do in one room. Empty optionals
 * fall back to the room ({@code allow_exec}) or to {@code [execution]} (sandbox, network, limits, seccomp).
 */
public record AgentPolicy(
        Optional<Boolean> allowExec,
        List<String> allowTools,
        List<String> allowCommands,
        List<Path> allowCwd,
        List<Pattern> denyArgsRegex,
        OptionalLong maxRuntimeMs,
        OptionalLong maxOutputBytes,
        boolean requiresApproval,
        Optional<SandboxKind> sandbox,
        Optional<NetworkMode> network,
        OptionalLong maxProcesses,
        OptionalLong maxMemoryBytes,
        OptionalLong maxCpuSeconds,
        Optional<SeccompMode> seccomp,
        boolean requireVerifiedDevice) {

    public AgentPolicy {
        Objects.requireNonNull(allowExec, "allowExec");
        allowTools = List.copyOf(allowTools);
        allowCommands = List.copyOf(allowCommands);
        allowCwd = List.copyOf(allowCwd);
        denyArgsRegex = List.copyOf(denyArgsRegex);
        Objects.requireNonNull(maxRuntimeMs, "maxRuntimeMs");
        Objects.requireNonNull(maxOutputBytes, "maxOutputBytes");
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(maxProcesses, "maxProcesses");
        Objects.requireNonNull(maxMemoryBytes, "maxMemoryBytes");
        Objects.requireNonNull(maxCpuSeconds, "maxCpuSeconds");
        Objects.requireNonNull(seccomp, "seccomp");
    }
}
