package org.mxagent.policy.impl;

import java.util.Optional;

/** Lexical checks on absolute paths, shared by policy loading and request evaluation. */
final class PathRules {
    private PathRules() {}

    /**
     * What is wrong with {@code path} as an absolute, already-normalized path, or empty if nothing is. Paths
     * with {@code .} or {@code ..} segments are refused rather than normalized: with symlinks, lexical
     * normalization of {@code ..} can name a different directory than the kernel resolves.
     */
    static Optional<String> absolutePathProblem(String path) {
        if (path.isEmpty()) {
            return Optional.of("is empty");
        }
        if (path.indexOf('\0') >= 0) {
            return Optional.of("contains a NUL character");
        }
        if (!path.startsWith("/")) {
            return Optional.of("is not an absolute path (it must start with /)");
        }
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("contains a '" + segment + "' segment");
            }
        }
        return Optional.empty();
    }
}
