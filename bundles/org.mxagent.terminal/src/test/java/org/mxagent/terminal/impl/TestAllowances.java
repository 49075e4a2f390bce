package org.mxagent.terminal.impl;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.NetworkMode;
import org.mxagent.policy.api.SandboxKind;
import org.mxagent.policy.api.SeccompMode;

/** Allowances for tests. */
final class TestAllowances {
    private TestAllowances() {}

    static Allowance none() {
        return of(SandboxKind.NONE, 60_000, OptionalLong.empty(), List.of(), List.of());
    }

    static Allowance of(SandboxKind sandbox, long timeoutMs, OptionalLong maxOutput, List<String> envAllowlist,
            List<Path> writable) {
        return new Allowance(timeoutMs, maxOutput, sandbox, Optional.empty(), NetworkMode.DENY, List.of(), writable,
                envAllowlist, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), SeccompMode.OFF,
                false, false, List.of());
    }
}
