package org.mxagent.terminal.api.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mxagent.protocol.api.event.ChunkEncoding;
import org.mxagent.protocol.api.event.StreamChunk;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.terminal.api.stream.ReassemblyEvent.Data;
import org.mxagent.terminal.api.stream.ReassemblyEvent.Ended;
import org.mxagent.terminal.api.stream.ReassemblyEvent.IntegrityFailure;
import org.mxagent.terminal.api.stream.ReassemblyEvent.Lost;

class StreamReassemblerTest {
    private static final String INV = "inv_1";

    private static StreamChunk chunk(StreamName stream, long seq, String text) {
        byte[] bytes = text.getBytes(UTF_8);
        return new StreamChunk(INV, stream, seq, ChunkEncoding.UTF_8, text, false, false,
                ChunkPayload.sha256(bytes, 0, bytes.length), "2026-03-01T12:00:00.000Z", Optional.empty(), Map.of());
    }

    private static StreamChunk eof(StreamName stream, long seq) {
        return new StreamChunk(INV, stream, seq, ChunkEncoding.UTF_8, "", true, false, null,
                "2026-03-01T12:00:00.000Z", Optional.empty(), Map.of());
    }

    private static StreamChunk withData(StreamChunk c, ChunkEncoding encoding, String data) {
        return new StreamChunk(c.invocationId(), c.stream(), c.seq(), encoding, data, c.eof(), c.compressed(),
                c.sha256(), c.timestamp(), c.signature(), c.extra());
    }

    private static String text(List<ReassemblyEvent> events) {
        StringBuilder out = new StringBuilder();
        events.stream().filter(e -> e instanceof Data).forEach(e -> out.append(new String(((Data) e).bytes(), UTF_8)));
        return out.toString();
    }

    @Test
    void inOrderChunksAreDeliveredAndTheStreamEnds() {
        StreamReassembler r = new StreamReassembler(INV, 64, true);
        List<ReassemblyEvent> events = new ArrayList<>();
        events.addAll(r.accept(chunk(StreamName.STDOUT, 0, "hello ")));
        events.addAll(r.accept(chunk(StreamName.STDERR, 0, "oops")));
        events.addAll(r.accept(chunk(StreamName.STDOUT, 1, "world")));
        events.addAll(r.accept(eof(StreamName.STDOUT, 2)));
        assertEquals("hello oopsworld", text(events));
        assertEquals(new Ended(StreamName.STDOUT, 2), events.get(events.size() - 1));
        assertTrue(r.ended(StreamName.STDOUT));
        assertFalse(r.ended(StreamName.STDERR));
        assertEquals(new ReassemblyReport(3, 15, 0, 0, 0, 0, false, false), r.report());
    }

    @Test
    void exactDuplicatesAreDropped() {
        StreamReassembler r = new StreamReassembler(INV, 64, true);
        assertEquals("a", text(r.accept(chunk(StreamName.STDOUT, 0, "a"))));
        assertEquals(List.of(), r.accept(chunk(StreamName.STDOUT, 0, "a")));
        r.accept(chunk(StreamName.STDOUT, 2, "c"));
        assertEquals(List.of(), r.accept(chunk(StreamName.STDOUT, 2, "c")), "held duplicate");
        assertEquals("bc", text(r.accept(chunk(StreamName.STDOUT, 1, "b"))));
        assertEquals(2, r.report().duplicates());
        assertFalse(r.report().degraded());
    }

    @Test
    void aDuplicateWithOtherContentIsAnIntegrityFailure() {
        StreamReassembler r = new StreamReassembler(INV, 64, false);
        r.accept(chunk(StreamName.STDOUT, 0, "genuine"));
        assertEquals(List.of(new IntegrityFailure(StreamName.STDOUT, 0, IntegrityProblem.CONFLICTING_DUPLICATE)),
                r.accept(chunk(StreamName.STDOUT, 0, "forged")));
        assertTrue(r.report().degraded());
        assertFalse(r.report().failed(), "lenient mode only degrades");
    }

    @Test
    void reordersWithinTheWindow() {
        StreamReassembler r = new StreamReassembler(INV, 64, true);
        List<ReassemblyEvent> events = new ArrayList<>();
        events.addAll(r.accept(eof(StreamName.STDOUT, 3)));
        events.addAll(r.accept(chunk(StreamName.STDOUT, 2, "c")));
        events.addAll(r.accept(chunk(StreamName.STDOUT, 1, "b")));
        assertEquals(List.of(), events);
        events.addAll(r.accept(chunk(StreamName.STDOUT, 0, "a")));
        assertEquals("abc", text(events));
        assertTrue(r.ended(StreamName.STDOUT));
    }

    @Test
    void aGapIsDeclaredLostOnceAChunkArrivesAWindowPastIt() {
        StreamReassembler r = new StreamReassembler(INV, 4, false);
        r.accept(chunk(StreamName.STDOUT, 0, "0"));
        for (int seq = 2; seq <= 4; seq++) {
            assertEquals(List.of(), r.accept(chunk(StreamName.STDOUT, seq, String.valueOf(seq))));
        }
        List<ReassemblyEvent> events = r.accept(chunk(StreamName.STDOUT, 5, "5"));
        assertEquals(new Lost(StreamName.STDOUT, 1, 1), events.get(0));
        assertEquals("2345", text(events));
        assertEquals(1, r.report().lostChunks());
        assertTrue(r.report().degraded());
        assertEquals(OptionalInt.empty(), r.report().exitCodeOverride());
        assertEquals(List.of(), r.accept(chunk(StreamName.STDOUT, 1, "late")), "a chunk given up is not taken");
    }

