package org.mxagent.terminal.api.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.mxagent.protocol.api.event.ChunkEncoding;
import org.mxagent.protocol.api.event.StreamChunk;
import org.mxagent.protocol.api.event.StreamName;

class StreamChunkerTest {
    private final FakeTicker ticker = new FakeTicker();
    private final FakePacer pacer = new FakePacer();

    private StreamChunker chunker(StreamName stream, boolean interactive) {
        return chunker(stream, interactive, StreamSettings.DEFAULTS);
    }

    private StreamChunker chunker(StreamName stream, boolean interactive, StreamSettings settings) {
        return new StreamChunker("inv_1", stream, interactive, settings, pacer, ticker);
    }

    private static List<StreamChunk> append(StreamChunker chunker, byte[] data) {
        return chunker.append(data, 0, data.length);
    }

    private static List<StreamChunk> append(StreamChunker chunker, String text) {
        return append(chunker, text.getBytes(UTF_8));
    }

    private static byte[] repeat(char c, int n) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    @Test
    void fullChunksGoAtOnceAndTheRestAfterTheBatchInterval() {
        StreamChunker chunker = chunker(StreamName.STDOUT, false);
        List<StreamChunk> full = append(chunker, repeat('a', 40_000));
        assertEquals(2, full.size());
        assertEquals(16_384, bytes(full.get(0)).length);
        assertEquals(List.of(0L, 1L), full.stream().map(StreamChunk::seq).toList());
        assertEquals(OptionalLong.of(ticker.nanoTime() + Duration.ofMillis(250).toNanos()), chunker.nextDeadlineNanos());

        ticker.advance(Duration.ofMillis(249));
        assertEquals(List.of(), chunker.poll());
        ticker.advance(Duration.ofMillis(1));
        List<StreamChunk> rest = chunker.poll();
        assertEquals(1, rest.size());
        assertEquals(40_000 - 2 * 16_384, bytes(rest.get(0)).length);
        assertEquals(2, rest.get(0).seq());
        assertTrue(chunker.nextDeadlineNanos().isEmpty());
    }

    @Test
    void interactiveFlushesAtNewlinesAndAfter50Ms() {
        StreamChunker chunker = chunker(StreamName.STDOUT, true);
        List<StreamChunk> line = append(chunker, "hello\nwor");
        assertEquals(1, line.size());
        assertEquals("hello\n", line.get(0).data());
        assertEquals(ChunkEncoding.UTF_8, line.get(0).encoding());
        ticker.advance(Duration.ofMillis(50));
        assertEquals("wor", chunker.poll().get(0).data());
    }

    @Test
    void batchModeIgnoresNewlines() {
        StreamChunker chunker = chunker(StreamName.STDOUT, false);
        assertEquals(List.of(), append(chunker, "one\ntwo\n"));
        ticker.advance(Duration.ofMillis(250));
        assertEquals("one\ntwo\n", chunker.poll().get(0).data());
    }

    @Test
    void finishFlushesAndEndsWithAnEmptyEofMarker() {
        StreamChunker chunker = chunker(StreamName.STDERR, false);
        append(chunker, "tail");
        List<StreamChunk> last = chunker.finish();
        assertEquals(2, last.size());
        assertEquals("tail", last.get(0).data());
        StreamChunk eof = last.get(1);
        assertTrue(eof.eof());
        assertEquals("", eof.data());
        assertNull(eof.sha256());
        assertEquals(1, eof.seq());
        assertFalse(eof.compressed());
        assertEquals("2026-03-01T12:00:00.000Z", eof.timestamp());
        assertEquals(List.of(), chunker.finish(), "finish is idempotent");
        assertThrows(IllegalStateException.class, () -> append(chunker, "late"));
    }

    @Test
    void sha256IsBase64OfTheDigestOfTheDecodedBytes() {
        StreamChunker chunker = chunker(StreamName.STDOUT, false);
        append(chunker, "abc");
        StreamChunk chunk = chunker.finish().get(0);
        // SHA-256("abc") from FIPS 180-2, in standard base64.
        assertEquals("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=", chunk.sha256());
    }

    @Test
    void aFullChunkNeverSplitsAUtf8Character() {
        StreamChunker chunker = chunker(StreamName.STDOUT, false);
        byte[] data = new byte[16_383 + 3 + 10];
        Arrays.fill(data, (byte) 'a');
        byte[] euro = "€".getBytes(UTF_8);
        System.arraycopy(euro, 0, data, 16_383, 3);
        List<StreamChunk> out = append(chunker, data);
        assertEquals(1, out.size());
        assertEquals(16_383, bytes(out.get(0)).length);
        assertEquals(ChunkEncoding.UTF_8, out.get(0).encoding());
        StreamChunk rest = chunker.finish().get(0);
        assertEquals(ChunkEncoding.UTF_8, rest.encoding());
        assertTrue(rest.data().startsWith("€"));
    }

    @Test
    void aPartialCharacterWaitsOneIntervalForItsContinuation() {
        StreamChunker chunker = chunker(StreamName.STDOUT, false);
        byte[] euro = "€".getBytes(UTF_8);
        append(chunker, new byte[] {'a', 'b', euro[0], euro[1]});
        ticker.advance(Duration.ofMillis(250));
        assertEquals("ab", chunker.poll().get(0).data());
        append(chunker, new byte[] {euro[2]});
        ticker.advance(Duration.ofMillis(250));
        StreamChunk whole = chunker.poll().get(0);
        assertEquals(ChunkEncoding.UTF_8, whole.encoding());
        assertEquals("€", whole.data());
    }

