package org.mxagent.adapter.tasks.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.mxagent.adapter.api.RunOutcome;
import org.mxagent.adapter.spi.AdapterException;
import org.mxagent.adapter.spi.ExitInfo;
import org.mxagent.adapter.spi.LaunchPlan;
import org.mxagent.adapter.spi.Progress;
import org.mxagent.policy.api.CallRequestFacts;
import org.mxagent.policy.api.Decision;
import org.mxagent.policy.api.ExecRequestFacts;
import org.mxagent.policy.api.PolicyCheck;
import org.mxagent.protocol.api.event.RejectReason;
import org.mxagent.workflow.spi.DispatchOutcome;

/** How an agent run becomes a task result, and how the policy gate asks about the exact launch. */
class AgentTaskOutcomeTest {

    private static RunOutcome run(Progress terminal, ExitInfo exit) {
        return new RunOutcome("inv_x", "claude", terminal, Optional.empty(), exit, 10, List.of());
    }

    private static ExitInfo exited(int code) {
        return new ExitInfo(OptionalInt.of(code), Optional.empty(), false, false, false);
    }

    @Test
    void theAgentsAnswerIsTheSummary() {
        DispatchOutcome outcome = AgentTaskDispatcher.outcome(run(Progress.of(Progress.Kind.RESULT, "Done: 3 files"),
                exited(0)));
        assertTrue(outcome.succeeded());
        assertEquals(DispatchOutcome.PROCESS_EXIT, outcome.reason());
        assertEquals(0, outcome.exitCode());
        assertEquals("Done: 3 files", outcome.summary());
    }

    @Test
    void anErrorFailsTheTaskWithItsActionableText() {
        DispatchOutcome outcome = AgentTaskDispatcher.outcome(run(Progress.of(Progress.Kind.ERROR,
                "Codex failed: 401. Codex has no usable credentials. Log in …"), exited(1)));
        assertFalse(outcome.succeeded());
        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.summary().startsWith("Codex failed: 401"), outcome.summary());
    }

    @Test
    void timeoutSignalAndCancelAreSaidSo() {
        ExitInfo timedOut = new ExitInfo(OptionalInt.empty(), Optional.of("SIGKILL"), false, true, false);
        DispatchOutcome late = AgentTaskDispatcher.outcome(run(Progress.of(Progress.Kind.ERROR, "no result"),
                timedOut));
        assertNull(late.exitCode());
        assertEquals("timed out; no result", late.summary());
        ExitInfo cancelled = new ExitInfo(OptionalInt.empty(), Optional.of("SIGTERM"), true, false, false);
        assertEquals(DispatchOutcome.CANCELLED, AgentTaskDispatcher.outcome(run(Progress.of(Progress.Kind.ERROR,
                "x"), cancelled)).reason());
    }

    @Test
    void aLongAnswerIsCutAndSaysSo() {
        String answer = "a".repeat(AgentTaskDispatcher.MAX_SUMMARY_CHARS + 5);
        String summary = AgentTaskDispatcher.outcome(run(Progress.of(Progress.Kind.RESULT, answer), exited(0)))
                .summary();
        assertTrue(summary.endsWith("… (5 more characters)"), summary.substring(summary.length() - 40));
    }

    @Test
    void theGateAsksPolicyAboutTheExactLaunchAndKeepsTheDenial() {
        List<ExecRequestFacts> asked = new ArrayList<>();
        PolicyCheck denyAll = new PolicyCheck() {
            @Override
            public Decision evaluateExec(ExecRequestFacts facts) {
                asked.add(facts);
                return new Decision.Denied(RejectReason.POLICY_DENIED, "allow_commands", "not listed");
            }

            @Override
            public Decision evaluateCall(CallRequestFacts facts) {
                throw new AssertionError("an agent launch is an exec");
            }
        };
        PolicyGate gate = new PolicyGate(denyAll, "!room:x", "@alice:x", OptionalLong.of(5000));
        LaunchPlan plan = new LaunchPlan(List.of("/usr/bin/claude", "-p"), Path.of("/work"),
                Map.of("ANTHROPIC_BASE_URL", "http://127.0.0.1:1"), Optional.empty(), Optional.of("hi"),
                Optional.empty());

        AdapterException e = assertThrows(AdapterException.class, () -> gate.admit("claude", plan));

        assertEquals(AdapterException.Reason.REJECTED, e.reason());
        assertTrue(e.getMessage().contains("/usr/bin/claude") && e.getMessage().contains("policy_denied"),
                e.getMessage());
        ExecRequestFacts facts = asked.get(0);
        assertEquals(List.of("/usr/bin/claude", "-p"), facts.argv());
        assertEquals("/work", facts.cwd());
        assertEquals(java.util.Set.of("ANTHROPIC_BASE_URL"), facts.envOverrideKeys());
        assertEquals("@alice:x", facts.requester());
        assertEquals(5000, facts.requestedTimeoutMs().getAsLong());
        assertEquals(RejectReason.POLICY_DENIED, gate.denial().orElseThrow().reason());
    }
}
