package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;
import org.mxagent.e2e.harness.MatrixUser;
import org.mxagent.e2e.harness.PendingCli;
import org.mxagent.protocol.api.Nonces;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.ExecCancel;
import org.mxagent.protocol.api.event.ExecStdin;
import org.mxagent.protocol.api.sign.SigningKey;

/**
 * Control frames ({@code exec.stdin}, {@code exec.cancel}) count only when signed by the invocation's requester,
 * sent by its Matrix account, with a nonce the run has not seen. Forgeries from another member, from the
 * requester's own account with another key or no signature, and a verbatim replay of a genuine frame, are all
 * ignored: the run finishes normally with exactly the genuine input.
 */
class ExecForgeryTest {
    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    void forgedAndReplayedControlsFromAnyoneButTheRequesterAreIgnored() throws IOException {
        ExecPair pair = ExecPair.create(e2e);
        MatrixUser eve = e2e.user("eve");
        Forger.bringIn(e2e.homeserver(), pair.ws.aliceUser(), eve, pair.room());

        PendingCli running = pair.alice().cliPiped(pair.execArgs("--", "cat"));
        String invocation = pair.liveInvocation();
        Eventually.await("bob runs the invocation", () -> pair.publishedState(invocation).path("state").asText(),
                "running"::equals);

        SigningKey evesKey = SigningKey.generate();
        SigningKey bobsKey = Forger.keyOf(pair.bob());
        String room = pair.room();
        // eve, signing with her own key
        Forger.send(e2e.homeserver(), eve, room, EventTypes.EXEC_CANCEL, Forger.signed(cancel(invocation), evesKey));
        Forger.send(e2e.homeserver(), eve, room, EventTypes.EXEC_STDIN, Forger.signed(stdin(invocation, "EVIL-1\n"),
                evesKey));
        // eve, signing with a key the room trusts (bob's: the target's, not the requester's)
        Forger.send(e2e.homeserver(), eve, room, EventTypes.EXEC_STDIN, Forger.signed(stdin(invocation, "EVIL-2\n"),
                bobsKey));
        // alice's own Matrix account (another device), with a fresh key, and unsigned
        Forger.send(e2e.homeserver(), pair.ws.aliceUser(), room, EventTypes.EXEC_CANCEL,
                Forger.signed(cancel(invocation), evesKey));
        Forger.send(e2e.homeserver(), pair.ws.aliceUser(), room, EventTypes.EXEC_STDIN,
                Forger.unsigned(stdin(invocation, "EVIL-3\n")));
        Eventually.await("bob ignored the five forged control frames", () -> ignoredLines(pair), n -> n >= 5);

        running.writeStdin("genuine\n");
        Eventually.await("the genuine input echoed back", running::stdoutSoFar, out -> out.contains("genuine"));
        ObjectNode genuine = lastStdinOfAlice(pair).orElseThrow();
        Forger.send(e2e.homeserver(), pair.ws.aliceUser(), room, EventTypes.EXEC_STDIN, genuine);
        Eventually.await("bob ignored the replayed genuine frame", () -> bobLog(pair),
                log -> log.contains("nonce already used in this run"));

        running.closeStdin();
        CliResult result = running.await(Duration.ofSeconds(30));
        assertEquals(0, result.exit(), () -> "no forged cancel took effect: " + result);
        assertEquals("genuine\n", result.stdout(), () -> "exactly the genuine input, once: " + result);
        assertTrue(bobLog(pair).contains("not signed by the requester's key"), "signature check logged");
        assertTrue(bobLog(pair).contains("not by the requester's account"), "sender check logged");
    }

    private static ExecCancel cancel(String invocationId) {
        return new ExecCancel(invocationId, "forged", Timestamps.seconds(Instant.now()), Nonces.newNonce(),
                Optional.empty(), Map.of());
    }

    private static ExecStdin stdin(String invocationId, String text) {
        return new ExecStdin(invocationId, Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)),
                false, Timestamps.seconds(Instant.now()), Nonces.newNonce(), Optional.empty(), Map.of());
    }

    private static long ignoredLines(ExecPair pair) throws IOException {
        return bobLog(pair).lines().filter(line -> line.contains("ignored com.mxagent.exec.")).count();
    }

    private static String bobLog(ExecPair pair) throws IOException {
        return Files.readString(pair.bob().daemonLog(), StandardCharsets.UTF_8);
    }

    /** The newest exec.stdin alice's daemon sent, exactly as the room holds it (signature included). */
    private static Optional<ObjectNode> lastStdinOfAlice(ExecPair pair) {
        JsonNode page = Eventually.await("alice's signed exec.stdin in the room", () -> pair.homeserver().call("GET",
                "/_matrix/client/v3/rooms/" + Forger.segment(pair.room()) + "/messages?dir=b&limit=50",
                pair.ws.aliceUser().accessToken(), null), messages -> signedStdinOfAlice(pair, messages).isPresent());
        return signedStdinOfAlice(pair, page);
    }

    private static Optional<ObjectNode> signedStdinOfAlice(ExecPair pair, JsonNode messages) {
        for (JsonNode event : messages.path("chunk")) {
            if (EventTypes.EXEC_STDIN.equals(event.path("type").asText())
                    && pair.ws.aliceUser().userId().equals(event.path("sender").asText())
                    && event.path("content").has("signature")
                    && event.path("content").path("data").asText().equals(
                            Base64.getEncoder().encodeToString("genuine\n".getBytes(StandardCharsets.UTF_8)))) {
                return Optional.of((ObjectNode) event.path("content").deepCopy());
            }
        }
        return Optional.empty();
    }
}
