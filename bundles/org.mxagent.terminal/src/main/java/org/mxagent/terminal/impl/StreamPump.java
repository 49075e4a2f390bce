package org.mxagent.terminal.impl;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.mxagent.protocol.api.event.StreamChunk;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.terminal.api.OutputSink;
import org.mxagent.terminal.api.SpooledLog;
import org.mxagent.terminal.api.stream.StreamChunker;
import org.mxagent.terminal.api.stream.Ticker;
import org.osgi.service.log.Logger;

/**
 * Reads one output stream of a child until EOF (on an I/O thread): bytes within the output cap go to the stream's
 * log and chunker, chunks go to the sink, and the chunker's flush deadlines are kept on the scheduler. Reading
 * goes on past the cap, so the child never blocks on a full pipe; those bytes are dropped.
 */
final class StreamPump implements Runnable {
    private static final int READ_SIZE = 8192;
    private final StreamName stream;
    private final InputStream in;
    private final StreamChunker chunker;
    private final StreamLog streamLog;
    private final OutputCap cap;
    private final OutputSink sink;
    private final ScheduledExecutorService scheduler;
    private final Ticker ticker;
    private final Logger log;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final List<String> problems = new ArrayList<>();
    private ScheduledFuture<?> tick;
    private long tickAt;
    private long keptBytes;
    private boolean logFailed;
    private PumpResult result;

    StreamPump(StreamName stream, InputStream in, StreamChunker chunker, StreamLog streamLog, OutputCap cap,
            OutputSink sink, ScheduledExecutorService scheduler, Ticker ticker, Logger log) {
        this.stream = stream;
        this.in = in;
        this.chunker = chunker;
        this.streamLog = streamLog;
        this.cap = cap;
        this.sink = sink;
        this.scheduler = scheduler;
        this.ticker = ticker;
        this.log = log;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[READ_SIZE];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                accept(buffer, n);
            }
        } catch (IOException e) {
            // A PTY whose child has gone, or a pipe closed under us at shutdown: either way the stream is over.
            log.debug("{} stream ended with {}", stream.wire(), e.toString());
        } finally {
            ended.complete(null);
        }
    }

    /** Completes when the stream reached EOF (all writers closed it). */
    CompletableFuture<Void> ended() {
        return ended;
    }

    StreamName stream() {
        return stream;
    }

    /**
     * Flushes what is pending and the EOF marker, and closes the log; idempotent. Output still read afterwards
     * (a straggler that escaped every signal) is dropped.
     */
    synchronized PumpResult finish() {
        if (result != null) {
            return result;
        }
        if (tick != null) {
            tick.cancel(false);
        }
        deliver(chunker.finish());
        Optional<SpooledLog> artifact = Optional.empty();
        try {
            artifact = logFailed ? Optional.empty() : streamLog.finish();
        } catch (IOException e) {
            problems.add(stream.wire() + " log could not be spooled: " + e.getMessage());
            log.error("cannot finish the {} spool file", stream.wire(), e);
        }
        result = new PumpResult(stream, keptBytes, artifact, chunker.coalescedFlushes(), List.copyOf(problems));
        return result;
    }

    private synchronized void accept(byte[] buffer, int length) {
        if (result != null) {
            return;
        }
        int kept = cap.admit(length);
        if (kept == 0) {
            return;
        }
        keptBytes += kept;
        if (!logFailed) {
            try {
                streamLog.write(buffer, 0, kept);
            } catch (IOException e) {
                // Disk full or spool gone: chunks within the budget still flow; the artifact is given up, loudly.
                logFailed = true;
                problems.add(stream.wire() + " log could not be spooled: " + e.getMessage());
                log.error("cannot spool {} output; its artifact is dropped", stream.wire(), e);
                discardLog();
            }
        }
        deliver(chunker.append(buffer, 0, kept));
        reschedule();
    }

    private synchronized void onTick() {
        tick = null;
        if (result != null) {
            return;
        }
        deliver(chunker.poll());
        reschedule();
    }

    private void reschedule() {
        OptionalLong deadline = chunker.nextDeadlineNanos();
        if (deadline.isEmpty()) {
            return;
        }
        if (tick != null && !tick.isDone() && tickAt - deadline.getAsLong() <= 0) {
            return;
        }
        if (tick != null) {
            tick.cancel(false);
        }
        tickAt = deadline.getAsLong();
        long delay = Math.max(0, tickAt - ticker.nanoTime());
        tick = scheduler.schedule(this::onTick, delay, TimeUnit.NANOSECONDS);
    }

    private void deliver(List<StreamChunk> chunks) {
        for (StreamChunk chunk : chunks) {
            try {
                sink.chunk(chunk);
            } catch (RuntimeException e) {
                log.error("output sink refused {} chunk {} of {}", stream.wire(), chunk.seq(), chunk.invocationId(), e);
            }
        }
    }

    private void discardLog() {
        try {
            streamLog.discard();
        } catch (IOException e) {
            log.error("cannot remove the {} spool file", stream.wire(), e);
        }
    }
}
