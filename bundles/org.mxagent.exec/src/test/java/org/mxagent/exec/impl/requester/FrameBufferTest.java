package org.mxagent.exec.impl.requester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mxagent.protocol.api.ProtocolJson;

class FrameBufferTest {
    private static ObjectNode frame(int n) {
        return ProtocolJson.newObject().put("n", n);
    }

    @Test
    void readsFromTheCursorAndReleasesWhatWasRead() throws InterruptedException {
        FrameBuffer buffer = new FrameBuffer(1000);
        buffer.offer(frame(0), 10);
        buffer.offer(frame(1), 10);
        FrameBuffer.Batch first = buffer.read(0, 0);
        assertEquals(2, first.frames().size());
        assertEquals(2, first.nextCursor());
        assertTrue(first.result().isEmpty());

        buffer.offer(frame(2), 10);
        buffer.finish(ProtocolJson.newObject().put("done", true));
        FrameBuffer.Batch second = buffer.read(2, 0);
        assertEquals(1, second.frames().size());
        assertEquals(2, second.frames().get(0).get("n").asInt());
        assertTrue(second.result().isPresent(), "the result comes with the last frames");
        assertFalse(buffer.offer(frame(3), 1), "nothing after the result");
    }

    @Test
    void theResultWaitsUntilEveryFrameWasRead() throws InterruptedException {
        FrameBuffer buffer = new FrameBuffer(1000);
        for (int i = 0; i < FrameBuffer.MAX_BATCH + 5; i++) {
            buffer.offer(frame(i), 1);
        }
        buffer.finish(ProtocolJson.newObject());
        FrameBuffer.Batch first = buffer.read(0, 0);
        assertEquals(FrameBuffer.MAX_BATCH, first.frames().size());
        assertTrue(first.result().isEmpty());
        FrameBuffer.Batch rest = buffer.read(first.nextCursor(), 0);
        assertEquals(5, rest.frames().size());
        assertTrue(rest.result().isPresent());
    }

    @Test
    void offerDropsPastTheCapacityAndPutWaitsForRoom() throws Exception {
        FrameBuffer buffer = new FrameBuffer(100);
        assertTrue(buffer.offer(frame(0), 80));
        assertFalse(buffer.offer(frame(1), 80));
        assertEquals(1, buffer.droppedFrames());
        assertFalse(buffer.put(frame(2), 80, TimeUnit.MILLISECONDS.toNanos(20)), "no room within the wait");

        CompletableFuture<Boolean> put = CompletableFuture.supplyAsync(() -> {
            try {
                return buffer.put(frame(3), 80, TimeUnit.SECONDS.toNanos(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        FrameBuffer.Batch read = buffer.read(0, 0);
        buffer.read(read.nextCursor(), 0);
        assertTrue(put.get(10, TimeUnit.SECONDS), "room once the first frame was read");
    }

    @Test
    void aReadWaitsForTheNextFrame() throws Exception {
        FrameBuffer buffer = new FrameBuffer(100);
        CompletableFuture<FrameBuffer.Batch> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return buffer.read(0, TimeUnit.SECONDS.toNanos(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        });
        buffer.offer(frame(7), 1);
        assertEquals(7, waiting.get(10, TimeUnit.SECONDS).frames().get(0).get("n").asInt());
    }
}
