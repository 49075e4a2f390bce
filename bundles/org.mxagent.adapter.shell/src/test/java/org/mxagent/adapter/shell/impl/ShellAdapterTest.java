package org.mxagent.adapter.shell.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.adapter.api.RunOutcome;
import org.mxagent.adapter.impl.TestRunners;
import org.mxagent.adapter.spi.AgentWork;
import org.mxagent.adapter.spi.Progress;
import org.mxagent.terminal.impl.RealLocalExec;

/** The shell adapter through the real runner and LocalExec. */
@Timeout(60)
class ShellAdapterTest {
    @TempDir
    Path temp;

    private static ShellAdapter.Config config(String binary) {
        return (ShellAdapter.Config) Proxy.newProxyInstance(ShellAdapterTest.class.getClassLoader(),
                new Class<?>[] {ShellAdapter.Config.class}, (proxy, method, args) -> method.getName()
                        .equals("binary") ? binary : method.getDefaultValue());
    }

    private RunOutcome run(String script, List<Progress> events) throws Exception {
        try (RealLocalExec exec = new RealLocalExec(temp.resolve("spool"), Map.of("PATH", RealLocalExec.PATH));
                TestRunners.Runner runner = TestRunners.runner(exec.exec(),
                        TestRunners.allowance(30_000, List.of()), new ShellAdapter(config("sh"), RealLocalExec.PATH))) {
            RunOutcome outcome = runner.startLocal("shell", AgentWork.of("inv_sh" + System.nanoTime(), script, temp),
                    events::add).onFinished().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(0, exec.running());
            return outcome;
        }
    }

    @Test
    void lastStdoutLineIsTheResult() throws Exception {
        List<Progress> events = new CopyOnWriteArrayList<>();
        RunOutcome outcome = run("echo working; echo note >&2; pwd", events);
        assertTrue(outcome.succeeded());
        assertEquals(temp.toString(), outcome.terminal().text());
        assertTrue(events.stream().anyMatch(e -> e.text().equals("note") && "stderr".equals(e.details().get("stream"))));
    }

    @Test
    void failureCarriesExitAndStderr() throws Exception {
        RunOutcome outcome = run("echo 'no such file' >&2; exit 2", new CopyOnWriteArrayList<>());
        assertFalse(outcome.succeeded());
        assertEquals("command failed (exit 2): no such file", outcome.terminal().text());
    }

    @Test
    void missingShellIsReported() {
        var detection = new ShellAdapter(config("/no/such/shell"), RealLocalExec.PATH).detect();
        assertFalse(detection.installed());
        assertTrue(detection.problem().orElse("").contains("org.mxagent.adapter.shell"));
    }
}
