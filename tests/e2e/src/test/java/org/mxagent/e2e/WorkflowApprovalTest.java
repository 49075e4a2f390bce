package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;

/**
 * Tasks whose command bob's policy marks {@code requires_approval}: bob's runtime holds the task (request id
 * {@code approval:<task_id>}) and {@code mx-agent approval approve} releases it exactly once (a second approve
 * finds no hold, exit 3, and the command ran once); a hold nobody decides expires and the task fails with
 * {@code approval_expired}.
 */
class WorkflowApprovalTest {
    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    // Two or three runtimes and dozens of Matrix round trips: on a loaded 2-core machine more than the default 120 s.
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void anApprovalReleasesAHeldTaskExactlyOnceAndAnExpiredOneFailsIt() {
        WorkflowPair wf = WorkflowPair.create(e2e);
        wf.policy(wf.bob(), "requires_approval = true\n");

        String task = wf.task("deploy", wf.bobAgent(), List.of(), WorkflowPair.append("deploy"));
        String requestId = "approval:" + task;
        JsonNode hold = awaitHold(wf, requestId);
        assertEquals("task", hold.path("consumer").asText(), hold::toString);
        assertTrue(hold.path("summary").asText().contains("sh"), hold::toString);
        assertEquals("executing", wf.show(wf.bob(), task).path("state").asText(), "held while executing");
        assertEquals(List.of(), wf.lines("order.log"), "nothing ran before the approval");
        CliResult shown = wf.bob().cli("approval", "show", requestId).assertSuccess();
        assertTrue(shown.stdout().contains("none yet"), shown::toString);

        CliResult approved = wf.bob().cli("approval", "approve", requestId).assertSuccess();
        assertEquals(requestId + ": released", approved.out(), approved::toString);
        JsonNode done = wf.awaitFinal(task, Duration.ofSeconds(60));
        assertEquals("succeeded", done.path("state").asText(), done::toString);
        CliResult again = wf.bob().cli("approval", "approve", requestId);
        assertEquals(3, again.exit(), () -> "the hold is gone once released: " + again);
        assertEquals(1, wf.lines("order.log").size(), () -> "ran exactly once: " + wf.lines("order.log"));
        assertTrue(wf.lines("order.log").get(0).endsWith(" deploy"), () -> wf.lines("order.log").toString());

        // Expiry: holds of bob's runtime now last 2 s and are swept every second.
        CliResult configured = wf.bob().shell("cm = $.context service ($.context serviceReference "
                + "org.osgi.service.cm.ConfigurationAdmin); c = $cm getConfiguration org.mxagent.approval \"?\"; "
                + "p = new java.util.Hashtable; $p put ttl.seconds 2; "
                + "$p put sweep.interval.seconds 1; $c update $p").assertSuccess();
        assertTrue(!configured.stdout().contains("Exception"), configured::toString);
        String late = wf.task("rollback", wf.bobAgent(), List.of(), WorkflowPair.append("rollback"));
        JsonNode expired = wf.awaitFinal(late, Duration.ofSeconds(60));
        assertEquals("failed", expired.path("state").asText(), expired::toString);
        assertEquals("approval_expired", expired.path("result").path("reason").asText(), expired::toString);
        assertEquals(1, wf.lines("order.log").size(), () -> "the expired task never ran: " + wf.lines("order.log"));
        assertEquals(3, wf.bob().cli("approval", "approve", "approval:" + late).exit(), "no hold after expiry");
    }

    private static JsonNode awaitHold(WorkflowPair wf, String requestId) {
        JsonNode listing = Eventually.within(Duration.ofSeconds(60)).until("bob holds " + requestId,
                () -> wf.bob().jsonCli("approval", "list", "--room", wf.room()),
                list -> StreamSupport.stream(list.path("holds").spliterator(), false)
                        .anyMatch(h -> requestId.equals(h.path("request_id").asText())));
        return StreamSupport.stream(listing.path("holds").spliterator(), false)
                .filter(h -> requestId.equals(h.path("request_id").asText())).findFirst().orElseThrow();
    }
}
