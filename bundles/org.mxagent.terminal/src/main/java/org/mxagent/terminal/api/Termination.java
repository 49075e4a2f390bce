package org.mxagent.terminal.api;

/** How a run ended. */
public enum Termination {
    /** The process exited (or died of a signal) on its own. */
    EXITED,
    /** {@link RunningExec#cancel} stopped it. */
    CANCELLED,
    /** The allowance's timeout stopped it. */
    TIMED_OUT
}
