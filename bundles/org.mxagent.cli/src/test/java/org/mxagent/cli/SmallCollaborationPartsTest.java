package org.mxagent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ages, tables, sizes and digest spellings. */
class SmallCollaborationPartsTest {

    @Test
    void agesReadNaturally() {
        long now = 10_000_000L;
        assertEquals("just now", Ages.ago(now, now));
        assertEquals("just now", Ages.ago(now + 5_000, now), "a clock ahead of ours is not negative age");
        assertEquals("1 s ago", Ages.ago(now - 1_999, now));
        assertEquals("12 s ago", Ages.ago(now - 12_000, now));
        assertEquals("119 s ago", Ages.ago(now - 119_000, now));
        assertEquals("2 min ago", Ages.ago(now - 120_000, now));
        assertEquals("119 min ago", Ages.ago(now - 119 * 60_000L, now));
        assertEquals("2 h ago", Ages.ago(now - 120 * 60_000L, now));
        assertEquals("2 d ago", Ages.ago(now - 48 * 3_600_000L, now));
        assertEquals("never", Ages.agoOrNever(null, now));
        assertEquals("never", Ages.agoOrNever(0L, now));
        assertEquals("1970-01-01T00:00:10Z", Ages.seconds(10L));
        assertEquals("-", Ages.seconds(null));
        assertEquals("1970-01-01T00:00:01Z", Ages.millis(1_500L), "whole seconds");
        assertEquals("-", Ages.millis(0L));
    }

    @Test
    void tablesAlignColumnsAndNeutraliseControlCharacters() {
        String table = new TextTable("A", "LONGER", "C").row("wide value", "x", "last").row("y", "", "z\u001b[2J")
                .render();
        assertEquals("""
                A           LONGER  C
                wide value  x       last
                y           -       z?[2J
                """, table);
        assertThrows(IllegalArgumentException.class, () -> new TextTable("A", "B").row("only one"));
    }

    @Test
    void sizesUseBinaryUnits() {
        assertEquals("0 B", ShareCommands.size(0));
        assertEquals("1023 B", ShareCommands.size(1023));
        assertEquals("1.0 KiB", ShareCommands.size(1024));
        assertEquals("200.0 KiB", ShareCommands.size(200 * 1024));
        assertEquals("3.5 MiB", ShareCommands.size(3 * 1024 * 1024 + 512 * 1024));
    }

    @Test
    void digestsAreReadInEverySpellingTheDaemonAccepts() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("hello".getBytes(StandardCharsets.UTF_8));
        String unpadded = Base64.getEncoder().withoutPadding().encodeToString(digest);
        assertArrayEquals(digest, ShareCommands.digestBytes(unpadded));
        assertArrayEquals(digest, ShareCommands.digestBytes(Base64.getEncoder().encodeToString(digest)));
        assertArrayEquals(digest, ShareCommands.digestBytes(HexFormat.of().formatHex(digest)));
        assertArrayEquals(digest, ShareCommands.digestBytes(HexFormat.of().withUpperCase().formatHex(digest)));
        assertNull(ShareCommands.digestBytes("not a digest!"));
        assertNull(ShareCommands.digestBytes(Base64.getEncoder().encodeToString(new byte[16])), "wrong length");
    }

    @Test
    void verifyRefusesASizeOrHashMismatchWithExit132() throws Exception {
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
        Map<String, Object> share = Map.of("context_id", "ctx_1", "size_bytes", 5L, "sha256",
                Base64.getEncoder().withoutPadding().encodeToString(digest));
        ShareCommands.verify(share, digest, 5);
        CliException size = assertThrows(CliException.class, () -> ShareCommands.verify(share, digest, 6));
        assertEquals(132, size.exitCode());
        assertEquals("share ctx_1: received 6 bytes, the share says 5", size.getMessage());
        byte[] other = MessageDigest.getInstance("SHA-256").digest(new byte[5]);
        CliException hash = assertThrows(CliException.class, () -> ShareCommands.verify(share, other, 5));
        assertEquals(132, hash.exitCode());
        assertEquals("share ctx_1: sha256 mismatch: the content hashes to "
                + Base64.getEncoder().withoutPadding().encodeToString(other) + ", the share says "
                + share.get("sha256"), hash.getMessage());
    }
}
