package org.mxagent.policy.impl;

import java.util.OptionalLong;
import org.mxagent.policy.api.AgentPolicy;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.ExecutionPolicy;
import org.mxagent.policy.api.RoomPolicy;

/** Merges an agent entry over {@code [execution]} (agent wins) into the {@link Allowance} of one request. */
final class AllowanceFactory {
    private AllowanceFactory() {}

    static Allowance merge(ExecutionPolicy execution, RoomPolicy room, AgentPolicy agent,
            OptionalLong requestedTimeoutMs) {
        long requested = requestedTimeoutMs.orElse(Allowance.DEFAULT_TIMEOUT_MS);
        long timeout = Math.min(requested, agent.maxRuntimeMs().orElse(Long.MAX_VALUE));
        return new Allowance(
                timeout,
                agent.maxOutputBytes(),
                agent.sandbox().orElse(execution.defaultSandbox()),
                execution.containerImage(),
                agent.network().orElse(execution.network()),
                execution.readOnlyPaths(),
                execution.writablePaths(),
                execution.envAllowlist(),
                either(agent.maxProcesses(), execution.maxProcesses()),
                either(agent.maxMemoryBytes(), execution.maxMemoryBytes()),
                either(agent.maxCpuSeconds(), execution.maxCpuSeconds()),
                agent.seccomp().orElse(execution.seccomp()),
                agent.requiresApproval(),
                // Device verification can only add a denial: either level asking for it is enough.
                room.requireVerifiedDevice() || agent.requireVerifiedDevice(),
                room.approvers());
    }

    private static OptionalLong either(OptionalLong preferred, OptionalLong fallback) {
        return preferred.isPresent() ? preferred : fallback;
    }
}
