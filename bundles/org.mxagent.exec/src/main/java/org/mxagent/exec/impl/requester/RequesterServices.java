package org.mxagent.exec.impl.requester;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.mxagent.exec.impl.wire.ClientRef;
import org.mxagent.exec.impl.wire.SignedSender;
import org.osgi.service.log.Logger;

/**
 * What every requester session uses.
 *
 * @param graceMillis        how long past the timeout the requester waits for a final answer (protocol: 30 s)
 * @param bufferBytes        frames kept for a CLI that reads slowly
 * @param maxArtifactBytes   the largest raw log an artifact may decompress to
 */
public record RequesterServices(ClientRef client, SignedSender sender, ResultGate gate, Sessions sessions,
        ExecutorService pool, ScheduledExecutorService timer, Logger log, Clock clock, long graceMillis,
        long bufferBytes, long maxArtifactBytes) {}
