package org.mxagent.daemon.impl;

import java.io.PrintStream;
import java.time.Instant;

/**
 * The daemon's log lines. The daemon's stderr is daemon.log when it runs in the background, so plain stderr
 * with a recognisable prefix is enough until the runtime has a log service.
 */
public final class DaemonLog {
    private static final PrintStream OUT = System.err;

    private DaemonLog() {}

    public static void info(String message) {
        OUT.println(Instant.now() + " [mx-agent daemon] " + message);
    }

    public static void warn(String message) {
        OUT.println(Instant.now() + " [mx-agent daemon] WARN " + message);
    }

    /** Logs with the stack trace: for failures that point at a bug. */
    public static void error(String message, Throwable failure) {
        synchronized (OUT) {
            OUT.println(Instant.now() + " [mx-agent daemon] ERROR " + message);
            failure.printStackTrace(OUT);
        }
    }
}
