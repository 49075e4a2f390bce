/**
 * Local execution: {@link org.mxagent.terminal.api.LocalExec} runs a command under an
 * {@link org.mxagent.policy.api.Allowance} (sandbox, environment, limits, timeout, output cap), in batch mode or on
 * a PTY, and streams its output as unsigned {@code stream.chunk} records to an
 * {@link org.mxagent.terminal.api.OutputSink}. Signing and sending them is the caller's job.
 *
 * <p>1.1: {@link org.mxagent.terminal.api.ExecSpec#stream()} (a request's {@code stream=false}: output only in the
 * artifact) and a PTY's output stays live past the timeline budget.
 */
@Export
@Version("1.1.0")
package org.mxagent.terminal.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
