package org.mxagent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentParserTest {

    private static CommandLine parse(String... args) throws UsageException {
        return ArgumentParser.parse(args);
    }

    @Test
    void globalFlagsBeforeTheCommand() throws UsageException {
        CommandLine line = parse("--json", "--socket", "/s.sock", "--config=/c.toml", "-vv", "daemon", "status");
        assertTrue(line.json());
        assertEquals("/s.sock", line.socket());
        assertEquals("/c.toml", line.config());
        assertEquals(2, line.verbosity());
        assertSame(Commands.DAEMON_STATUS, line.command());
    }

    @Test
    void globalFlagsAfterTheCommandAndBetweenItsOptions() throws UsageException {
        CommandLine line = parse("auth", "login", "--homeserver", "http://h", "--json", "--user=alice",
                "--socket=/s.sock", "-v", "-v");
        assertSame(Commands.AUTH_LOGIN, line.command());
        assertEquals("http://h", line.value("--homeserver"));
        assertEquals("alice", line.value("--user"));
        assertTrue(line.json());
        assertEquals("/s.sock", line.socket());
        assertEquals(2, line.verbosity());
    }

    @Test
    void globalFlagsBetweenGroupAndCommand() throws UsageException {
        CommandLine line = parse("daemon", "--json", "start", "--foreground");
        assertSame(Commands.DAEMON_START, line.command());
        assertTrue(line.json());
        assertTrue(line.has("--foreground"));
    }

    @Test
    void anOptionValueIsTakenAsIsEvenIfItLooksLikeAFlag() throws UsageException {
        CommandLine line = parse("shell", "-c", "--json");
        assertSame(Commands.SHELL, line.command());
        assertEquals("--json", line.value("-c"));
        assertFalse(line.json());
    }

    @Test
    void aGroupThatIsACommandTakesOptionsDirectly() throws UsageException {
        CommandLine line = parse("shell", "-c", "lb | grep mxagent", "--json");
        assertSame(Commands.SHELL, line.command());
        assertEquals("lb | grep mxagent", line.value("-c"));
        assertTrue(line.json());
        assertSame(Commands.SHELL, parse("shell").command(), "bare 'shell' is the console");
        assertNull(parse("daemon").command(), "other groups need a command");
    }

    @Test
    void doubleDashEndsOptionsAndGlobalFlags() throws UsageException {
        CommandLine line = parse("--json", "daemon", "status", "--", "--socket", "x", "-v");
        assertTrue(line.json());
        assertNull(line.socket(), "--socket after -- is not a global flag");
        assertEquals(0, line.verbosity());
        assertEquals(List.of("--socket", "x", "-v"), line.afterDoubleDash());
    }

    @Test
    void helpAndVersionAnywhere() throws UsageException {
        assertTrue(parse("auth", "login", "--help").help());
        assertTrue(parse("-h").help());
        assertTrue(parse("daemon", "--version").version());
    }

    @Test
    void repeatedOptionsKeepEveryValueAndTheLastWins() throws UsageException {
        CommandLine line = parse("auth", "login", "--user", "a", "--user", "b");
        assertEquals(List.of("a", "b"), line.values("--user"));
        assertEquals("b", line.value("--user"));
    }

    @Test
    void unknownGroupIsAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> parse("frobnicate"));
        assertEquals("unknown command 'frobnicate'", e.getMessage());
        assertEquals(64, e.exitCode());
    }

    @Test
    void unknownCommandIsAUsageErrorPointingAtTheGroupHelp() {
        UsageException e = assertThrows(UsageException.class, () -> parse("daemon", "restart"));
        assertEquals("daemon", e.helpTopic());
    }

    @Test
    void unknownOptionIsAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> parse("daemon", "status", "--force"));
        assertEquals("unknown option --force for mx-agent daemon status", e.getMessage());
        assertEquals("daemon status", e.helpTopic());
    }

    @Test
    void commandOptionBeforeTheCommandIsAUsageError() {
        assertThrows(UsageException.class, () -> parse("--foreground", "daemon", "start"));
    }

    @Test
    void missingOptionValueIsAUsageError() {
        assertEquals("option --user needs a value",
                assertThrows(UsageException.class, () -> parse("auth", "login", "--user")).getMessage());
        assertEquals("option --socket needs a value",
                assertThrows(UsageException.class, () -> parse("daemon", "status", "--socket")).getMessage());
    }

    @Test
    void flagWithAValueIsAUsageError() {
        assertThrows(UsageException.class, () -> parse("daemon", "start", "--foreground=yes"));
    }
}
