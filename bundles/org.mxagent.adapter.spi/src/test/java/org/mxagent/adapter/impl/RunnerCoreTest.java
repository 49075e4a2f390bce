package org.mxagent.adapter.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.adapter.api.AgentRun;
import org.mxagent.adapter.api.RunOutcome;
import org.mxagent.adapter.spi.AdapterException;
import org.mxagent.adapter.spi.AgentAdapter;
import org.mxagent.adapter.spi.AgentWork;
import org.mxagent.adapter.spi.Detection;
import org.mxagent.adapter.spi.ExitInfo;
import org.mxagent.adapter.spi.LaunchPlan;
import org.mxagent.adapter.spi.LineParser;
import org.mxagent.adapter.spi.OutputChannel;
import org.mxagent.adapter.spi.OutputParser;
import org.mxagent.adapter.spi.Progress;
import org.mxagent.terminal.impl.RealLocalExec;

/** The runner over the real LocalExec with a small scripted adapter (sh). */
@Timeout(60)
class RunnerCoreTest {
    @TempDir
    Path temp;
    private RealLocalExec exec;
    private TestRunners.Runner runner;
    private final List<Progress> events = new CopyOnWriteArrayList<>();

    /** Runs the prompt as a sh script; "PLAN:" options choose PTY/env/interrupt. */
    static final class ScriptAdapter implements AgentAdapter {
        private final String name;
        private final boolean installed;

        ScriptAdapter(String name, boolean installed) {
            this.name = name;
            this.installed = installed;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Detection detect() {
            return installed ? Detection.found("/bin/sh", Optional.of("1.0"))
                    : Detection.missing("script CLI not found: install it with `apt-get install script`");
        }

        @Override
        public LaunchPlan plan(AgentWork work) {
            boolean pty = work.options().containsKey("pty");
            return new LaunchPlan(List.of("/bin/sh", "-c", work.prompt()), work.cwd(),
                    work.options().containsKey("env") ? Map.of("SCRIPT_ENV", "x") : Map.of(),
                    pty ? Optional.of(new LaunchPlan.PtySize(24, 80)) : Optional.empty(), Optional.empty(),
                    pty ? Optional.of(new LaunchPlan.Interrupt("\u0003", Duration.ofSeconds(5))) : Optional.empty());
        }

        @Override
        public OutputParser newParser(AgentWork work) {
            return new LineParser() {
                @Override
                protected void line(OutputChannel channel, String line, Consumer<Progress> progress) {
                    int result = line.indexOf("RESULT "); // a PTY echoes ^C before it
                    if (result >= 0) {
                        progress.accept(Progress.of(Progress.Kind.RESULT, line.substring(result + 7)));
                    } else if (!line.isEmpty()) {
                        progress.accept(Progress.of(Progress.Kind.MESSAGE, line,
                                Map.of("channel", channel.name())));
                    }
                }

                @Override
                protected void end(ExitInfo exit, boolean terminalSeen, Consumer<Progress> progress) {
                    if (!terminalSeen) {
                        progress.accept(Progress.of(Progress.Kind.ERROR, "script ended without RESULT ("
                                + exit.describe() + "); stderr: " + stderrTail()));
                    }
                }
            };
        }
    }

    @BeforeEach
    void setUp() {
        exec = new RealLocalExec(TestRunners.spool(temp), Map.of("PATH", RealLocalExec.PATH, "HOME", "/root"));
        runner = TestRunners.runner(exec.exec(), TestRunners.allowance(30_000, List.of()),
                new ScriptAdapter("script", true), new ScriptAdapter("absent", false));
    }

    @AfterEach
    void tearDown() {
        assertEquals(0, exec.running(), "nothing may be left running");
        runner.close();
        exec.close();
    }

    private RunOutcome run(String prompt, Map<String, String> options) throws Exception {
        AgentRun run = runner.startLocal("script", new AgentWork("inv_t" + System.nanoTime(), prompt, temp,
                List.of(), Optional.empty(), options), events::add);
        return run.onFinished().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void streamsParsedProgressAndEndsWithTheResult() throws Exception {
        RunOutcome outcome = run("echo hello; echo oops >&2; printf 'RESULT 42'", Map.of());
        assertTrue(outcome.succeeded(), outcome.toString());
        assertEquals("42", outcome.terminal().text());
        assertTrue(events.stream().anyMatch(e -> e.text().equals("hello")
                && "STDOUT".equals(e.details().get("channel"))), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.text().equals("oops")
                && "STDERR".equals(e.details().get("channel"))), events.toString());
        assertEquals(1, events.stream().filter(Progress::terminal).count(), "exactly one terminal event");
        assertEquals(Progress.Kind.RESULT, events.get(events.size() - 1).kind());
    }

