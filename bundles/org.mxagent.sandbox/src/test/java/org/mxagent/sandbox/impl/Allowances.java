package org.mxagent.sandbox.impl;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.NetworkMode;
import org.mxagent.policy.api.SandboxKind;
import org.mxagent.policy.api.SeccompMode;

/** Allowances for tests: bubblewrap, no limits, network denied unless changed. */
final class Allowances {
    private Allowances() {}

    static Allowance of(NetworkMode network, List<Path> readOnly, List<Path> writable) {
        return new Allowance(60_000, OptionalLong.empty(), SandboxKind.BUBBLEWRAP, Optional.empty(), network,
                readOnly, writable, List.of(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                SeccompMode.OFF, false, false, List.of());
    }

    static Allowance withLimits(Allowance a, OptionalLong processes, OptionalLong memory, OptionalLong cpu) {
        return new Allowance(a.timeoutMs(), a.maxOutputBytes(), a.sandbox(), a.containerImage(), a.network(),
                a.readOnlyPaths(), a.writablePaths(), a.envAllowlist(), processes, memory, cpu, a.seccomp(),
                a.requiresApproval(), a.requireVerifiedDevice(), a.approvers());
    }

    static Allowance withSeccomp(Allowance a, SeccompMode seccomp) {
        return new Allowance(a.timeoutMs(), a.maxOutputBytes(), a.sandbox(), a.containerImage(), a.network(),
                a.readOnlyPaths(), a.writablePaths(), a.envAllowlist(), a.maxProcesses(), a.maxMemoryBytes(),
                a.maxCpuSeconds(), seccomp, a.requiresApproval(), a.requireVerifiedDevice(), a.approvers());
    }
}
