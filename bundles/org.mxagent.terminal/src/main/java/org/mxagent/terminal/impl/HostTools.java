package org.mxagent.terminal.impl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The util-linux/procps helpers process control needs ({@code setsid}, {@code kill}), found on PATH. */
final class HostTools {
    private HostTools() {}

    /** The first absolute PATH entry holding an executable {@code name}; relative entries are skipped. */
    static Optional<Path> find(String name, String searchPath) {
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String directory : searchPath.split(":")) {
            if (directory.startsWith("/")) {
                Path candidate = Path.of(directory).resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    static Path require(String name, String searchPath) {
        return find(name, searchPath).orElseThrow(() -> new IllegalStateException(
                name + " is not on PATH (" + searchPath + "): process groups cannot be managed without it"));
    }
}
