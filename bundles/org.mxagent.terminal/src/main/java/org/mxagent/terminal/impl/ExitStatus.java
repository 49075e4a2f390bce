package org.mxagent.terminal.impl;

import org.mxagent.terminal.api.Signals;

/**
 * Exit code or signal name of a finished process. Java reports a death by signal N as exit value 128+N (as
 * bwrap does for its command, and as shells do), and cannot tell it from {@code exit(128+N)}; values 129–159 are
 * read as signals 1–31, which the CLI turns back into the same 128+N exit code either way.
 */
record ExitStatus(Integer exitCode, String signal) {
    static ExitStatus of(int exitValue) {
        if (exitValue > 128) {
            return Signals.name(exitValue - 128).map(name -> new ExitStatus(null, name))
                    .orElseGet(() -> new ExitStatus(exitValue, null));
        }
        return new ExitStatus(exitValue, null);
    }
}
