package org.mxagent.exec.impl.requester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mxagent.exec.impl.testing.FakeMatrixClient;
import org.mxagent.exec.impl.testing.KeySigner;
import org.mxagent.exec.impl.testing.Loggers;
import org.mxagent.exec.impl.testing.Peers;
import org.mxagent.exec.impl.wire.ClientRef;
import org.mxagent.exec.impl.wire.SendRetry;
import org.mxagent.exec.impl.wire.SignedSender;
import org.mxagent.protocol.api.Nonces;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.ChunkEncoding;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.ExecAccepted;
import org.mxagent.protocol.api.event.ExecFinished;
import org.mxagent.protocol.api.event.ExecRejected;
import org.mxagent.protocol.api.event.ExecRequest;
import org.mxagent.protocol.api.event.RejectReason;
import org.mxagent.protocol.api.event.StreamChunk;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.protocol.api.sign.SignatureVerifier;
import org.mxagent.terminal.api.TerminalSize;
import org.mxagent.terminal.api.stream.ChunkPayload;

/** The requester side against a scripted target: acceptance, reassembly, strict mode, rejection, timeout. */
class RemoteExecSessionTest {
    private static final String INVOCATION = "inv_01JQQQQQQQQQQQQQQQQQQQQQQQ";

    private final Peers.Peer alice = Peers.peer("agt_01JAAAAAAAAAAAAAAAAAAAAAAA", "@alice:test", true);
    private final Peers.Peer bob = Peers.peer("agt_01JBBBBBBBBBBBBBBBBBBBBBBB", "@bob:test", false);
    private final FakeMatrixClient client = new FakeMatrixClient(alice.userId());
    private final Set<String> trusted = new HashSet<>();
    private final Loggers.Recording log = Loggers.recording();
    private ExecutorService pool;
    private ScheduledExecutorService timer;
    private RequesterServices services;

    @BeforeEach
    void wire() {
        trusted.add(bob.key().keyId());
        pool = Executors.newCachedThreadPool();
        timer = Executors.newSingleThreadScheduledExecutor();
        ClientRef ref = new ClientRef();
        ref.bind(client);
        services = new RequesterServices(ref, new SignedSender(ref, new KeySigner(alice.key()),
                SendRetry.within(java.time.Duration.ZERO)),
                new ResultGate(trusted::contains, log.logger), new Sessions(timer, 60_000), pool, timer, log.logger,
                Clock.systemUTC(), 200, 1 << 20, 1L << 30);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        timer.shutdownNow();
    }

    private RemoteExecSession start(long timeoutMs, boolean stdin, boolean strict) throws DeskException {
        Instant now = Instant.now();
        ExecRequest request = new ExecRequest(INVOCATION, "req_01JQQQQQQQQQQQQQQQQQQQQQQQ", bob.agentId(),
                alice.agentId(), List.of("cat"), "/tmp", Map.of(), stdin, true, false, timeoutMs, null,
                Timestamps.seconds(now), Timestamps.seconds(now.plusSeconds(300)), Nonces.newNonce(),
                ExecRequest.idempotencyKeyFor(INVOCATION), Optional.empty(), Map.of());
        RemoteExecSession session = new RemoteExecSession(services, Peers.ROOM, bob.view(), request, strict,
                TerminalSize.DEFAULT);
        session.start();
        return session;
    }

