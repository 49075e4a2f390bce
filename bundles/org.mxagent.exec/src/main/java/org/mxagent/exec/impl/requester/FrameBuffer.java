package org.mxagent.exec.impl.requester;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The frames of one session on their way to the CLI, numbered from 0, and its final result. The CLI reads from a
 * cursor (the number of frames it has processed); frames before the cursor are let go. The IPC call that reads is
 * bounded in time, so a long run is read over several calls ({@code exec.start} then {@code invocation.attach}),
 * each continuing at the cursor the previous one returned.
 *
 * <p>Producers on shared threads {@link #offer} (never blocks; past the capacity a frame is dropped and counted);
 * a producer with a thread of its own (the artifact tail) {@link #put}s and waits for room.
 */
public final class FrameBuffer {
    /** At most this many frames per read. */
    static final int MAX_BATCH = 256;

    private final long capacityBytes;
    private final Deque<Entry> frames = new ArrayDeque<>();
    private long base;
    private long bufferedBytes;
    private long droppedFrames;
    private ObjectNode result;

    public FrameBuffer(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /** What one read returns: frames from the cursor on, the next cursor, and the result once all is read. */
    public record Batch(List<ObjectNode> frames, long nextCursor, Optional<ObjectNode> result) {}

    private record Entry(ObjectNode frame, long weight) {}

    /** Adds a frame unless the buffer is full (then it is dropped and counted); false after the result. */
    public synchronized boolean offer(ObjectNode frame, long weight) {
        if (result != null) {
            return false;
        }
        if (bufferedBytes + weight > capacityBytes && !frames.isEmpty()) {
            droppedFrames++;
            return false;
        }
        append(frame, weight);
        return true;
    }

    /** Adds a frame, waiting up to {@code timeoutNanos} for room; false if there was none (or after the result). */
    public synchronized boolean put(ObjectNode frame, long weight, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (result == null && bufferedBytes + weight > capacityBytes && !frames.isEmpty()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        if (result != null) {
            return false;
        }
        append(frame, weight);
        return true;
    }

    /** The final result; later frames are refused. The first result wins. */
    public synchronized void finish(ObjectNode finalResult) {
        if (result == null) {
            result = finalResult;
            notifyAll();
        }
    }

    public synchronized boolean isFinished() {
        return result != null;
    }

    public synchronized Optional<ObjectNode> result() {
        return Optional.ofNullable(result);
    }

    /** Frames dropped because nobody read them in time. */
    public synchronized long droppedFrames() {
        return droppedFrames;
    }

    /**
     * Frames from {@code cursor} on, waiting up to {@code waitNanos} for the first one (or the result).
     * Everything before {@code cursor} is released.
     */
    public synchronized Batch read(long cursor, long waitNanos) throws InterruptedException {
        release(cursor);
        long from = Math.max(cursor, base);
        long deadline = System.nanoTime() + waitNanos;
        while (from >= base + frames.size() && result == null) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        List<ObjectNode> batch = new ArrayList<>();
        long index = base;
        for (Entry entry : frames) {
            if (index >= from && batch.size() < MAX_BATCH) {
                batch.add(entry.frame());
            }
            index++;
        }
        long next = from + batch.size();
        boolean all = next >= base + frames.size();
        return new Batch(batch, next, all && result != null ? Optional.of(result) : Optional.empty());
    }

    private void append(ObjectNode frame, long weight) {
        frames.addLast(new Entry(frame, weight));
        bufferedBytes += weight;
        notifyAll();
    }

    private void release(long cursor) {
        boolean freed = false;
        while (base < cursor && !frames.isEmpty()) {
            bufferedBytes -= frames.removeFirst().weight();
            base++;
            freed = true;
        }
        if (freed) {
            notifyAll();
        }
    }
}
