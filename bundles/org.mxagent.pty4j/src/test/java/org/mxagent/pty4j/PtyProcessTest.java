package org.mxagent.pty4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import com.pty4j.unix.Pty;
import com.pty4j.unix.UnixPtyProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** pty4j from this module's classes (plain JVM): a PTY child starts and sees its size; slf4j uses our bridge. */
class PtyProcessTest {

    @Test
    @Timeout(30)
    void builderStartsAChildOnAPty() throws Exception {
        PtyProcess process = new PtyProcessBuilder(new String[] {"/bin/sh", "-c", "tty; echo err >&2; exit 3"})
                .setEnvironment(Map.of("PATH", "/usr/bin:/bin"))
                .setDirectory("/")
                .start();
        String output = readAll(process);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        assertEquals(3, process.exitValue());
        assertTrue(output.contains("/dev/pts/"), output);
        assertTrue(output.contains("err"), output);
    }

    /**
     * The builder sets the initial size after the fork, so a fast child can still read 0x0. A PTY sized on its
     * master before the child starts never races: this is how the terminal bundle starts PTY children.
     */
    @Test
    @Timeout(60)
    void aPtySizedBeforeTheForkIsSeenByEveryChild() throws Exception {
        for (int i = 0; i < 10; i++) {
            @SuppressWarnings("removal") // the only constructor that takes a PTY we sized ourselves
            Pty pty = new Pty(false);
            pty.setWindowSize(new WinSize(101, 33), null);
            PtyProcess process = new UnixPtyProcess(new String[] {"/bin/sh", "-c", "stty size"},
                    new String[] {"PATH=/usr/bin:/bin"}, "/", pty, null, false);
            String output = readAll(process);
            assertTrue(process.waitFor(20, TimeUnit.SECONDS));
            assertEquals("33 101", output.trim());
        }
    }

    @Test
    void pty4jLogsThroughTheBundlesOwnSlf4jProvider() {
        assertEquals("org.mxagent.pty4j.logging.BridgeLoggerFactory",
                org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName());
    }

    static String readAll(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
