package org.mxagent.adapter.api;

import org.mxagent.adapter.spi.AdapterException;
import org.mxagent.adapter.spi.LaunchPlan;
import org.mxagent.policy.api.Allowance;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides, from the plan an adapter made, whether it may launch and under which allowance. A task run asks the
 * room's exec policy about exactly the argv, cwd and env the agent gets, as {@code exec} does for a command.
 */
@ConsumerType
@FunctionalInterface
public interface LaunchGate {
    /**
     * @throws AdapterException with {@link AdapterException.Reason#REJECTED} when the launch is refused
     */
    Allowance admit(String adapter, LaunchPlan plan) throws AdapterException;
}
