package org.mxagent.daemon.impl.shell;

import org.mxagent.daemon.api.IpcException;

/** A shell session of the runtime: variables persist across {@link #execute} calls. */
interface ShellSession extends AutoCloseable {

    /** Runs {@code command}; a failed command is an {@link IpcException} (exit 1) with what it printed. */
    ShellResult execute(String command) throws IpcException;

    @Override
    void close();

    /** What a command printed on its output and error streams. */
    record ShellResult(String output, String error) {}
}
