package org.mxagent.adapter.api;

import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/** A started agent run. */
@ProviderType
public interface AgentRun {
    /** The work id, also the invocation id of the process. */
    String id();

    String adapter();

    /**
     * Stops the agent: the plan's interrupt input first (if any) and its grace, then SIGTERM to the process
     * group, then SIGKILL. Returns false if it was already stopping or finished.
     */
    boolean cancel(String reason);

    /** Completes once the process ended, all output was parsed and the terminal progress event was delivered. */
    CompletionStage<RunOutcome> onFinished();
}
