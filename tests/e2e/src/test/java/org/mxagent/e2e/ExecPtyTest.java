package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;

/**
 * {@code exec --pty} with the CLI itself on a real pseudo-terminal (pty4j), as a person at a terminal runs it:
 * the remote shell starts at the local terminal's size, follows a resize of the local terminal (SIGWINCH → signed
 * {@code pty.resize} → the child's {@code stty size}), Ctrl-C typed locally interrupts the remote foreground job,
 * and the exit code passes through.
 */
class ExecPtyTest {
    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    void aRemoteShellFollowsTheLocalTerminal() throws IOException, InterruptedException {
        ExecPair pair = ExecPair.create(e2e);
        Map<String, String> env = new HashMap<>(pair.alice().environment());
        env.put("TERM", "xterm");
        PtyProcess cli = new PtyProcessBuilder(pair.alice().cliCommand(pair.execArgs("--pty", "--", "sh", "-i"))
                .toArray(String[]::new)).setEnvironment(env).setInitialRows(30).setInitialColumns(100)
                .setDirectory(pair.alice().root().toString()).start();
        Screen screen = new Screen(cli.getInputStream());
        OutputStream keys = cli.getOutputStream();
        try {
            type(keys, "stty size\r");
            screen.await("the initial size", "30 100");

            cli.setWinSize(new WinSize(120, 40));
            Eventually.within(Duration.ofSeconds(30)).every(Duration.ofSeconds(1)).until("the child sees 40 120",
                    () -> {
                        type(keys, "stty size\r");
                        return screen.text();
                    }, text -> text.contains("40 120"));

            type(keys, "sh -c 'echo sleeping; exec sleep 100'\r");
            screen.await("the foreground job", "sleeping\r\n");
            type(keys, "\u0003");
            // An interactive shell drops the rest of an interrupted line: ask for the status on a line of its own.
            type(keys, "echo \"after-int $?\"\r");
            screen.await("SIGINT reached the remote job", "after-int 130");

            type(keys, "exit 3\r");
            assertTrue(cli.waitFor(30, TimeUnit.SECONDS), () -> "the CLI ended: " + screen.text());
            assertEquals(3, cli.exitValue(), screen::text);
        } finally {
            cli.destroyForcibly();
        }
    }

    private static void type(OutputStream keys, String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Everything the CLI wrote to its terminal, read on a thread of its own. */
    private static final class Screen {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Screen(InputStream in) {
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        synchronized (bytes) {
                            bytes.write(buffer, 0, n);
                        }
                    }
                } catch (IOException closed) {
                    synchronized (bytes) {
                        bytes.writeBytes(("\n[terminal closed: " + closed.getMessage() + "]").getBytes(
                                StandardCharsets.UTF_8));
                    }
                }
            }, "pty screen");
            reader.setDaemon(true);
            reader.start();
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }

        void await(String what, String expected) {
            Eventually.within(Duration.ofSeconds(30)).until(what, this::text, text -> text.contains(expected));
        }
    }
}
