package org.mxagent.policy.impl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a bare command name through a PATH value: the first absolute PATH directory holding an executable
 * regular file of that name. Empty and relative PATH entries are skipped, since they mean "the current
 * directory", which the requester chooses. The child's PATH is the runtime's own (remote overrides can never
 * set PATH), so this is the binary the child will run.
 */
final class SearchPathResolver implements CommandResolver {
    private final List<Path> directories;

    SearchPathResolver(String pathVariable) {
        List<Path> absolute = new ArrayList<>();
        if (pathVariable != null) {
            for (String entry : pathVariable.split(":")) {
                if (PathRules.absolutePathProblem(entry).isEmpty()) {
                    absolute.add(Path.of(entry));
                }
            }
        }
        this.directories = List.copyOf(absolute);
    }

    @Override
    public Optional<Path> resolve(String commandName) {
        if (commandName.isEmpty() || commandName.contains("/") || commandName.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        for (Path directory : directories) {
            Path candidate = directory.resolve(commandName);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
