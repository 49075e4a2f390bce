package org.mxagent.terminal.api;

import org.mxagent.policy.api.Allowance;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs allowed commands on this machine: the same floor (sandbox, network, binds, environment scrub, rlimits,
 * timeout, output cap) for loopback and remote requests.
 */
@ProviderType
public interface LocalExec {
    /**
     * Starts {@code spec} under {@code allowance}; output goes to {@code sink}.
     *
     * @throws ExecException if it cannot start: the sandbox is unavailable (fail closed), the environment override
     *                       is not allowed, the working directory is missing, or the process could not be spawned
     */
    RunningExec start(ExecSpec spec, Allowance allowance, OutputSink sink) throws ExecException;

    /** Runs started and not yet finished (heartbeat {@code running_invocations}). */
    int running();
}
