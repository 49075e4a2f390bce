package org.mxagent.cli;

import java.nio.file.Path;

/** Nothing answers on the socket (exit 3). */
final class DaemonNotRunning extends CliException {
    private static final long serialVersionUID = 1L;

    DaemonNotRunning(Path socket, String why) {
        super(ExitCodes.NOT_FOUND,
                "daemon not running (" + why + " " + socket + "); start it with: mx-agent daemon start");
    }
}
