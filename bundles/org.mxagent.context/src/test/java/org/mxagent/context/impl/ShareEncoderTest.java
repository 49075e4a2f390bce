package org.mxagent.context.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mxagent.protocol.api.event.ContextShare;
import org.mxagent.protocol.api.event.ProtocolCodec;

class ShareEncoderTest {
    private static final int LIMIT = 32 * 1024;

    @Test
    void smallTextTravelsInlineAsUtf8() throws Exception {
        byte[] raw = "--- a\n+++ b\n".getBytes(StandardCharsets.UTF_8);
        PreparedShare prepared = ShareEncoder.prepare("ctx_X", "fix.diff", "text/x-diff", raw, LIMIT, 3);
        assertTrue(prepared.isInline());
        ContextShare share = prepared.inlineShare();
        assertEquals("utf-8", share.encoding().orElseThrow());
        assertEquals("--- a\n+++ b\n", share.data().orElseThrow());
        assertEquals(12, share.sizeBytes());
        // Like the protocol's sample: unpadded standard base64 (43 characters) of SHA-256 over the raw bytes.
        assertEquals(java.util.Base64.getEncoder().withoutPadding().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(raw)), share.sha256());
        assertEquals(43, share.sha256().length());
        assertArrayEquals(raw, ShareChecks.inlineContent(share));
        assertEquals(share, ProtocolCodec.decode(ContextShare.class, ProtocolCodec.encode(share)));
    }

    @Test
    void binaryTravelsInlineAsBase64() throws Exception {
        byte[] raw = {(byte) 0xff, 0, 1, 2, (byte) 0xfe};
        ContextShare share = ShareEncoder.prepare("ctx_X", "a.bin", "application/octet-stream", raw, LIMIT, 3)
                .inlineShare();
        assertEquals("base64", share.encoding().orElseThrow());
        assertArrayEquals(raw, ShareChecks.inlineContent(share));
    }

    @Test
    void theLimitIsOnTheEncodedDataAndInclusive() {
        assertTrue(ShareEncoder.prepare("ctx_X", "a", "text/plain", ascii(LIMIT), LIMIT, 3).isInline());
        assertFalse(ShareEncoder.prepare("ctx_X", "a", "text/plain", ascii(LIMIT + 1), LIMIT, 3).isInline());
        // Control characters take six bytes each in JSON (\u0001): 6000 of them exceed a 32 KiB budget.
        byte[] controls = new byte[6000];
        Arrays.fill(controls, (byte) 1);
        assertEquals(36000, ShareEncoder.encodedLength(new String(controls, StandardCharsets.UTF_8)));
        assertFalse(ShareEncoder.prepare("ctx_X", "a", "text/plain", controls, LIMIT, 3).isInline());
        // Base64 grows by a third: 24 KiB + 1 of binary no longer fits.
        byte[] binary = new byte[24 * 1024 + 1];
        binary[0] = (byte) 0xff;
        assertFalse(ShareEncoder.prepare("ctx_X", "a", "application/octet-stream", binary, LIMIT, 3).isInline());
    }

    @Test
    void largeContentGoesToMediaCompressedWithARawHash() throws Exception {
        byte[] raw = ascii(200_000);
        PreparedShare prepared = ShareEncoder.prepare("ctx_X", "big.log", "text/plain", raw, LIMIT, 3);
        assertFalse(prepared.isInline());
        assertNull(prepared.data());
        assertEquals("text/plain+zstd", prepared.mimeType());
        assertTrue(prepared.upload().length < raw.length / 10, "repetitive text compresses well");
        ContextShare share = prepared.mediaShare("mxc://localhost/abc", java.util.Optional.empty());
        assertEquals(200_000, share.sizeBytes());
        assertEquals(Sha256s.encode(raw), share.sha256());
        assertEquals("mxc://localhost/abc", share.mxcUri().orElseThrow());
        byte[] back = ZstdCodec.decompress(prepared.upload(), share.sizeBytes(), 1 << 20);
        assertArrayEquals(raw, back);
        ShareChecks.checkContent(share, back);
    }

    @Test
    void zstdRoundTripOfRandomBytes() throws Exception {
        byte[] raw = new byte[100_000];
        new Random(7).nextBytes(raw);
        assertArrayEquals(raw, ZstdCodec.decompress(ZstdCodec.compress(raw, 3), raw.length, raw.length));
    }

    @Test
    void zstdTypesKeepParameters() {
        assertEquals("text/plain+zstd; charset=utf-8", ZstdCodec.compressedType("text/plain; charset=utf-8"));
        assertTrue(ZstdCodec.isCompressedType("text/plain+zstd; charset=utf-8"));
        assertEquals("text/plain; charset=utf-8", ZstdCodec.plainType("text/plain+zstd; charset=utf-8"));
        assertEquals("text/x-diff", ZstdCodec.plainType("text/x-diff"));
    }

    private static byte[] ascii(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }
}
