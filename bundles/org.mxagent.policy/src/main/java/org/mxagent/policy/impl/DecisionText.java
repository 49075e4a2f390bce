package org.mxagent.policy.impl;

import java.util.OptionalLong;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.Decision;
import org.mxagent.policy.api.Policy;
import org.mxagent.policy.api.PolicyStatus;
import org.mxagent.policy.api.RoomPolicy;

/** Human-readable text for the policy commands. */
final class DecisionText {
    private DecisionText() {}

    static String decision(Decision decision) {
        if (decision instanceof Decision.Denied denied) {
            return "denied: " + denied.reason().wire() + " (rule " + denied.rule() + ")\n  " + denied.detail();
        }
        Allowance a = ((Decision.Allowed) decision).allowance();
        return "allowed (rule " + decision.rule() + ")"
                + "\n  timeout:           " + a.timeoutMs() + " ms"
                + "\n  max output:        " + limit(a.maxOutputBytes(), "bytes")
                + "\n  sandbox:           " + a.sandbox().wire()
                + a.containerImage().map(image -> " (" + image + ")").orElse("")
                + "\n  network:           " + a.network().wire()
                + "\n  seccomp:           " + a.seccomp().wire()
                + "\n  read-only paths:   " + a.readOnlyPaths()
                + "\n  writable paths:    " + a.writablePaths()
                + "\n  env allowlist:     " + a.envAllowlist()
                + "\n  max processes:     " + limit(a.maxProcesses(), "")
                + "\n  max memory:        " + limit(a.maxMemoryBytes(), "bytes")
                + "\n  max cpu:           " + limit(a.maxCpuSeconds(), "s")
                + "\n  requires approval: " + a.requiresApproval() + (a.requiresApproval() ? " (approvers "
                        + a.approvers() + ")" : "")
                + "\n  verified device:   " + (a.requireVerifiedDevice() ? "required" : "not required");
    }

    static String status(PolicyStatus status, Policy policy) {
        StringBuilder out = new StringBuilder().append(status.state()).append("  ").append(status.file());
        status.message().ifPresent(message -> out.append("\n  ").append(message));
        long trusted = policy.rooms().values().stream().filter(RoomPolicy::trusted).count();
        int agents = policy.rooms().values().stream().mapToInt(room -> room.agents().size()).sum();
        out.append("\n  enforcing: ").append(policy.rooms().size()).append(" room(s), ").append(trusted)
                .append(" trusted, ").append(agents).append(" agent entr").append(agents == 1 ? "y" : "ies");
        out.append("; default sandbox ").append(policy.execution().defaultSandbox().wire())
                .append(", network ").append(policy.execution().network().wire())
                .append(policy.execution().requireSandbox() ? ", sandbox required" : "");
        return out.toString();
    }

    private static String limit(OptionalLong value, String unit) {
        return value.isPresent() ? value.getAsLong() + (unit.isEmpty() ? "" : " " + unit) : "unlimited";
    }
}
