package org.mxagent.terminal.impl;

import java.io.IOException;
import org.mxagent.sandbox.api.WrappedCommand;
import org.mxagent.terminal.api.TerminalSize;

/** Starts a wrapped command as the leader of a new session and process group (pgid = pid). */
interface ProcessLauncher {
    LaunchedProcess launch(WrappedCommand command, TerminalSize size) throws IOException;
}
