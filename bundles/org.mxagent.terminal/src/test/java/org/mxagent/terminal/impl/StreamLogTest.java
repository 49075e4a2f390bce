package org.mxagent.terminal.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.protocol.api.event.StreamArtifact;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.terminal.api.SpooledLog;

class StreamLogTest {
    @TempDir
    Path dir;

    @Test
    void withinTheBudgetNothingIsSpooled() throws Exception {
        StreamLog log = new StreamLog("inv_1", StreamName.STDOUT, 100, dir.resolve("spool"), 3, 16);
        log.write(new byte[100], 0, 100);
        assertEquals(Optional.empty(), log.finish());
        assertFalse(Files.exists(dir.resolve("spool")));
    }

    @Test
    void pastTheBudgetTheWholeLogIsSpooledCompressedAndHashed() throws Exception {
        Path spoolDir = dir.resolve("spool");
        StreamLog log = new StreamLog("inv_1", StreamName.STDERR, 1000, spoolDir, 3, 16);
        byte[] all = new byte[50_000];
        Random random = new Random(7);
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) ('a' + random.nextInt(4));
        }
        for (int offset = 0; offset < all.length; offset += 700) {
            log.write(all, offset, Math.min(700, all.length - offset));
        }
        SpooledLog spooled = log.finish().orElseThrow();
        assertEquals("stderr.log.zst", spooled.name());
        assertEquals("text/plain+zstd", spooled.mimeType());
        assertEquals(50_000, spooled.rawBytes());
        assertEquals(Files.size(spooled.file()), spooled.sizeBytes());
        assertTrue(spooled.sizeBytes() < 20_000, "compressed: " + spooled.sizeBytes());
        assertEquals(sha256(Files.readAllBytes(spooled.file())), spooled.sha256());
        assertEquals(sha256(all), spooled.rawSha256());
        try (InputStream in = new ZstdInputStream(Files.newInputStream(spooled.file()))) {
            assertArrayEquals(all, in.readAllBytes());
        }
        assertEquals(new String(all, 50_000 - 16, 16, StandardCharsets.UTF_8), spooled.tailPreview());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spooled.file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spoolDir)));

        StreamArtifact artifact = spooled.toStreamArtifact("inv_1", "mxc://example.org/abc");
        assertEquals(spooled.sha256(), artifact.sha256());
        assertEquals(StreamName.STDERR, artifact.stream());
        spooled.delete();
        assertFalse(Files.exists(spooled.file()));
    }

    @Test
    void discardRemovesTheSpoolFile() throws Exception {
        StreamLog log = new StreamLog("inv_1", StreamName.STDOUT, 10, dir, 3, 16);
        log.write(new byte[100], 0, 100);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        log.discard();
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