    @Test
    void aPartialCharacterThatNeverCompletesGoesAsBase64() {
        StreamChunker chunker = chunker(StreamName.STDOUT, false);
        byte[] euro = "€".getBytes(UTF_8);
        append(chunker, new byte[] {'x', euro[0]});
        ticker.advance(Duration.ofMillis(250));
        assertEquals("x", chunker.poll().get(0).data());
        ticker.advance(Duration.ofMillis(250));
        StreamChunk lone = chunker.poll().get(0);
        assertEquals(ChunkEncoding.BASE64, lone.encoding());
        assertArrayEquals(new byte[] {euro[0]}, bytes(lone));
    }

    @Test
    void invalidUtf8IsBase64AndPtyIsAlwaysBase64() {
        StreamChunker binary = chunker(StreamName.STDOUT, false);
        append(binary, new byte[] {(byte) 0xFF, 0, 1});
        StreamChunk chunk = binary.finish().get(0);
        assertEquals(ChunkEncoding.BASE64, chunk.encoding());
        assertEquals("/wAB", chunk.data());

        StreamChunker pty = chunker(StreamName.PTY, true);
        List<StreamChunk> out = append(pty, "plain text\n");
        assertEquals(ChunkEncoding.BASE64, out.get(0).encoding());
        assertEquals("plain text\n", new String(bytes(out.get(0)), UTF_8));
        StreamChunk eof = pty.finish().get(0);
        assertTrue(eof.eof());
        assertEquals(ChunkEncoding.BASE64, eof.encoding());
    }

    @Test
    void controlHeavyTextGoesAsBase64SoAChunkStaysFarBelow64KiB() {
        StreamChunker chunker = chunker(StreamName.STDOUT, false);
        List<StreamChunk> out = append(chunker, repeat('\u0001', 16_384));
        assertEquals(ChunkEncoding.BASE64, out.get(0).encoding());
        assertTrue(out.get(0).data().length() < 22_000, "base64 of 16 KiB, not 96 KiB of \\u0001 escapes");
        StreamChunker text = chunker(StreamName.STDOUT, false);
        append(text, "tab\tseparated \"quoted\" text\n");
        assertEquals(ChunkEncoding.UTF_8, text.finish().get(0).encoding());
    }

    @Test
    void pastTheTimelineBudgetNoMoreDataIsChunkedButEofStillIs() {
        StreamSettings small = new StreamSettings(16, Duration.ofMillis(50), Duration.ofMillis(250), 40);
        StreamChunker chunker = chunker(StreamName.STDOUT, false, small);
        List<StreamChunk> all = new ArrayList<>(append(chunker, repeat('x', 100)));
        all.addAll(append(chunker, repeat('y', 10)));
        all.addAll(chunker.finish());
        assertTrue(chunker.overBudget());
        assertEquals(110, chunker.streamBytes());
        assertEquals(40, chunker.timelineBytes());
        assertEquals(40, Chunks.concat(all.subList(0, all.size() - 1)).length);
        assertTrue(all.get(all.size() - 1).eof());
        assertEquals(List.of(0L, 1L, 2L, 3L), all.stream().map(StreamChunk::seq).toList());
    }

    @Test
    void underPressureFlushesAreCoalescedIntoOneReportedChunk() {
        StreamChunker chunker = chunker(StreamName.STDOUT, true);
        pacer.delayNanos = Duration.ofSeconds(1).toNanos();
        for (int i = 0; i < 5; i++) {
            assertEquals(List.of(), append(chunker, "line " + i + "\n"));
            ticker.advance(Duration.ofMillis(60));
            assertEquals(List.of(), chunker.poll());
        }
        long deadline = chunker.nextDeadlineNanos().getAsLong();
        assertEquals(ticker.nanoTime() + Duration.ofSeconds(1).toNanos(), deadline);
        pacer.delayNanos = 0;
        List<StreamChunk> out = chunker.poll();
        assertEquals(1, out.size());
        assertEquals("line 0\nline 1\nline 2\nline 3\nline 4\n", out.get(0).data());
        assertEquals(5, out.get(0).extra().get(StreamChunker.COALESCED_MEMBER).intValue());
        assertEquals(5, chunker.coalescedFlushes());
        assertEquals(1, pacer.acquired);
    }

    @Test
    void underPressureFullChunksStillGoAndNothingIsDropped() {
        StreamChunker chunker = chunker(StreamName.STDOUT, true);
        pacer.delayNanos = Duration.ofSeconds(10).toNanos();
        List<StreamChunk> out = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            out.addAll(append(chunker, repeat('z', 399)));
            out.addAll(append(chunker, "\n"));
        }
        assertEquals(2, out.size(), "40 000 bytes: two full chunks, no small ones");
        out.forEach(c -> assertTrue(bytes(c).length <= 16_384));
        out.addAll(chunker.finish());
        assertEquals(40_000, Chunks.concat(out).length);
    }

    private static byte[] bytes(StreamChunk chunk) {
        return Chunks.bytes(chunk);
    }
}
