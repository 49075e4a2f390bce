package org.mxagent.adapter.tasks.impl;

import java.util.Optional;
import java.util.OptionalLong;
import org.mxagent.adapter.api.LaunchGate;
import org.mxagent.adapter.spi.AdapterException;
import org.mxagent.adapter.spi.LaunchPlan;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.Decision;
import org.mxagent.policy.api.ExecRequestFacts;
import org.mxagent.policy.api.PolicyCheck;

/**
 * The room's exec policy applied to an agent launch: the authorizing agent's Matrix user may start exactly this
 * argv (argv[0] is the agent's CLI) in this cwd with these env overrides, as if it had asked for an exec. The
 * denial is kept so the task result carries the policy's reason code.
 */
final class PolicyGate implements LaunchGate {
    private final PolicyCheck policy;
    private final String roomId;
    private final String requesterUserId;
    private final OptionalLong timeoutMs;
    private volatile Decision.Denied denial;

    PolicyGate(PolicyCheck policy, String roomId, String requesterUserId, OptionalLong timeoutMs) {
        this.policy = policy;
        this.roomId = roomId;
        this.requesterUserId = requesterUserId;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public Allowance admit(String adapter, LaunchPlan plan) throws AdapterException {
        Decision decision = policy.evaluateExec(new ExecRequestFacts(roomId, requesterUserId, plan.argv(),
                plan.cwd().toString(), plan.env().keySet(), timeoutMs));
        if (decision instanceof Decision.Denied denied) {
            denial = denied;
            throw new AdapterException(AdapterException.Reason.REJECTED, "adapter '" + adapter + "' ("
                    + plan.argv().get(0) + ") denied by policy rule " + denied.rule() + " ("
                    + denied.reason().wire() + ") for " + requesterUserId);
        }
        return ((Decision.Allowed) decision).allowance();
    }

    /** The policy's denial, if that is why the launch was refused. */
    Optional<Decision.Denied> denial() {
        return Optional.ofNullable(denial);
    }
}