    @Test
    void aRunWithoutResultEndsWithAnErrorCarryingTheExitAndStderr() throws Exception {
        RunOutcome outcome = run("echo broken >&2; exit 7", Map.of());
        assertFalse(outcome.succeeded());
        assertEquals(7, outcome.exit().exitCode().getAsInt());
        assertTrue(outcome.terminal().text().contains("exit 7") && outcome.terminal().text().contains("broken"),
                outcome.terminal().text());
    }

    @Test
    void missingCliIsRefusedWithTheAdaptersActionableReason() {
        AdapterException e = assertThrows(AdapterException.class, () -> runner.startLocal("absent",
                AgentWork.of("inv_absent", "true", temp), events::add));
        assertEquals(AdapterException.Reason.NOT_INSTALLED, e.reason());
        assertTrue(e.getMessage().contains("apt-get install script"), e.getMessage());
    }

    @Test
    void unknownAdapterNamesTheInstalledOnes() {
        AdapterException e = assertThrows(AdapterException.class, () -> runner.startLocal("nope",
                AgentWork.of("inv_nope", "true", temp), events::add));
        assertEquals(AdapterException.Reason.NO_SUCH_ADAPTER, e.reason());
        assertTrue(e.getMessage().contains("absent, script"), e.getMessage());
    }

    @Test
    void theGateSeesThePlanAndItsRefusalStartsNothing() throws Exception {
        List<List<String>> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        AdapterException e = assertThrows(AdapterException.class, () -> runner.start("script",
                AgentWork.of("inv_gate", "echo never", temp), (name, plan) -> {
                    asked.add(plan.argv());
                    throw new AdapterException(AdapterException.Reason.REJECTED, "no: " + name);
                }, events::add));
        assertEquals(AdapterException.Reason.REJECTED, e.reason());
        assertEquals("no: script", e.getMessage());
        assertEquals(List.of(List.of("/bin/sh", "-c", "echo never")), asked);
        assertTrue(events.isEmpty(), events.toString());

        RunOutcome outcome = runner.start("script", AgentWork.of("inv_gate2", "printf 'RESULT ok'", temp),
                (name, plan) -> TestRunners.allowance(30_000, List.of()), events::add).onFinished()
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals("ok", outcome.terminal().text());
    }

    @Test
    void envTheAdapterSetsMustBeAllowedByPolicy() {
        AdapterException e = assertThrows(AdapterException.class, () -> run("true", Map.of("env", "1")));
        assertEquals(AdapterException.Reason.REJECTED, e.reason());
        assertTrue(e.getMessage().contains("env_allowlist") && e.getMessage().contains("SCRIPT_ENV"),
                e.getMessage());
    }

    @Test
    void cancelStopsTheWholeProcessGroup() throws Exception {
        AgentRun run = runner.startLocal("script", AgentWork.of("inv_cancel",
                "echo started; sleep 60 & sleep 60; wait", temp), events::add);
        // Wait for the script to be running (its first line), not for a fixed time.
        while (events.stream().noneMatch(e -> e.text().equals("started"))) {
            Thread.onSpinWait();
        }
        assertTrue(run.cancel("test"));
        RunOutcome outcome = run.onFinished().toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertTrue(outcome.exit().cancelled());
        assertEquals(Progress.Kind.ERROR, outcome.terminal().kind());
        assertFalse(run.cancel("again"), "a finished run cannot be cancelled twice");
    }

    @Test
    void ptyRunIsInterruptedWithCtrlCFirst() throws Exception {
        AgentRun run = runner.startLocal("script", new AgentWork("inv_pty",
                "trap 'echo RESULT interrupted; exit 0' INT; echo ready; while :; do sleep 0.1; done", temp,
                List.of(), Optional.empty(), Map.of("pty", "1")), events::add);
        while (events.stream().noneMatch(e -> e.text().equals("ready"))) {
            Thread.onSpinWait();
        }
        assertTrue(run.cancel("test"));
        RunOutcome outcome = run.onFinished().toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertEquals("interrupted", outcome.terminal().text(), events.toString());
        assertTrue(outcome.succeeded(), "the agent handled ^C itself before any signal");
    }
}
