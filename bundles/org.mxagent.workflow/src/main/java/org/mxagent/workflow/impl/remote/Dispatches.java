package org.mxagent.workflow.impl.remote;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mxagent.workflow.spi.Dispatch;
import org.mxagent.workflow.spi.DispatchOutcome;

/** Dispatches that never reached the executor: their outcome is already final. */
final class Dispatches {
    private Dispatches() {}

    static Dispatch done(DispatchOutcome outcome) {
        CompletableFuture<DispatchOutcome> completed = CompletableFuture.completedFuture(outcome);
        return new Dispatch() {
            @Override
            public CompletionStage<DispatchOutcome> outcome() {
                return completed;
            }

            @Override
            public void cancel(String reason) {
                // nothing was sent: nothing to stop
            }
        };
    }
}
