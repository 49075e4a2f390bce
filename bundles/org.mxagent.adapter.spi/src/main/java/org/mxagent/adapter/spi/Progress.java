package org.mxagent.adapter.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One structured progress event of an agent run.
 *
 * @param kind    what happened
 * @param text    human-readable text: the message, the tool's input, the result or the error (with what to do)
 * @param tool    the tool's name for {@link Kind#TOOL_USE} / {@link Kind#TOOL_RESULT}
 * @param usage   tokens and cost when the agent reports them
 * @param details further string facts (e.g. {@code session_id}, {@code model}, {@code error})
 */
public record Progress(Kind kind, String text, Optional<String> tool, Optional<Usage> usage,
        Map<String, String> details) {
    /** Kinds of progress. */
    public enum Kind {
        /** The agent started, changed state, or printed something that is not a message. */
        STATUS,
        /** Text the agent says. */
        MESSAGE,
        /** The agent calls a tool. */
        TOOL_USE,
        /** A tool's answer. */
        TOOL_RESULT,
        /** Token and cost figures. */
        USAGE,
        /** The final answer: the run succeeded. Terminal. */
        RESULT,
        /** The run failed; {@code text} says why and what to do. Terminal. */
        ERROR
    }

    public Progress {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(usage, "usage");
        details = Map.copyOf(details);
    }

    public static Progress of(Kind kind, String text) {
        return new Progress(kind, text, Optional.empty(), Optional.empty(), Map.of());
    }

    public static Progress of(Kind kind, String text, Map<String, String> details) {
        return new Progress(kind, text, Optional.empty(), Optional.empty(), details);
    }

    /** RESULT and ERROR end a run. */
    public boolean terminal() {
        return kind == Kind.RESULT || kind == Kind.ERROR;
    }

    /**
     * Tokens and cost.
     *
     * @param inputTokens  prompt tokens (cache reads and writes included when the agent reports them)
     * @param outputTokens generated tokens
     * @param costUsd      the agent's own cost estimate, when it gives one
     */
    public record Usage(long inputTokens, long outputTokens, OptionalDouble costUsd) {
        public Usage {
            Objects.requireNonNull(costUsd, "costUsd");
        }
    }
}
