package org.mxagent.policy.impl;

import java.nio.file.Path;
import java.util.Optional;

/** Finds the absolute path a bare command name runs as in the child, the way execvp would. */
@FunctionalInterface
interface CommandResolver {
    Optional<Path> resolve(String commandName);

    /** For children whose file system is not the host's (containers): nothing resolves. */
    static CommandResolver none() {
        return name -> Optional.empty();
    }
}
