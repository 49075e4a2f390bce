package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;
import org.mxagent.e2e.harness.PendingCli;

/**
 * {@code mx-agent device list | show | verify} between two runtimes that share an encrypted workspace: alice lists
 * bob's device with the fingerprint bob's own runtime shows for it, usage errors exit 64 and an unknown device 3,
 * and a SAS verification started by alice and accepted by bob, both through the CLI, shows the same decimals on
 * both sides; answering "y" on both marks each device verified on the other side.
 */
class DeviceCliTest {
    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    void listShowAndVerifyTheOtherRuntimesDevice() {
        SharedWorkspace ws = SharedWorkspace.create(e2e, true);
        String aliceId = ws.aliceUser().userId();
        String bobId = ws.bobUser().userId();
        String aliceDevice = ws.alice().session().deviceId();
        String bobDevice = ws.bob().session().deviceId();

        JsonNode bobsView = Eventually.await("alice's runtime knows bob's device",
                () -> device(ws.alice().jsonCli("device", "list", bobId), bobDevice),
                Optional::isPresent).orElseThrow();
        assertFalse(bobsView.path("verified").asBoolean(), bobsView::toString);
        JsonNode own = ws.bob().jsonCli("device", "show", bobId, bobDevice);
        assertTrue(own.path("own").asBoolean(), own::toString);
        JsonNode shown = ws.alice().jsonCli("device", "show", bobId, bobDevice);
        assertEquals(own.path("ed25519").asText(), shown.path("ed25519").asText(),
                "alice sees the Ed25519 key bob's runtime has for its own device");
        CliResult human = ws.alice().cli("device", "show", bobId, bobDevice).assertSuccess();
        String fingerprint = SharedWorkspace.field(human, "fingerprint");
        assertEquals(own.path("ed25519").asText(), fingerprint.replace(" ", ""), human::toString);
        assertTrue(SharedWorkspace.field(human, "verified").startsWith("NO"), human::toString);
        CliResult table = ws.alice().cli("device", "list", bobId).assertSuccess();
        assertTrue(table.stdout().contains(bobDevice) && table.stdout().contains(fingerprint)
                && table.stdout().contains("NOT verified"), table::toString);

        assertEquals(64, ws.alice().cli("device", "show", bobId).exit(), "one operand missing");
        assertEquals(64, ws.alice().cli("device", "list", "bob").exit(), "not a user id");
        assertEquals(64, ws.alice().cli("device", "verify", "--confirm", "t1", "--cancel", "t2").exit());
        CliResult unknown = ws.alice().cli("device", "show", bobId, "NOSUCHDEVICE");
        assertEquals(3, unknown.exit(), unknown::toString);

        PendingCli alice = ws.alice().cliPiped("device", "verify", bobId, bobDevice);
        String txn = Eventually.await("bob's runtime receives alice's verification request",
                () -> incoming(ws.bob().jsonCli("device", "verify"), aliceId, aliceDevice), Optional::isPresent)
                .orElseThrow();
        PendingCli bob = ws.bob().cliPiped("device", "verify", "--accept", txn);
        String aliceSas = Eventually.await("alice's CLI shows the SAS and asks", alice::stdoutSoFar,
                out -> out.contains("[y/N]"));
        String bobSas = Eventually.await("bob's CLI shows the SAS and asks", bob::stdoutSoFar,
                out -> out.contains("[y/N]"));
        assertEquals(decimals(aliceSas), decimals(bobSas), () -> "the same SAS on both sides:\n" + aliceSas
                + "\n---\n" + bobSas);
        assertTrue(aliceSas.contains("emoji:"), aliceSas);
        alice.writeStdin("y\n");
        bob.writeStdin("y\n");
        CliResult aliceDone = alice.await(Duration.ofSeconds(60));
        CliResult bobDone = bob.await(Duration.ofSeconds(60));
        assertEquals(0, aliceDone.exit(), aliceDone::toString);
        assertEquals(0, bobDone.exit(), bobDone::toString);
        assertTrue(aliceDone.stdout().contains("verified " + bobId + " " + bobDevice), aliceDone::toString);
        assertTrue(bobDone.stdout().contains("verified " + aliceId + " " + aliceDevice), bobDone::toString);

        assertTrue(ws.alice().jsonCli("device", "show", bobId, bobDevice).path("verified").asBoolean());
        assertTrue(ws.bob().jsonCli("device", "show", aliceId, aliceDevice).path("verified").asBoolean());
        assertTrue(ws.alice().cli("device", "list", bobId).assertSuccess().stdout().contains(" verified"));
    }

    private static Optional<JsonNode> device(JsonNode listing, String deviceId) {
        return StreamSupport.stream(listing.path("devices").spliterator(), false)
                .filter(d -> deviceId.equals(d.path("device_id").asText())).findFirst();
    }

    private static Optional<String> incoming(JsonNode listing, String userId, String deviceId) {
        return StreamSupport.stream(listing.path("verifications").spliterator(), false)
                .filter(v -> userId.equals(v.path("user_id").asText()) && deviceId.equals(v.path("device_id")
                        .asText()) && !v.path("we_started").asBoolean() && !v.has("cancel_code"))
                .map(v -> v.path("transaction_id").asText()).findFirst();
    }

    private static String decimals(String output) {
        return output.lines().filter(l -> l.strip().startsWith("decimals:")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no decimals in " + output)).strip();
    }
}
