package org.mxagent.terminal.impl;

import com.pty4j.PtyProcess;
import com.pty4j.WinSize;
import com.pty4j.unix.Pty;
import com.pty4j.unix.UnixPtyProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.sandbox.api.WrappedCommand;
import org.mxagent.terminal.api.TerminalSize;

/**
 * A PTY through pty4j; its child calls setsid and takes the PTY as controlling terminal, so pgid = pid and Ctrl-C
 * (0x03) on the master reaches the foreground group. The PTY is sized on its master before the fork:
 * {@code PtyProcessBuilder} sets the initial size only after starting the child, and a fast child reads 0x0.
 * That needs pty4j's Unix classes (Linux, macOS, BSD); this runtime does not run on Windows.
 */
final class PtyLauncher implements ProcessLauncher {

    @Override
    public LaunchedProcess launch(WrappedCommand command, TerminalSize size) throws IOException {
        @SuppressWarnings("removal") // the only way to hand pty4j a PTY that is sized before the fork
        Pty pty = new Pty(false);
        try {
            pty.setWindowSize(new WinSize(size.cols(), size.rows()), null);
        } catch (IOException e) {
            pty.close();
            throw e;
        }
        String[] env = command.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        PtyProcess process = new UnixPtyProcess(command.argv().toArray(String[]::new), env,
                command.hostCwd().toString(), pty, null, false);
        return new LaunchedProcess() {
            @Override
            public Process process() {
                return process;
            }

            @Override
            public Map<StreamName, InputStream> outputs() {
                return Map.of(StreamName.PTY, process.getInputStream());
            }

            @Override
            public OutputStream input() {
                return process.getOutputStream();
            }

            @Override
            public boolean isPty() {
                return true;
            }

            @Override
            public void resize(TerminalSize newSize) {
                process.setWinSize(new WinSize(newSize.cols(), newSize.rows()));
            }
        };
    }
}