    @Test
    void tamperedDataFailsTheShaCheckAndStrictModeStopsThere() {
        StreamReassembler r = new StreamReassembler(INV, 64, true);
        StreamChunk tampered = withData(chunk(StreamName.STDOUT, 0, "rm -rf /"), ChunkEncoding.UTF_8, "ls -l /");
        assertEquals(List.of(new IntegrityFailure(StreamName.STDOUT, 0, IntegrityProblem.SHA256_MISMATCH)),
                r.accept(tampered));
        assertEquals(List.of(), r.accept(chunk(StreamName.STDOUT, 0, "rm -rf /")), "strict: nothing after");
        assertTrue(r.report().failed());
        assertEquals(OptionalInt.of(132), r.report().exitCodeOverride());
    }

    @Test
    void badBase64AndMissingShaAreRefused() {
        StreamReassembler r = new StreamReassembler(INV, 64, false);
        StreamChunk notBase64 = withData(chunk(StreamName.PTY, 0, "x"), ChunkEncoding.BASE64, "@@@");
        assertEquals(IntegrityProblem.BAD_ENCODING, ((IntegrityFailure) r.accept(notBase64).get(0)).problem());
        StreamChunk unsigned = new StreamChunk(INV, StreamName.PTY, 0, ChunkEncoding.BASE64, "eA==", false, false,
                null, "2026-03-01T12:00:00.000Z", Optional.empty(), Map.of());
        assertEquals(IntegrityProblem.MISSING_SHA256, ((IntegrityFailure) r.accept(unsigned).get(0)).problem());
        StreamChunk good = withData(chunk(StreamName.PTY, 0, "x"), ChunkEncoding.BASE64, "eA==");
        assertEquals("x", text(r.accept(good)), "the open slot still takes the genuine chunk");
        assertEquals(2, r.report().integrityFailures());
    }

    @Test
    void closeReportsWhatNeverCame() {
        StreamReassembler r = new StreamReassembler(INV, 64, false);
        r.accept(chunk(StreamName.STDOUT, 0, "a"));
        r.accept(chunk(StreamName.STDOUT, 2, "c"));
        List<ReassemblyEvent> events = r.close();
        assertEquals(3, events.size(), events.toString());
        assertEquals(new Lost(StreamName.STDOUT, 1, 1), events.get(0));
        assertEquals("c", text(events.subList(1, 2)));
        assertEquals(new Lost(StreamName.STDOUT, 3, -1), events.get(2), "no EOF marker ever came");
        assertEquals(2, r.report().lostChunks());
    }

    @Test
    void chunksOfAnotherInvocationAreIgnored() {
        StreamReassembler r = new StreamReassembler("inv_other", 64, true);
        assertEquals(List.of(), r.accept(chunk(StreamName.STDOUT, 0, "a")));
        assertEquals(1, r.report().foreignChunks());
        assertFalse(r.report().degraded());
    }

    @Test
    void whatTheChunkerSendsComesBackWholeThroughShuffleAndDuplicates() {
        FakeTicker ticker = new FakeTicker();
        StreamChunker chunker = new StreamChunker(INV, StreamName.STDOUT, false,
                new StreamSettings(64, Duration.ofMillis(50), Duration.ofMillis(250), 1 << 20), SendPacer.UNLIMITED,
                ticker);
        Random random = new Random(42);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        List<StreamChunk> chunks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] piece = ("päckchen " + i + " ✓ ").getBytes(UTF_8);
            if (i % 17 == 0) {
                piece = new byte[] {(byte) 0xFF, (byte) i};
            }
            sent.writeBytes(piece);
            chunks.addAll(chunker.append(piece, 0, piece.length));
            ticker.advance(Duration.ofMillis(random.nextInt(300)));
            chunks.addAll(chunker.poll());
        }
        chunks.addAll(chunker.finish());
        List<StreamChunk> delivered = new ArrayList<>();
        for (int start = 0; start < chunks.size(); start += 32) {
            List<StreamChunk> block = new ArrayList<>(chunks.subList(start, Math.min(chunks.size(), start + 32)));
            block.add(block.get(random.nextInt(block.size())));
            Collections.shuffle(block, random);
            delivered.addAll(block);
        }
        StreamReassembler r = new StreamReassembler(INV, 64, true);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        for (StreamChunk chunk : delivered) {
            r.accept(chunk).stream().filter(e -> e instanceof Data).forEach(e -> received.writeBytes(((Data) e).bytes()));
        }
        assertArrayEquals(sent.toByteArray(), received.toByteArray());
        assertTrue(r.ended(StreamName.STDOUT));
        assertFalse(r.report().degraded());
        assertTrue(r.report().duplicates() > 0);
    }
}
