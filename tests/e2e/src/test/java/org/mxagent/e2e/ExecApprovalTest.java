package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;
import org.mxagent.e2e.harness.PendingCli;

/**
 * {@code requires_approval}: bob's policy holds alice's exec, bob's runtime posts an {@code approval.request}, and
 * alice's CLI says so and keeps waiting; bob (the local operator) approves and the command runs, re-authorized at
 * release; a denied hold answers {@code approval_denied} (exit 160).
 */
class ExecApprovalTest {
    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    void aHeldExecRunsOnceApprovedAndADeniedOneIsRejected() {
        ExecPair pair = ExecPair.create(e2e);
        pair.policy("requires_approval = true\n");

        PendingCli approved = pair.execAsync("--", "sh", "-c", "echo ran after approval");
        String first = heldRequest(pair, "");
        pair.bob().shell("approval:approve " + first).assertSuccess();
        CliResult ran = approved.await(Duration.ofSeconds(60));
        assertEquals(0, ran.exit(), ran::toString);
        assertEquals("ran after approval\n", ran.stdout(), ran::toString);
        assertTrue(ran.stderr().contains("held by the target for approval"), ran::toString);

        PendingCli denied = pair.execAsync("--", "true");
        String second = heldRequest(pair, first);
        pair.bob().shell("approval:deny " + second).assertSuccess();
        CliResult refused = denied.await(Duration.ofSeconds(60));
        assertEquals(160, refused.exit(), refused::toString);
        assertTrue(refused.stderr().contains("approval_denied"), refused::toString);
    }

    /** The request id of the hold on bob's side that is not {@code other}. */
    private static String heldRequest(ExecPair pair, String other) {
        String listing = Eventually.await("bob holds alice's request", () -> pair.bob().shell("approval:list")
                .assertSuccess().stdout(), out -> Arrays.stream(out.split("\\s+"))
                        .anyMatch(word -> word.startsWith("req_") && !word.equals(other)));
        return Arrays.stream(listing.split("\\s+")).filter(word -> word.startsWith("req_") && !word.equals(other))
                .findFirst().orElseThrow();
    }
}
