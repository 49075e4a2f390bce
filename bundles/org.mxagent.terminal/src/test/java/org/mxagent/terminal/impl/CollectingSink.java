package org.mxagent.terminal.impl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mxagent.protocol.api.event.StreamChunk;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.terminal.api.OutputSink;
import org.mxagent.terminal.api.stream.ReassemblyEvent;
import org.mxagent.terminal.api.stream.SendPacer;
import org.mxagent.terminal.api.stream.StreamReassembler;

/** Receives chunks the way a requester would (through a strict reassembler) and lets a test wait for text. */
final class CollectingSink implements OutputSink {
    private final StreamReassembler reassembler;
    private final Map<StreamName, ByteArrayOutputStream> bytes = new EnumMap<>(StreamName.class);
    private final List<StreamChunk> chunks = new ArrayList<>();
    private final SendPacer pacer;

    CollectingSink(String invocationId) {
        this(invocationId, SendPacer.UNLIMITED);
    }

    CollectingSink(String invocationId, SendPacer pacer) {
        this.reassembler = new StreamReassembler(invocationId, StreamReassembler.DEFAULT_WINDOW, true);
        this.pacer = pacer;
    }

    @Override
    public synchronized void chunk(StreamChunk chunk) {
        chunks.add(chunk);
        for (ReassemblyEvent event : reassembler.accept(chunk)) {
            if (event instanceof ReassemblyEvent.Data data) {
                bytes.computeIfAbsent(data.stream(), s -> new ByteArrayOutputStream()).writeBytes(data.bytes());
            }
        }
        notifyAll();
    }

    @Override
    public SendPacer pacer() {
        return pacer;
    }

    synchronized String text(StreamName stream) {
        ByteArrayOutputStream out = bytes.get(stream);
        return out == null ? "" : out.toString(StandardCharsets.UTF_8);
    }

    synchronized List<StreamChunk> chunks() {
        return List.copyOf(chunks);
    }

    synchronized boolean ended(StreamName stream) {
        return reassembler.ended(stream);
    }

    synchronized boolean intact() {
        return !reassembler.report().degraded();
    }

    /** Waits (without sleeping) until the stream's text contains {@code expected}. */
    synchronized void await(StreamName stream, String expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!text(stream).contains(expected)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no \"" + expected + "\" in " + stream.wire() + " within " + timeout
                        + "; got: " + text(stream));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
