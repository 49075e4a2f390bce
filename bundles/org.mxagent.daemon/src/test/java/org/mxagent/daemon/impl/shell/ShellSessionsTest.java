package org.mxagent.daemon.impl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.impl.shell.ShellSession.ShellResult;

/** The shell bridge against a real Gogo runtime, created without OSGi. */
class ShellSessionsTest {
    private ThreadIOImpl threadIO;
    private CommandProcessorImpl processor;
    private GogoShell backend;
    private ShellSessions sessions;

    /** Gogo commands are public methods of a registered object. */
    public static final class TestCommands {
        public String hello(String name) {
            return "hello " + name;
        }

        public void shout(String text) {
            System.out.println(text.toUpperCase());
            System.err.println("shouted");
        }

        public void fail() throws IOException {
            throw new IllegalStateException("the command failed", new IOException("disk full"));
        }

        public void chatty() {
            System.out.println("partial work");
            throw new IllegalArgumentException("then it broke");
        }
    }

    @BeforeEach
    void startGogo() {
        threadIO = new ThreadIOImpl();
        threadIO.start();
        processor = new CommandProcessorImpl(threadIO);
        processor.addCommand("test", new TestCommands());
        backend = new GogoShell(processor);
        sessions = new ShellSessions(backend);
    }

    @AfterEach
    void stopGogo() {
        sessions.closeAll();
        processor.stop();
        threadIO.stop();
    }

    @Test
    void aThrowawaySessionReturnsTheFormattedValue() throws IpcException {
        ShellResult result = sessions.execute(null, "hello world");
        assertEquals("hello world\n", result.output());
        assertEquals("", result.error());
        assertEquals(0, sessions.openCount());
    }

    @Test
    void capturesWhatTheCommandPrintsOnBothStreams() throws IpcException {
        ShellResult result = sessions.execute(null, "test:shout quiet");
        assertEquals("QUIET\n", result.output());
        assertEquals("shouted\n", result.error());
    }

    @Test
    void variablesPersistInAnOpenSessionAndOutputDoesNotCarryOver() throws IpcException {
        String id = sessions.open();
        sessions.execute(id, "greeting = (hello you)");
        assertEquals("hello you\n", sessions.execute(id, "$greeting").output());
        assertEquals("hello you\n", sessions.execute(id, "$greeting").output(), "each call gets only its own output");
        sessions.close(id);
        assertEquals(0, sessions.openCount());
    }

    @Test
    void aFailedCommandIsExitOneWithTheCauseChainAndNoStackTrace() {
        IpcException e = assertThrows(IpcException.class, () -> sessions.execute(null, "test:fail"));
        assertEquals(1, e.exitCode());
        assertEquals("the command failed: disk full", e.getMessage());
    }

    @Test
    void aFailedCommandStillReportsWhatItPrinted() {
        IpcException e = assertThrows(IpcException.class, () -> sessions.execute(null, "chatty"));
        assertEquals("then it broke", e.getMessage());
        assertEquals("partial work\n", e.data().get("output").asText());
    }

    @Test
    void anUnknownCommandIsAReadableError() {
        IpcException e = assertThrows(IpcException.class, () -> sessions.execute(null, "nosuchcommand"));
        assertTrue(e.getMessage().contains("nosuchcommand"), e.getMessage());
    }

    @Test
    void anUnknownSessionIsNotFound() {
        IpcException e = assertThrows(IpcException.class, () -> sessions.execute("gone", "hello x"));
        assertEquals(3, e.exitCode());
        assertThrows(IpcException.class, () -> sessions.close("gone"));
    }

    @Test
    void sessionsCloseWhenTheirBackendGoes() throws IpcException {
        sessions.open();
        sessions.open();
        sessions.unbindBackend(backend);
        assertEquals(0, sessions.openCount());
        IpcException e = assertThrows(IpcException.class, () -> sessions.execute(null, "hello x"));
        assertEquals("no Gogo shell in this runtime", e.getMessage());
    }

    @Test
    void withoutGogoEveryShellMethodSaysSo() {
        ShellSessions none = new ShellSessions(null);
        assertEquals("no Gogo shell in this runtime", assertThrows(IpcException.class, none::open).getMessage());
        assertEquals("no Gogo shell in this runtime",
                assertThrows(IpcException.class, () -> none.execute(null, "lb")).getMessage());
    }

    @Test
    void outputIsBoundedAndTheTruncationIsSaid() {
        CapturedOutput out = new CapturedOutput();
        byte[] chunk = new byte[1024 * 1024];
        for (int i = 0; i < 5; i++) {
            out.write(chunk, 0, chunk.length);
        }
        String text = out.take();
        assertTrue(text.endsWith("[output truncated: " + chunk.length + " more bytes]\n"), text.substring(
                text.length() - 60));
        assertEquals("", out.take(), "taking empties the buffer");
    }
}
