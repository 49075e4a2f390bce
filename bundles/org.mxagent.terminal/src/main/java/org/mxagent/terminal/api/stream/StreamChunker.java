package org.mxagent.terminal.api.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.ChunkEncoding;
import org.mxagent.protocol.api.event.StreamChunk;
import org.mxagent.protocol.api.event.StreamName;

/**
 * Slices one output stream of one invocation into unsigned {@code stream.chunk} records, {@code seq} from 0.
 *
 * <p>A chunk goes out when {@link StreamSettings#maxChunkBytes()} are pending (always), when the flush interval has
 * passed since the oldest pending byte, when a newline arrives in interactive mode, and at {@link #finish} (always,
 * then the empty {@code eof} marker). Interval and newline flushes are optional: while the {@link SendPacer} says
 * wait, data keeps collecting (up to a full chunk) and the chunk that finally goes reports in the extra member
 * {@value #COALESCED_MEMBER} how many flushes it replaced. A cut never splits a UTF-8 sequence unless the
 * sequence is all that is pending and has waited a whole interval.
 *
 * <p>Past {@link StreamSettings#timelineBudgetBytes()} bytes no more data goes to chunks ({@link #overBudget()});
 * the caller keeps the full log for an artifact. Not thread-safe: one owner feeds it, and calls {@link #poll} at
 * {@link #nextDeadlineNanos()}.
 */
public final class StreamChunker {
    /** Extra member on a chunk that replaced more than one flush under send pressure (additive, v1-compatible). */
    public static final String COALESCED_MEMBER = "coalesced_flushes";

    private final String invocationId;
    private final StreamName stream;
    private final boolean interactive;
    private final StreamSettings settings;
    private final long intervalNanos;
    private final SendPacer pacer;
    private final Ticker ticker;

    private byte[] pending = new byte[1024];
    private int pendingLength;
    private long pendingSince;
    private boolean flushWanted;
    private boolean intervalCounted;
    private int deferredFlushes;
    private long pacerReadyAt;

    private long nextSeq;
    private long streamBytes;
    private long timelineBytes;
    private long coalescedFlushes;
    private boolean finished;

