package org.mxagent.workflow.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs the action of a task the scheduler has won. The local implementation evaluates policy and runs through
 * {@code LocalExec}; a remote one (signed {@code exec.request} over Matrix) can register with a higher service
 * ranking and say which requests it takes. A refusal (policy, unsupported action) is an outcome, not an exception.
 */
@ConsumerType
public interface TaskDispatcher {

    /** Whether this dispatcher runs {@code request} (e.g. its target agent is hosted here). */
    boolean accepts(DispatchRequest request);

    /** Starts the action; never throws for a refusal, which is reported through the outcome. */
    Dispatch dispatch(DispatchRequest request);
}
