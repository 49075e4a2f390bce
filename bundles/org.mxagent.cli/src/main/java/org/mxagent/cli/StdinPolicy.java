package org.mxagent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether {@code exec} forwards standard input: always for {@code --pty}; never with {@code --no-stdin}; otherwise
 * unless it is {@code /dev/null} or an empty regular file (what a script or a coding agent's harness usually
 * gives a command that takes no input). A pipe or a terminal is forwarded as it comes, its end sent as EOF, as
 * {@code ssh} does. Linux: looked up through {@code /proc/self/fd/0}; where that cannot be read, forwarded.
 */
final class StdinPolicy {
    private static final Path FD0 = Path.of("/proc/self/fd/0");

    private StdinPolicy() {}

    static boolean forward(boolean pty, boolean noStdin) {
        if (pty) {
            return true;
        }
        if (noStdin) {
            return false;
        }
        return !emptyByNature(FD0);
    }

    static boolean emptyByNature(Path fd) {
        try {
            Path target = Files.readSymbolicLink(fd);
            if (target.toString().equals("/dev/null")) {
                return true;
            }
            return Files.isRegularFile(fd) && Files.size(fd) == 0;
        } catch (IOException | UnsupportedOperationException | SecurityException unknown) {
            return false;
        }
    }
}
