package org.mxagent.cli;

import java.io.PrintStream;

/** Diagnostics on stderr for -v, -vv, -vvv; silent by default so stdout and stderr stay scriptable. */
final class Verbose {
    private final int level;
    private final PrintStream err;

    Verbose(int level, PrintStream err) {
        this.level = level;
        this.err = err;
    }

    boolean at(int wanted) {
        return level >= wanted;
    }

    void log(int wanted, String message) {
        if (level >= wanted) {
            err.println("mx-agent: " + message);
            err.flush();
        }
    }
}
