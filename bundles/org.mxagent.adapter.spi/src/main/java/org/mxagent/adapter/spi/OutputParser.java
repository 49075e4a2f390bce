package org.mxagent.adapter.spi;

import java.util.function.Consumer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns one run's output into {@link Progress}. The runner calls it from one thread at a time, in the order the
 * bytes arrived per channel; it must be quick (it is on the output path). {@link LineParser} does the line
 * splitting for line-oriented agents.
 */
@ConsumerType
public interface OutputParser {
    /** Raw bytes as they arrive; a line or a UTF-8 character may be split across calls. */
    void output(OutputChannel channel, byte[] data, Consumer<Progress> progress);

    /**
     * The process ended and all output was delivered. Must emit exactly one terminal event ({@link
     * Progress.Kind#RESULT} or {@link Progress.Kind#ERROR}) if the output has not already produced one.
     */
    void finished(ExitInfo exit, Consumer<Progress> progress);
}
