package org.mxagent.terminal.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.terminal.api.TerminalSize;

/** A started child and its streams, whatever started it (pipes or a PTY). */
interface LaunchedProcess {
    Process process();

    /** Output streams by name: stdout and stderr, or the single PTY stream. */
    Map<StreamName, InputStream> outputs();

    /** The child's stdin pipe, or the PTY master. */
    OutputStream input();

    boolean isPty();

    void resize(TerminalSize size) throws IOException;
}
