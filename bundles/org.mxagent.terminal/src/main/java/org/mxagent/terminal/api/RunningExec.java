package org.mxagent.terminal.api;

import java.io.IOException;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/** A started run: input, resize, cancellation and its result. */
@ProviderType
public interface RunningExec {
    String invocationId();

    /** The process id of the started process (the sandbox supervisor under bubblewrap). */
    long pid();

    /**
     * Sends raw bytes to the child (its stdin pipe, or the PTY, where 0x03 is Ctrl-C). May block while the child
     * does not read.
     *
     * @throws IllegalStateException if the spec did not ask for stdin, or after {@link #closeStdin()}
     * @throws IOException           if the child no longer reads (it exited)
     */
    void writeStdin(byte[] data) throws IOException;

    /** End of input: a batch child sees EOF; on a PTY no further input is accepted (send 0x04 for ^D). */
    void closeStdin() throws IOException;

    /**
     * Resizes the PTY; the child gets SIGWINCH.
     *
     * @throws IllegalStateException in batch mode
     */
    void resize(TerminalSize size) throws IOException;

    /**
     * Stops the run: SIGTERM to its processes, then SIGKILL after the grace period. The result says
     * {@link Termination#CANCELLED}. Returns false if the run was already stopping or finished.
     */
    boolean cancel(String reason);

    /**
     * Completes once the process has exited and every stream has been flushed to the sink. Completes exceptionally
     * only on an internal error (which is logged).
     */
    CompletionStage<ExecResult> onFinished();
}
