/**
 * Output streams on the wire: {@link org.mxagent.terminal.api.stream.StreamChunker} slices a stream into
 * {@code stream.chunk} records (sender), {@link org.mxagent.terminal.api.stream.StreamReassembler} puts them back
 * in order and verifies them (receiver), and {@link org.mxagent.terminal.api.stream.SendPacer} lets the sender's
 * rate limit shape the chunking. Pure code: no threads, no I/O, time from a {@link
 * org.mxagent.terminal.api.stream.Ticker}.
 */
@Export
@Version("1.0.0")
package org.mxagent.terminal.api.stream;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
