package org.mxagent.workflow.spi;

import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/** A dispatched task: its outcome, and a way to cancel it. */
@ConsumerType
public interface Dispatch {
    CompletionStage<DispatchOutcome> outcome();

    /** Asks the executor to stop; the outcome then completes (as cancelled, or as it ended anyway). */
    void cancel(String reason);
}
