package org.mxagent.policy.impl;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The working directory must be absolute, free of {@code .}/{@code ..} segments, and equal to or below an
 * {@code allow_cwd} entry, compared by path component ({@code /work/a} allows {@code /work/a/b}, never
 * {@code /work/ab}).
 */
final class CwdRule {
    private CwdRule() {}

    /** Why the cwd is refused, or empty if it is allowed. */
    static Optional<String> problem(String cwd, List<Path> allowCwd) {
        Optional<String> shape = PathRules.absolutePathProblem(cwd);
        if (shape.isPresent()) {
            return Optional.of("cwd \"" + cwd + "\" " + shape.get());
        }
        Path path = Path.of(cwd);
        for (Path allowed : allowCwd) {
            if (path.startsWith(allowed)) {
                return Optional.empty();
            }
        }
        return Optional.of("cwd " + cwd + " is not at or below any allow_cwd entry " + allowCwd);
    }
}
