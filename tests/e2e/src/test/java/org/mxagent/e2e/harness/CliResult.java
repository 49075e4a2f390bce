package org.mxagent.e2e.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * One finished {@code mx-agent} CLI process: its arguments, exit status and complete output. {@link #toString()}
 * shows all of it, so an assertion message that includes the result says everything about the call.
 */
public record CliResult(String runtime, List<String> args, int exit, String stdout, String stderr, Duration elapsed) {
    static final ObjectMapper MAPPER = new ObjectMapper();

    public CliResult {
        args = List.copyOf(args);
    }

    public boolean succeeded() {
        return exit == 0;
    }

    /** Fails unless the exit status is 0; returns this for chaining. */
    public CliResult assertSuccess() {
        return assertExit(0);
    }

    public CliResult assertExit(int expected) {
        if (exit != expected) {
            throw new AssertionFailedError("expected exit " + expected + " from " + this, expected, exit);
        }
        return this;
    }

    /** stdout without leading and trailing white space (e.g. the room id {@code mx:create} prints). */
    public String out() {
        return stdout.strip();
    }

    public List<String> stdoutLines() {
        return stdout.lines().toList();
    }

    /** stdout parsed as the one JSON value that {@code --json} prints; fails with the whole result if it is not. */
    public JsonNode json() {
        try {
            JsonNode node = MAPPER.readTree(stdout);
            if (node == null || node.isMissingNode()) {
                throw new AssertionFailedError("no JSON on stdout of " + this);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new AssertionFailedError("stdout is not JSON (" + e.getOriginalMessage() + ") in " + this, e);
        }
    }

    /** {@code mx-agent a b 'c d'} as a shell would need it typed. */
    public String commandLine() {
        StringBuilder line = new StringBuilder("mx-agent");
        for (String arg : args) {
            line.append(' ');
            if (!arg.isEmpty() && arg.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./:=@,+".indexOf(c) >= 0)) {
                line.append(arg);
            } else {
                line.append('\'').append(arg.replace("'", "'\\''")).append('\'');
            }
        }
        return line.toString();
    }

    @Override
    public String toString() {
        return "[" + runtime + "] `" + commandLine() + "` -> exit " + exit + " after " + elapsed.toMillis() + " ms"
                + block("stdout", stdout) + block("stderr", stderr);
    }

    private static String block(String name, String text) {
        if (text.isEmpty()) {
            return "\n  (" + name + " empty)";
        }
        return "\n  --- " + name + " ---\n" + text.stripTrailing().indent(2).stripTrailing();
    }
}