    private static StreamChunk chunk(StreamName stream, long seq, String text, boolean eof) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new StreamChunk(INVOCATION, stream, seq, ChunkEncoding.UTF_8, text, eof, false,
                eof && bytes.length == 0 ? null : ChunkPayload.sha256(bytes, 0, bytes.length),
                Timestamps.millis(Instant.now()), Optional.empty(), Map.of());
    }

    private static ExecFinished finished(Integer exit, String signal) {
        return new ExecFinished(INVOCATION, exit, signal, 12, 2, 0, false, null, Optional.empty(), Map.of());
    }

    /** Reads every frame until the result; returns the result, with stdout bytes appended to {@code out}. */
    private static ObjectNode drain(Session session, ByteArrayOutputStream out) throws InterruptedException {
        long cursor = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() - deadline < 0) {
            FrameBuffer.Batch batch = session.frames().read(cursor, TimeUnit.MILLISECONDS.toNanos(200));
            for (ObjectNode frame : batch.frames()) {
                if ("stdout".equals(frame.path("stream").asText()) && frame.has("data_base64")) {
                    out.writeBytes(Base64.getDecoder().decode(frame.get("data_base64").asText()));
                }
            }
            cursor = batch.nextCursor();
            if (batch.result().isPresent()) {
                return batch.result().get();
            }
        }
        throw new AssertionError("no result within 10 s");
    }

    @Test
    void theRequestIsSignedAndOnlyTheTargetsResultsCount() throws Exception {
        RemoteExecSession session = start(60_000, true, false);
        ObjectNode sent = client.sent(EventTypes.EXEC_REQUEST).get(0).content();
        assertTrue(SignatureVerifier.verify(sent, alice.key().publicKeyBase64(), alice.key().keyId()).isValid());

        session.stdin("typed early\n".getBytes(StandardCharsets.UTF_8), true);
        assertTrue(client.sent(EventTypes.EXEC_STDIN).isEmpty(), "input waits for exec.accepted");
        session.onEvent(bob.event(new ExecAccepted(INVOCATION)));
        session.onEvent(Peers.event("@eve:test", EventTypes.STREAM_CHUNK, bob.sign(chunk(StreamName.STDOUT, 0,
                "forged\n", false))));
        session.onEvent(bob.event(chunk(StreamName.STDOUT, 1, "b\n", false)));
        session.onEvent(bob.event(chunk(StreamName.STDOUT, 0, "a\n", false)));
        session.onEvent(bob.event(chunk(StreamName.STDOUT, 2, "", true)));
        session.onEvent(bob.event(chunk(StreamName.STDERR, 0, "", true)));
        session.onEvent(bob.event(finished(3, null)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ObjectNode result = drain(session, out);
        assertEquals("a\nb\n", out.toString(StandardCharsets.UTF_8), "reordered, forged chunk dropped");
        assertEquals(3, result.get("exit_code").asInt(), result::toString);
        assertEquals("exited", result.get("outcome").asText());
        assertTrue(log.contains("not sent by the target's account"));
        List<FakeMatrixClient.Sent> inputs = client.sent(EventTypes.EXEC_STDIN);
        assertEquals(1, inputs.size(), "the held input went out after acceptance");
        assertTrue(inputs.get(0).content().get("eof").asBoolean());
    }

    @Test
    void strictModeEndsOnATamperedChunkWith132AndCancelsTheRun() throws Exception {
        RemoteExecSession session = start(60_000, false, true);
        session.onEvent(bob.event(new ExecAccepted(INVOCATION)));
        StreamChunk genuine = chunk(StreamName.STDOUT, 0, "real\n", false);
        StreamChunk tampered = new StreamChunk(INVOCATION, StreamName.STDOUT, 0, ChunkEncoding.UTF_8, "evil\n", false,
                false, genuine.sha256(), genuine.timestamp(), Optional.empty(), Map.of());
        session.onEvent(bob.event(tampered));
        ObjectNode result = drain(session, new ByteArrayOutputStream());
        assertEquals(132, result.get("exit_code").asInt(), result::toString);
        waitForSent(EventTypes.EXEC_CANCEL);
    }

    @Test
    void aRejectionHasItsOwnExitCode() throws Exception {
        RemoteExecSession session = start(60_000, false, false);
        session.onEvent(bob.event(new ExecRejected(INVOCATION, RejectReason.POLICY_DENIED)));
        ObjectNode result = drain(session, new ByteArrayOutputStream());
        assertEquals(160, result.get("exit_code").asInt(), result::toString);
        assertEquals("policy_denied", result.get("rejected_reason").asText());
    }

    @Test
    void withoutAnAnswerTheRequesterGivesUpWith129AndASignedCancel() throws Exception {
        RemoteExecSession session = start(100, false, false);
        ObjectNode result = drain(session, new ByteArrayOutputStream());
        assertEquals(129, result.get("exit_code").asInt(), result::toString);
        ObjectNode cancel = waitForSent(EventTypes.EXEC_CANCEL);
        assertEquals("requester_timeout", cancel.get("reason").asText());
        assertTrue(SignatureVerifier.verify(cancel, alice.key().publicKeyBase64(), alice.key().keyId()).isValid());
    }

    @Test
    void aDeathBySignalIs128PlusN() throws Exception {
        RemoteExecSession session = start(60_000, false, false);
        session.onEvent(bob.event(new ExecAccepted(INVOCATION)));
        session.onEvent(bob.event(finished(null, "SIGKILL")));
        ObjectNode result = drain(session, new ByteArrayOutputStream());
        assertEquals(137, result.get("exit_code").asInt(), result::toString);
        assertTrue(result.get("integrity").get("degraded").asBoolean(), "no EOF markers: reported, not silent");
    }

    private ObjectNode waitForSent(String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (client.sent(type).isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no " + type + " sent: " + client.sent());
            }
            // The control queue runs on the pool: wait on the monitor of the fake, which each send touches.
            synchronized (client) {
                client.wait(50);
            }
        }
        return client.sent(type).get(0).content();
    }
}
