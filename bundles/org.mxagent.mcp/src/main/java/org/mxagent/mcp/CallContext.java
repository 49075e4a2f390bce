package org.mxagent.mcp;

/** What a running tool call may do besides returning: report progress, and learn that it was cancelled. */
interface CallContext {
    /** Sends {@code notifications/progress} with this message if the client asked for progress; else nothing. */
    void progress(String message);

    /** Runs {@code hook} when the client cancels the call (at once if it already has). */
    void onCancel(Runnable hook);

    boolean cancelled();
}
