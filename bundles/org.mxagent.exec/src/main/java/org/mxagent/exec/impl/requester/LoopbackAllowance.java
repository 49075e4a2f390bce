package org.mxagent.exec.impl.requester;

import java.util.List;
import java.util.OptionalLong;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.ExecutionPolicy;

/**
 * The allowance of a loopback exec or call (the local CLI, same OS user, no room): the {@code [execution]}
 * defaults of policy.toml as they are (sandbox, network, binds, environment allowlist, limits, seccomp), the
 * requested timeout or 600 s, no output cap beyond the terminal's own PTY default, no approval, no device check.
 */
public final class LoopbackAllowance {
    private LoopbackAllowance() {}

    public static Allowance of(ExecutionPolicy execution, OptionalLong requestedTimeoutMs) {
        return new Allowance(requestedTimeoutMs.orElse(Allowance.DEFAULT_TIMEOUT_MS), OptionalLong.empty(),
                execution.defaultSandbox(), execution.containerImage(), execution.network(),
                execution.readOnlyPaths(), execution.writablePaths(), execution.envAllowlist(),
                execution.maxProcesses(), execution.maxMemoryBytes(), execution.maxCpuSeconds(), execution.seccomp(),
                false, false, List.of());
    }
}
