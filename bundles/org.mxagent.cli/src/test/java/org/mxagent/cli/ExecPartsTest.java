package org.mxagent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small parts of exec, call and invocation that need no daemon. */
class ExecPartsTest {
    @TempDir
    Path dir;

    @Test
    void durationsTakeUnitsAndBareSeconds() throws UsageException {
        assertEquals(1500, Durations.millis("1500ms", "--timeout", "exec"));
        assertEquals(90_000, Durations.millis("90s", "--timeout", "exec"));
        assertEquals(90_000, Durations.millis("90", "--timeout", "exec"));
        assertEquals(300_000, Durations.millis("5m", "--timeout", "exec"));
        assertEquals(7_200_000, Durations.millis("2h", "--timeout", "exec"));
        assertThrows(UsageException.class, () -> Durations.millis("0s", "--timeout", "exec"));
        assertThrows(UsageException.class, () -> Durations.millis("soon", "--timeout", "exec"));
    }

    @Test
    void stdinIsForwardedUnlessItIsDevNullOrAnEmptyFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty"));
        Path full = Files.writeString(dir.resolve("full"), "x");
        assertTrue(StdinPolicy.emptyByNature(Files.createSymbolicLink(dir.resolve("fd-null"), Path.of("/dev/null"))));
        assertTrue(StdinPolicy.emptyByNature(Files.createSymbolicLink(dir.resolve("fd-empty"), empty)));
        assertFalse(StdinPolicy.emptyByNature(Files.createSymbolicLink(dir.resolve("fd-full"), full)));
        assertFalse(StdinPolicy.emptyByNature(dir.resolve("no such fd")), "unknown: forwarded");
        assertTrue(StdinPolicy.forward(true, true), "a PTY always takes input");
        assertFalse(StdinPolicy.forward(false, true));
    }

    @Test
    void envPairsSplitAtTheFirstEqualsSign() throws UsageException {
        assertEquals(Map.of("A", "1=2", "B", ""), ExecCommand.env(List.of("A=1=2", "B=")));
        assertThrows(UsageException.class, () -> ExecCommand.env(List.of("=x")));
        assertThrows(UsageException.class, () -> ExecCommand.env(List.of("NOVALUE")));
    }

    @Test
    void execIsAGroupCommandWhoseArgvFollowsTheDoubleDash() throws UsageException {
        CommandLine line = ArgumentParser.parse(new String[] {"exec", "--room", "!r:x", "--agent", "agt_1", "--pty",
            "--env", "A=1", "--", "ls", "-la"});
        assertEquals(RemoteCommands.EXEC, line.command());
        assertEquals("!r:x", line.value("--room"));
        assertTrue(line.has("--pty"));
        assertEquals(List.of("ls", "-la"), line.afterDoubleDash());
        CommandLine call = ArgumentParser.parse(new String[] {"call", "--tool", "read_file@1.0.0", "--arg", "path=/x",
            "--arg", "n:=3"});
        assertEquals(RemoteCommands.CALL, call.command());
        assertEquals(List.of("path=/x", "n:=3"), call.values("--arg"));
        CommandLine artifact = ArgumentParser.parse(new String[] {"invocation", "artifact", "inv_1", "--stream",
            "stdout"});
        assertEquals(RemoteCommands.INVOCATION_ARTIFACT, artifact.command());
        assertEquals(List.of("inv_1"), artifact.positionals());
    }
}