    public StreamChunker(String invocationId, StreamName stream, boolean interactive, StreamSettings settings,
            SendPacer pacer, Ticker ticker) {
        this.invocationId = Objects.requireNonNull(invocationId, "invocationId");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.interactive = interactive;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.intervalNanos = settings.flushInterval(interactive).toNanos();
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /** Takes output bytes; returns the chunks that are due now (full chunks, or a newline flush). */
    public List<StreamChunk> append(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (finished) {
            throw new IllegalStateException(stream.wire() + " stream already finished");
        }
        long now = ticker.nanoTime();
        streamBytes += length;
        long room = settings.timelineBudgetBytes() - timelineBytes - pendingLength;
        int taken = (int) Math.max(0, Math.min(length, room));
        if (taken == 0) {
            return List.of();
        }
        if (pendingLength == 0) {
            pendingSince = now;
        }
        ensureCapacity(pendingLength + taken);
        System.arraycopy(data, offset, pending, pendingLength, taken);
        pendingLength += taken;

        List<StreamChunk> out = new ArrayList<>();
        while (pendingLength >= settings.maxChunkBytes()) {
            int cut = Utf8.boundary(pending, 0, settings.maxChunkBytes());
            emit(out, cut, now);
        }
        int newline = lastNewline();
        if (interactive && newline >= 0 && containsNewline(data, offset, taken)) {
            softFlush(out, newline + 1, now, true);
        }
        return out;
    }

    /** Returns the chunks whose time has come (flush interval, or a deferred flush the pacer now allows). */
    public List<StreamChunk> poll() {
        if (finished || pendingLength == 0) {
            return List.of();
        }
        long now = ticker.nanoTime();
        boolean intervalDue = now - pendingSince >= intervalNanos;
        if (!intervalDue && !flushWanted) {
            return List.of();
        }
        List<StreamChunk> out = new ArrayList<>();
        // Interval: everything up to a character boundary (a partial character waits one more interval, at most).
        // Deferred newline flush only: up to the last newline.
        int cut = intervalDue ? Utf8.boundary(pending, 0, pendingLength) : lastNewline() + 1;
        if (cut > 0) {
            // An interval passing counts as one more avoided flush only if no flush was already waiting.
            softFlush(out, cut, now, intervalDue && !intervalCounted && !flushWanted);
        }
        return out;
    }

    /**
     * When {@link #poll} may next return something: the oldest pending byte's flush time, or later if the pacer
     * asked to wait. Empty when nothing is pending.
     */
    public OptionalLong nextDeadlineNanos() {
        if (finished || pendingLength == 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(flushWanted ? pacerReadyAt : pendingSince + intervalNanos);
    }

    /** Flushes everything pending, whatever the pacer says, then the empty {@code eof} chunk. */
    public List<StreamChunk> finish() {
        if (finished) {
            return List.of();
        }
        long now = ticker.nanoTime();
        List<StreamChunk> out = new ArrayList<>();
        while (pendingLength > 0) {
            int cut = Math.min(pendingLength, settings.maxChunkBytes());
            if (cut < pendingLength) {
                cut = Utf8.boundary(pending, 0, cut);
            }
            emit(out, cut, now);
        }
        ChunkEncoding encoding = stream == StreamName.PTY ? ChunkEncoding.BASE64 : ChunkEncoding.UTF_8;
        out.add(new StreamChunk(invocationId, stream, nextSeq++, encoding, "", true, false, null,
                Timestamps.millis(ticker.now()), Optional.empty(), Map.of()));
        finished = true;
        return out;
    }

    /** Whether the stream went past the timeline budget, so chunks no longer carry all of it. */
    public boolean overBudget() {
        return streamBytes > settings.timelineBudgetBytes();
    }

    public long streamBytes() {
        return streamBytes;
    }

    public long timelineBytes() {
        return timelineBytes;
    }

    /** Flushes that were merged into other chunks under send pressure, over the stream's life. */
    public long coalescedFlushes() {
        return coalescedFlushes;
    }

    public StreamName stream() {
        return stream;
    }

    private void softFlush(List<StreamChunk> out, int cut, long now, boolean newTrigger) {
        long delay = pacer.delayNanos(now);
        if (delay > 0) {
            if (newTrigger) {
                deferredFlushes++;
                intervalCounted = intervalCounted || now - pendingSince >= intervalNanos;
            }
            flushWanted = true;
            pacerReadyAt = now + delay;
            return;
        }
        emit(out, cut, now);
    }

    private void emit(List<StreamChunk> out, int cut, long now) {
        ChunkEncoding encoding = ChunkPayload.encodingFor(stream, pending, 0, cut);
        Map<String, JsonNode> extra = Map.of();
        if (deferredFlushes > 0) {
            extra = Map.of(COALESCED_MEMBER, IntNode.valueOf(deferredFlushes));
            coalescedFlushes += deferredFlushes;
        }
        out.add(new StreamChunk(invocationId, stream, nextSeq++, encoding,
                ChunkPayload.encode(encoding, pending, 0, cut), false, false, ChunkPayload.sha256(pending, 0, cut),
                Timestamps.millis(ticker.now()), Optional.empty(), extra));
        pacer.acquire(now);
        timelineBytes += cut;
        System.arraycopy(pending, cut, pending, 0, pendingLength - cut);
        pendingLength -= cut;
        pendingSince = now;
        deferredFlushes = 0;
        flushWanted = false;
        intervalCounted = false;
    }

    private int lastNewline() {
        for (int i = pendingLength - 1; i >= 0; i--) {
            if (pending[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean containsNewline(byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (data[i] == '\n') {
                return true;
            }
        }
        return false;
    }

    private void ensureCapacity(int needed) {
        if (needed > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(needed, pending.length * 2));
        }
    }
}
