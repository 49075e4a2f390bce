package org.mxagent.workflow.impl;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mxagent.workflow.spi.Dispatch;
import org.mxagent.workflow.spi.DispatchOutcome;

/** Dispatches that never ran anything (refused, invalid): their outcome is already final. */
public final class Dispatches {
    private Dispatches() {}

    public static Dispatch done(DispatchOutcome outcome) {
        CompletableFuture<DispatchOutcome> completed = CompletableFuture.completedFuture(outcome);
        return new Dispatch() {
            @Override
            public CompletionStage<DispatchOutcome> outcome() {
                return completed;
            }

            @Override
            public void cancel(String reason) {
                // nothing runs: the outcome is already final
            }
        };
    }
}
