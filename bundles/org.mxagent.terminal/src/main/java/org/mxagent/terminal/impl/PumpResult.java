package org.mxagent.terminal.impl;

import java.util.List;
import java.util.Optional;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.terminal.api.SpooledLog;

/** What one output stream amounted to. */
record PumpResult(StreamName stream, long keptBytes, Optional<SpooledLog> artifact, long coalescedFlushes,
        List<String> problems) {}
