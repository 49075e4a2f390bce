package org.mxagent.terminal.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.sandbox.api.WrappedCommand;
import org.mxagent.terminal.api.TerminalSize;

/**
 * Pipes for stdin, stdout and stderr. Java cannot call setsid(2) in the child, so the command line is prefixed
 * with util-linux {@code setsid}: the JVM's child is never a process-group leader, so setsid makes the new session
 * and execs in place (no fork), and the process Java waits for is the session and group leader with pgid = pid.
 */
final class BatchLauncher implements ProcessLauncher {
    private final Path setsid;

    BatchLauncher(Path setsid) {
        this.setsid = setsid;
    }

    @Override
    public LaunchedProcess launch(WrappedCommand command, TerminalSize ignored) throws IOException {
        List<String> argv = new ArrayList<>(command.argv().size() + 1);
        argv.add(setsid.toString());
        argv.addAll(command.argv());
        ProcessBuilder builder = new ProcessBuilder(argv).directory(command.hostCwd().toFile());
        builder.environment().clear();
        builder.environment().putAll(command.env());
        Process process = builder.start();
        return new LaunchedProcess() {
            @Override
            public Process process() {
                return process;
            }

            @Override
            public Map<StreamName, InputStream> outputs() {
                return Map.of(StreamName.STDOUT, process.getInputStream(), StreamName.STDERR, process.getErrorStream());
            }

            @Override
            public OutputStream input() {
                return process.getOutputStream();
            }

            @Override
            public boolean isPty() {
                return false;
            }

            @Override
            public void resize(TerminalSize size) {
                throw new IllegalStateException("not a PTY run: nothing to resize");
            }
        };
    }
}
