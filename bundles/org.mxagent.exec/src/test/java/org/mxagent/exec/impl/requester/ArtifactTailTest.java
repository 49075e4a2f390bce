package org.mxagent.exec.impl.requester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.mxagent.protocol.api.event.StreamName;

class ArtifactTailTest {
    private static final byte[] LOG = "0123456789".repeat(20_000).getBytes(StandardCharsets.US_ASCII);

    @Test
    void showsWhatTheChunksDidNotDeliverAfterCheckingThePrefix() throws Exception {
        byte[] compressed = Zstd.compress(LOG, 3);
        assertTrue(ArtifactTail.sha256Matches(compressed, Base64.getEncoder().encodeToString(
                ArtifactTail.sha256().digest(compressed))));
        StreamTally tally = new StreamTally();
        tally.add(LOG, 0, 1000);
        FrameBuffer frames = new FrameBuffer(Long.MAX_VALUE);
        ArtifactTail.Report report = ArtifactTail.emit(StreamName.STDOUT,
                ArtifactTail.rawLog(compressed, "text/plain+zstd"), tally, frames, Long.MAX_VALUE);
        assertTrue(report.ok(), report::toString);
        assertEquals(LOG.length, report.rawBytes());
        assertEquals(LOG.length - 1000, report.emittedBytes());

        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        FrameBuffer.Batch batch = frames.read(0, 0);
        for (ObjectNode frame : batch.frames()) {
            shown.writeBytes(Base64.getDecoder().decode(frame.get("data_base64").asText()));
        }
        assertEquals(new String(LOG, 1000, LOG.length - 1000, StandardCharsets.US_ASCII),
                shown.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void refusesALogThatDoesNotBeginWithTheDeliveredBytes() throws Exception {
        StreamTally tally = new StreamTally();
        tally.add("something else".getBytes(StandardCharsets.US_ASCII), 0, 14);
        ArtifactTail.Report report = ArtifactTail.emit(StreamName.STDOUT,
                ArtifactTail.rawLog(Zstd.compress(LOG, 3), "text/plain+zstd"), tally, new FrameBuffer(1000),
                Long.MAX_VALUE);
        assertFalse(report.ok());
        assertEquals(0, report.emittedBytes());
    }

    @Test
    void stopsAtTheDecompressionLimitAndChecksDigestsInAnyCommonSpelling() throws Exception {
        ArtifactTail.Report report = ArtifactTail.emit(StreamName.STDERR,
                ArtifactTail.rawLog(Zstd.compress(LOG, 3), "text/plain+zstd"), new StreamTally(),
                new FrameBuffer(Long.MAX_VALUE), 100_000);
        assertFalse(report.ok());
        byte[] digest = ArtifactTail.sha256().digest(LOG);
        assertTrue(ArtifactTail.sha256Matches(LOG, java.util.HexFormat.of().formatHex(digest)));
        assertTrue(ArtifactTail.sha256Matches(LOG, Base64.getEncoder().withoutPadding().encodeToString(digest)));
        assertFalse(ArtifactTail.sha256Matches(LOG, "not a digest"));
        assertTrue(ArtifactTail.isZstd("text/plain+zstd; charset=utf-8"));
        assertFalse(ArtifactTail.isZstd("text/plain"));
    }
}
