package org.mxagent.terminal.api.stream;

import org.mxagent.protocol.api.event.StreamName;

/** What a {@link StreamReassembler} has to say about its streams, in order per stream. */
public sealed interface ReassemblyEvent {
    StreamName stream();

    /** The next bytes of a stream (in {@code seq} order; never empty). */
    record Data(StreamName stream, long seq, byte[] bytes) implements ReassemblyEvent {}

    /** The stream is complete: every chunk up to its EOF marker {@code eofSeq} has been accounted for. */
    record Ended(StreamName stream, long eofSeq) implements ReassemblyEvent {}

    /**
     * Chunks {@code fromSeq}..{@code toSeq} (inclusive) never arrived in time and are given up: the stream is
     * degraded. {@code toSeq} is -1 when the stream ended (by {@link StreamReassembler#close()}) without an EOF
     * marker, so how much is missing is unknown.
     */
    record Lost(StreamName stream, long fromSeq, long toSeq) implements ReassemblyEvent {}

    /** A chunk was refused; its slot stays open and is declared lost if nothing valid fills it. */
    record IntegrityFailure(StreamName stream, long seq, IntegrityProblem problem) implements ReassemblyEvent {}
}
