package org.mxagent.sandbox.impl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds helper binaries (bwrap, prlimit) the way {@code execvp} would, or at a configured absolute path. */
final class Executables {
    private Executables() {}

    /**
     * @param configured an absolute path from configuration, or blank to search {@code searchPath}
     * @param name       the binary's name for the search
     * @param searchPath a PATH value; empty and relative entries are skipped (never the current directory)
     */
    static Optional<Path> find(String configured, String name, String searchPath) {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return path.isAbsolute() && isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String directory : searchPath.split(":")) {
            if (directory.isEmpty() || !directory.startsWith("/")) {
                continue;
            }
            Path candidate = Path.of(directory, name);
            if (isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
