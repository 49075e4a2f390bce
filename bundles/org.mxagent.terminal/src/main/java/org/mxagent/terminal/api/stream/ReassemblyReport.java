package org.mxagent.terminal.api.stream;

import java.util.OptionalInt;

/**
 * Totals of a {@link StreamReassembler}.
 *
 * @param degraded something was lost or refused
 * @param failed   strict mode and degraded: the CLI exits {@value #STRICT_EXIT_CODE}
 */
public record ReassemblyReport(long deliveredChunks, long deliveredBytes, long duplicates, long lostChunks,
        long integrityFailures, long foreignChunks, boolean degraded, boolean failed) {
    /** protocol.md §2.10: stream integrity failure. */
    public static final int STRICT_EXIT_CODE = 132;

    /** {@value #STRICT_EXIT_CODE} when strict mode failed, to be used instead of the remote exit code. */
    public OptionalInt exitCodeOverride() {
        return failed ? OptionalInt.of(STRICT_EXIT_CODE) : OptionalInt.empty();
    }
}
