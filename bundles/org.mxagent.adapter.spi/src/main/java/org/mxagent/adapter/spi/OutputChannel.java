package org.mxagent.adapter.spi;

/** Where a piece of agent output came from. */
public enum OutputChannel {
    STDOUT,
    STDERR,
    /** A PTY merges stdout and stderr. */
    PTY
}
