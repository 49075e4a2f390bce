package org.mxagent.terminal.api.stream;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.mxagent.protocol.api.event.StreamChunk;
import org.mxagent.protocol.api.event.StreamName;

/**
 * Receiver side of the chunk streams of one invocation: verifies every chunk (encoding, {@code sha256}),
 * drops exact duplicates, reorders within a window of {@code window} chunks per stream, declares a gap lost once
 * a chunk arrives {@code window} or more positions past it, and delivers bytes in order. In strict mode the first
 * loss or refused chunk fails the run ({@link ReassemblyReport#exitCodeOverride()}) and nothing more is delivered.
 * Chunks of other invocations are ignored. Not thread-safe.
 */
public final class StreamReassembler {
    /** protocol.md §2.5: the CLI's reorder window. */
    public static final int DEFAULT_WINDOW = 64;

    private final String invocationId;
    private final int window;
    private final boolean strict;
    private final Map<StreamName, StreamState> streams = new EnumMap<>(StreamName.class);
    private long deliveredChunks;
    private long deliveredBytes;
    private long duplicates;
    private long lostChunks;
    private long integrityFailures;
    private long foreignChunks;
    private boolean closed;

    public StreamReassembler(String invocationId, int window, boolean strict) {
        this.invocationId = Objects.requireNonNull(invocationId, "invocationId");
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1");
        }
        this.window = window;
        this.strict = strict;
    }

    /** Takes one received chunk; returns what can be said now (data in order, ends, losses, refusals). */
    public List<ReassemblyEvent> accept(StreamChunk chunk) {
        if (!chunk.invocationId().equals(invocationId)) {
            foreignChunks++;
            return List.of();
        }
        List<ReassemblyEvent> events = new ArrayList<>();
        if (closed || failed()) {
            return events;
        }
        StreamState state = streams.computeIfAbsent(chunk.stream(), StreamState::new);
        Optional<Received> received = verify(chunk, events);
        if (received.isPresent()) {
            state.offer(received.get(), events);
            state.drain(events);
            state.giveUpBeyondWindow(events);
        }
        return stopAtFailure(events);
    }

    /** No more chunks will come: gaps still open are lost, buffered chunks delivered, missing EOFs reported. */
    public List<ReassemblyEvent> close() {
        List<ReassemblyEvent> events = new ArrayList<>();
        if (closed) {
            return events;
        }
        closed = true;
        for (StreamState state : streams.values()) {
            if (failed()) {
                break;
            }
            state.closeOut(events);
        }
        return stopAtFailure(events);
    }

    /** True once the stream delivered everything up to its EOF marker. */
    public boolean ended(StreamName stream) {
        StreamState state = streams.get(stream);
        return state != null && state.ended;
    }

    public ReassemblyReport report() {
        boolean degraded = lostChunks > 0 || integrityFailures > 0;
        return new ReassemblyReport(deliveredChunks, deliveredBytes, duplicates, lostChunks, integrityFailures,
                foreignChunks, degraded, strict && degraded);
    }

    private boolean failed() {
        return strict && (lostChunks > 0 || integrityFailures > 0);
    }

    /** Strict mode: nothing after the first failure is delivered. */
    private List<ReassemblyEvent> stopAtFailure(List<ReassemblyEvent> events) {
        if (!strict) {
            return events;
        }
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof ReassemblyEvent.Lost || events.get(i) instanceof ReassemblyEvent.IntegrityFailure) {
                return events.subList(0, i + 1);
            }
        }
        return events;
    }

    private Optional<Received> verify(StreamChunk chunk, List<ReassemblyEvent> events) {
        IntegrityProblem problem = null;
        byte[] bytes = null;
        if (chunk.compressed()) {
            problem = IntegrityProblem.UNSUPPORTED_COMPRESSION;
        } else {
            Optional<byte[]> decoded = ChunkPayload.decode(chunk);
            if (decoded.isEmpty()) {
                problem = IntegrityProblem.BAD_ENCODING;
            } else {
                bytes = decoded.get();
                if (chunk.sha256() == null) {
                    problem = bytes.length == 0 && chunk.eof() ? null : IntegrityProblem.MISSING_SHA256;
                } else if (!ChunkPayload.sha256(bytes, 0, bytes.length).equals(chunk.sha256())) {
                    problem = IntegrityProblem.SHA256_MISMATCH;
                }
            }
        }
        if (problem != null) {
            refuse(chunk.stream(), chunk.seq(), problem, events);
            return Optional.empty();
        }
        return Optional.of(new Received(chunk.seq(), bytes, chunk.eof(), ChunkPayload.sha256(bytes, 0, bytes.length)));
    }

    private void refuse(StreamName stream, long seq, IntegrityProblem problem, List<ReassemblyEvent> events) {
        integrityFailures++;
        events.add(new ReassemblyEvent.IntegrityFailure(stream, seq, problem));
    }

    private record Received(long seq, byte[] bytes, boolean eof, String digest) {}

    /** One stream: the next expected seq, chunks held for reordering, and recent digests to spot conflicts. */
    private final class StreamState {
        private final StreamName stream;
        private final TreeMap<Long, Received> held = new TreeMap<>();
        private final Map<Long, String> recent = new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
                return size() > window;
            }
        };
        private long next;
        private long eofSeq = -1;
        private boolean ended;

        StreamState(StreamName stream) {
            this.stream = stream;
        }

        void offer(Received chunk, List<ReassemblyEvent> events) {
            if (chunk.seq() < next || held.containsKey(chunk.seq())) {
                String seen = chunk.seq() < next ? recent.get(chunk.seq()) : held.get(chunk.seq()).digest();
                if (seen != null && !seen.equals(chunk.digest())) {
                    refuse(stream, chunk.seq(), IntegrityProblem.CONFLICTING_DUPLICATE, events);
                } else {
                    duplicates++;
                }
                return;
            }
            boolean conflictingEof = chunk.eof() && eofSeq >= 0 && eofSeq != chunk.seq();
            if (conflictingEof || (eofSeq >= 0 && chunk.seq() > eofSeq)) {
                refuse(stream, chunk.seq(), IntegrityProblem.BEYOND_EOF, events);
                return;
            }
            if (chunk.eof()) {
                eofSeq = chunk.seq();
            }
            held.put(chunk.seq(), chunk);
        }

        void drain(List<ReassemblyEvent> events) {
            Received chunk;
            while ((chunk = held.remove(next)) != null) {
                recent.put(next, chunk.digest());
                if (chunk.bytes().length > 0) {
                    events.add(new ReassemblyEvent.Data(stream, next, chunk.bytes()));
                    deliveredChunks++;
                    deliveredBytes += chunk.bytes().length;
                }
                if (chunk.eof()) {
                    ended = true;
                    events.add(new ReassemblyEvent.Ended(stream, next));
                }
                next++;
            }
        }

        void giveUpBeyondWindow(List<ReassemblyEvent> events) {
            while (!held.isEmpty() && held.lastKey() - next >= window) {
                skipTo(held.firstKey(), events);
                drain(events);
            }
        }

        void closeOut(List<ReassemblyEvent> events) {
            while (!held.isEmpty()) {
                skipTo(held.firstKey(), events);
                drain(events);
            }
            if (!ended) {
                // Everything held was delivered above, so the EOF marker itself never came.
                lostChunks++;
                events.add(new ReassemblyEvent.Lost(stream, next, -1));
            }
        }

        private void skipTo(long seq, List<ReassemblyEvent> events) {
            if (seq > next) {
                lostChunks += seq - next;
                events.add(new ReassemblyEvent.Lost(stream, next, seq - 1));
                next = seq;
            }
        }
    }
}
