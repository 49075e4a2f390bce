package org.mxagent.policy.impl;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Matches argv[0] against {@code allow_commands}. A match is either the exact string (so {@code "ls"} allows
 * argv[0] {@code "ls"}, run through the runtime's PATH, and {@code "/usr/bin/ls"} allows argv[0]
 * {@code "/usr/bin/ls"}), or, for a bare argv[0], the absolute path it resolves to through PATH being an
 * absolute entry. Never by basename: {@code "ls"} does not allow {@code "/tmp/evil/ls"}.
 */
final class CommandMatcher {
    private CommandMatcher() {}

    /** How argv[0] matched, for the operator; empty if it did not. */
    static Optional<String> match(String argv0, List<String> allowCommands, CommandResolver resolver) {
        if (allowCommands.contains(argv0)) {
            return Optional.of("argv[0] \"" + argv0 + "\" is listed exactly");
        }
        // Paths, absolute or relative, only ever match exactly: a relative one would depend on the cwd.
        if (argv0.contains("/") || allowCommands.stream().noneMatch(entry -> entry.startsWith("/"))) {
            return Optional.empty();
        }
        Optional<Path> resolved = resolver.resolve(argv0);
        if (resolved.isPresent() && allowCommands.contains(resolved.get().toString())) {
            return Optional.of("argv[0] \"" + argv0 + "\" resolves through PATH to " + resolved.get());
        }
        return Optional.empty();
    }
}
