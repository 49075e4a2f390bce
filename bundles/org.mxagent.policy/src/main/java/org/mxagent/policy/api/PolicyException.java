package org.mxagent.policy.api;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * policy.toml exists but cannot be used. The message names the file, the line when it is known, the dotted key
 * path for a semantic error (e.g. {@code rooms."!r:x".agents."@a:x".max_runtime_ms}) and what was expected.
 */
public final class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String keyPath;
    private final String problem;

    /**
     * @param line    1-based line, or 0 when unknown
     * @param keyPath dotted TOML key path, or null for a syntax error
     */
    public PolicyException(Path file, int line, String keyPath, String problem, Throwable cause) {
        super(format(file, line, keyPath, problem), cause);
        this.file = file;
        this.line = line;
        this.keyPath = keyPath;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    public Optional<String> keyPath() {
        return Optional.ofNullable(keyPath);
    }

    /** What was wrong, without the location. */
    public String problem() {
        return problem;
    }

    private static String format(Path file, int line, String keyPath, String problem) {
        StringBuilder message = new StringBuilder().append(file);
        if (line > 0) {
            message.append(':').append(line);
        }
        message.append(": ");
        if (keyPath != null && !keyPath.isEmpty()) {
            message.append(keyPath).append(": ");
        }
        return message.append(problem).toString();
    }
}
