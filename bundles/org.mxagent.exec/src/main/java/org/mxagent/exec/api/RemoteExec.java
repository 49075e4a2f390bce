package org.mxagent.exec.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Starts commands on another agent over Matrix, through the same requester code as {@code mx-agent exec}: the
 * request is signed with this runtime's key, output is reassembled and verified, cancel is a signed
 * {@code exec.cancel}, and a run without a final answer within its timeout + the grace period is cancelled.
 */
@ProviderType
public interface RemoteExec {

    /**
     * Sends the request. Never blocks on the target: its answer (rejection, exit, …) comes through
     * {@link RemoteInvocation#result()}.
     *
     * @throws RemoteExecException the request could not be sent (unknown room or agent, not hosted here, bad
     *                             cwd, Matrix unreachable)
     */
    RemoteInvocation start(RemoteExecRequest request) throws RemoteExecException;
}
