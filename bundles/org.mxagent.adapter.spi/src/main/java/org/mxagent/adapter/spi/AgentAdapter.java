package org.mxagent.adapter.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One kind of coding agent (Claude Code, Codex, a shell...). Register as an OSGi service; the adapter runner picks
 * it up and drops it dynamically. The runner — never the adapter — starts the process, through the runtime's
 * {@code LocalExec} (policy, sandbox, environment scrub, limits, streaming), so an adapter only describes.
 *
 * <p>Implementations must be thread-safe: {@link #detect()} and {@link #plan(AgentWork)} may be called
 * concurrently, and each run gets its own {@link #newParser(AgentWork)}.
 */
@ConsumerType
public interface AgentAdapter {
    /** Service property some adapters set to their {@link #name()}, for filters (optional). */
    String NAME_PROPERTY = "mxagent.adapter.name";

    /** The adapter's name as tasks and the CLI use it: {@code claude}, {@code shell}; lower case, unique. */
    String name();

    /**
     * Whether the agent's CLI is there and which version. Must be bounded in time (a version probe that hangs is
     * killed) and must leave nothing running. Never throws: a problem is a {@link Detection#missing} with a reason
     * a user can act on.
     */
    Detection detect();

    /**
     * How to launch the agent for {@code work}: argv, environment overrides, working directory, batch or PTY, what
     * to send on stdin and how to interrupt it.
     *
     * @throws AdapterException when the work cannot be done by this adapter (e.g. an option it does not support)
     */
    LaunchPlan plan(AgentWork work) throws AdapterException;

    /** A fresh parser for one run of {@code work}'s plan. */
    OutputParser newParser(AgentWork work);
}
