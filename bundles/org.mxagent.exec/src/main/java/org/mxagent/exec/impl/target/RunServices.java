package org.mxagent.exec.impl.target;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.mxagent.exec.impl.wire.SignedSender;
import org.osgi.service.log.Logger;

/**
 * What every target-side run uses: signing and sending, artifact upload, state, the registry, threads.
 *
 * @param runningStateDelayMillis a run publishes {@code invocation.v1 running} only once it has run this long:
 *                                Synapse persists a room's events one at a time, so a state write at the start
 *                                would delay the first output; short runs publish their final state only
 */
public record RunServices(SignedSender sender, ArtifactUploader uploader, InvocationStates states, RunRegistry runs,
        Executor executor, ScheduledExecutorService timer, long runningStateDelayMillis, Logger log, Clock clock) {}
