package org.mxagent.terminal.impl;

import java.nio.file.Path;
import java.time.Duration;
import org.mxagent.terminal.api.stream.StreamSettings;

/**
 * Tunables of local execution.
 *
 * @param cancelGrace       SIGTERM → SIGKILL delay (5 s)
 * @param drain             how long output may stay open after the started process exited (children holding the
 *                          pipes) before they are killed
 * @param ptyDefaultMaxOutput output cap of a PTY run whose allowance sets none (64 MiB)
 * @param spoolDir          where offloaded logs are written (0700)
 * @param zstdLevel         compression level of offloaded logs (3)
 * @param tailBytes         size of the artifact tail preview (4 KiB)
 */
record ExecSettings(Duration cancelGrace, Duration drain, long ptyDefaultMaxOutput, StreamSettings stream,
        Path spoolDir, int zstdLevel, int tailBytes) {}
