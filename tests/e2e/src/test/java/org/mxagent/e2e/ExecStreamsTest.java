package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;
import org.mxagent.e2e.harness.MatrixUser;
import org.mxagent.e2e.harness.PendingCli;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.ChunkEncoding;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.StreamChunk;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.protocol.api.sign.SigningKey;

/**
 * Output on the wire: a 50 MB output goes past the timeline budget into a zstd artifact, reaches the CLI whole
 * and verifies by SHA-256 (also through {@code invocation artifact}); {@code --strict-stream} turns a tampered
 * chunk (signed by the target, wrong sha256) into exit 132, without it the genuine chunk fills the slot; chunks
 * that are not the target's (other sender, other key, unsigned) never count.
 */
class ExecStreamsTest {
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    void aFiftyMegabyteOutputGoesThroughAnArtifactAndVerifies() throws IOException {
        ExecPair pair = ExecPair.create(e2e);
        String expected = sha256Hex(expectedSeq(FIFTY_MB));
        CliResult result = pair.alice().cli(Map.of(), Duration.ofSeconds(100), pair.execArgs("--", "sh", "-c",
                "seq 1 100000000 | head -c " + FIFTY_MB));
        assertEquals(0, result.exit(), () -> "exit: " + result.exit() + "\n" + result.stderr());
        byte[] stdout = result.stdout().getBytes(StandardCharsets.UTF_8);
        assertEquals(FIFTY_MB, stdout.length, result::stderr);
        assertEquals(expected, sha256Hex(stdout), "the CLI's stdout is the whole output");

        JsonNode list = pair.alice().jsonCli("invocation", "list", "--room", pair.room()).path("invocations");
        String invocation = list.get(0).path("invocation_id").asText();
        Path copy = pair.alice().root().resolve("stdout.log");
        JsonNode artifact = pair.alice().jsonCli("invocation", "artifact", invocation, "--stream", "stdout",
                "--output", copy.toString());
        assertTrue(artifact.path("sha256_verified").asBoolean(), artifact::toString);
        assertEquals("text/plain+zstd", artifact.path("mime_type").asText(), artifact::toString);
        assertTrue(artifact.path("size_bytes").asLong() < FIFTY_MB, () -> "compressed: " + artifact);
        assertEquals(expected, artifact.path("raw_sha256_hex").asText(), artifact::toString);
        assertEquals(expected, sha256Hex(Files.readAllBytes(copy)));
    }

    @Test
    void strictStreamTurnsATamperedChunkInto132() {
        ExecPair pair = ExecPair.create(e2e);
        PendingCli running = pair.execAsync("--strict-stream", "--", "sh", "-c", "sleep 8; echo real");
        String invocation = pair.liveInvocation();
        Forger.send(e2e.homeserver(), pair.ws.bobUser(), pair.room(), EventTypes.STREAM_CHUNK,
                tampered(invocation, Forger.keyOf(pair.bob())));
        CliResult result = running.await(Duration.ofSeconds(60));
        assertEquals(132, result.exit(), result::toString);
        assertFalse(result.stdout().contains("forged"), result::toString);
        assertTrue(result.stderr().contains("SHA256_MISMATCH") && result.stderr().contains("integrity"),
                result::toString);
    }

    @Test
    void withoutStrictTheGenuineChunkFillsTheSlotOfATamperedOne() {
        ExecPair pair = ExecPair.create(e2e);
        PendingCli running = pair.execAsync("--", "sh", "-c", "sleep 5; echo real");
        String invocation = pair.liveInvocation();
        Forger.send(e2e.homeserver(), pair.ws.bobUser(), pair.room(), EventTypes.STREAM_CHUNK,
                tampered(invocation, Forger.keyOf(pair.bob())));
        CliResult result = running.await(Duration.ofSeconds(60));
        assertEquals(0, result.exit(), result::toString);
        assertEquals("real\n", result.stdout(), result::toString);
        assertTrue(result.stderr().contains("SHA256_MISMATCH"), () -> "the refusal is reported: " + result);
    }

    @Test
    void chunksThatAreNotTheTargetsNeverCount() {
        ExecPair pair = ExecPair.create(e2e);
        MatrixUser eve = e2e.user("eve");
        Forger.bringIn(e2e.homeserver(), pair.ws.aliceUser(), eve, pair.room());
        PendingCli running = pair.execAsync("--strict-stream", "--", "sh", "-c", "sleep 6; echo real");
        String invocation = pair.liveInvocation();
        SigningKey bobsKey = Forger.keyOf(pair.bob());
        StreamChunk forged = chunk(invocation, "forged\n", "forged\n");
        Forger.send(e2e.homeserver(), eve, pair.room(), EventTypes.STREAM_CHUNK, Forger.unsigned(forged));
        Forger.send(e2e.homeserver(), eve, pair.room(), EventTypes.STREAM_CHUNK, Forger.signed(forged,
                SigningKey.generate()));
        Forger.send(e2e.homeserver(), eve, pair.room(), EventTypes.STREAM_CHUNK, Forger.signed(forged, bobsKey));
        Forger.send(e2e.homeserver(), pair.ws.bobUser(), pair.room(), EventTypes.STREAM_CHUNK,
                Forger.signed(forged, SigningKey.generate()));
        Eventually.await("alice dropped the four chunks", () -> Files.readString(pair.alice().daemonLog()),
                log -> log.lines().filter(l -> l.contains("dropped com.mxagent.stream.chunk.v1")).count() >= 4);
        CliResult result = running.await(Duration.ofSeconds(60));
        assertEquals(0, result.exit(), result::toString);
        assertEquals("real\n", result.stdout(), result::toString);
    }

    /** A stdout chunk at seq 0 whose sha256 describes other bytes, validly signed with {@code key}. */
    private static ObjectNode tampered(String invocationId, SigningKey key) {
        return Forger.signed(chunk(invocationId, "forged\n", "something else\n"), key);
    }

    private static StreamChunk chunk(String invocationId, String data, String hashed) {
        return new StreamChunk(invocationId, StreamName.STDOUT, 0, ChunkEncoding.UTF_8, data, false, false,
                Base64.getEncoder().encodeToString(sha256(hashed.getBytes(StandardCharsets.UTF_8))),
                Timestamps.millis(Instant.now()), Optional.empty(), Map.of());
    }

    /** What {@code seq 1 N | head -c size} prints. */
    private static byte[] expectedSeq(long size) {
        StringBuilder out = new StringBuilder((int) size + 16);
        for (long i = 1; out.length() < size; i++) {
            out.append(i).append('\n');
        }
        out.setLength((int) size);
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
