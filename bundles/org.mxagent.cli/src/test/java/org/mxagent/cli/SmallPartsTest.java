package org.mxagent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.ipc.wire.Frames;

/** The CLI's small helpers: paths, frames, log tail, status rendering. */
class SmallPartsTest {
    @TempDir
    Path dir;

    @Test
    void runtimeDirectoryPrecedence() {
        assertEquals(Path.of("/explicit"), RuntimePaths.runtimeDir(Map.of("MX_AGENT_RUNTIME_DIR", "/explicit",
                "XDG_RUNTIME_DIR", "/run/user/1"), "ann"));
        assertEquals(Path.of("/run/user/1/mx-agent"), RuntimePaths.runtimeDir(Map.of("MX_AGENT_RUNTIME_DIR", " ",
                "XDG_RUNTIME_DIR", "/run/user/1"), "ann"));
        assertEquals(Path.of("/var/tmp/mx-agent-ann"), RuntimePaths.runtimeDir(Map.of("TMPDIR", "/var/tmp"), "ann"));
        assertEquals(Path.of("/tmp/mx-agent-ann"), RuntimePaths.runtimeDir(Map.of(), "ann"));
        assertEquals(Path.of("/tmp/mx-agent-ann/daemon.sock"), RuntimePaths.socket(Map.of(), "ann"));
    }

    @Test
    void framesRoundTripAndRejectOversizeOrTruncation() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        byte[] payload = "{\"a\":\"ü\"}".getBytes(StandardCharsets.UTF_8);
        Frames.write(Channels.newChannel(wire), ByteBuffer.wrap(payload));
        byte[] bytes = wire.toByteArray();
        assertEquals(payload.length, ByteBuffer.wrap(bytes).getInt());
        var in = Channels.newChannel(new ByteArrayInputStream(bytes));
        assertEquals(new String(payload, StandardCharsets.UTF_8),
                new String(Frames.read(in), StandardCharsets.UTF_8));
        assertNull(Frames.read(in));

        byte[] oversize = ByteBuffer.allocate(4).putInt(Frames.MAX_FRAME_BYTES + 1).array();
        assertThrows(IOException.class, () -> Frames.read(Channels.newChannel(new ByteArrayInputStream(oversize))));
        byte[] truncated = ByteBuffer.allocate(6).putInt(10).array();
        IOException e = assertThrows(IOException.class,
                () -> Frames.read(Channels.newChannel(new ByteArrayInputStream(truncated))));
        assertTrue(e.getMessage().contains("expected 10 bytes, got 2"), e.getMessage());
        assertThrows(IOException.class, () -> Frames.write(Channels.newChannel(new ByteArrayOutputStream()),
                ByteBuffer.allocate(Frames.MAX_FRAME_BYTES + 1)));
    }

    @Test
    void logTailKeepsTheLastLinesSinceTheOffset() throws IOException {
        assertEquals("b\nc\n", LogTail.lastLines("a\nb\nc\n", 2));
        assertEquals("b\nc", LogTail.lastLines("a\nb\nc", 2));
        assertEquals("a\nb\nc\n", LogTail.lastLines("a\nb\nc\n", 5));
        assertEquals("", LogTail.lastLines("", 3));
        Path log = Files.writeString(dir.resolve("daemon.log"), "old 1\nold 2\n");
        long offset = Files.size(log);
        Files.writeString(log, "new 1\nnew 2\nnew 3\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals("new 1\nnew 2\nnew 3\n", LogTail.since(log, offset, 10));
        assertEquals("new 3\n", LogTail.since(log, offset, 1));
    }

    @Test
    void statusViewShowsSessionAndSyncHealth() {
        Map<String, Object> sync = new LinkedHashMap<>();
        sync.put("running", true);
        sync.put("last_success_at", "2026-11-24T17:00:00Z");
        sync.put("last_round_trip_ms", 35);
        sync.put("completed_syncs", 12);
        sync.put("events_delivered", 40);
        sync.put("consecutive_failures", 2);
        sync.put("rate_limited_until", "2026-11-24T17:00:05Z");
        sync.put("backoff_until", null);
        sync.put("last_error", "HTTP 502");
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("pid", 10L);
        status.put("uptime_ms", 90_061_000L);
        status.put("session", Map.of("user_id", "@a:h", "homeserver", "http://h", "device_id", "D"));
        status.put("sync", sync);
        assertEquals("""
                daemon    running (pid 10, up 1d 1h)
                version   -
                socket    -
                session   @a:h on http://h (device D)
                sync      running; last sync 2026-11-24T17:00:00Z (round trip 35 ms); 2 failures in a row
                          12 syncs, 40 events delivered
                          rate limited until 2026-11-24T17:00:05Z
                          last error: HTTP 502
                """, StatusView.render(status));
    }

    @Test
    void durations() {
        assertEquals("0s", StatusView.duration(999));
        assertEquals("59s", StatusView.duration(59_000));
        assertEquals("1m 0s", StatusView.duration(60_000));
        assertEquals("2h 5m", StatusView.duration(7_500_000));
        assertEquals("3d 0h", StatusView.duration(259_200_000));
    }
}
