package org.mxagent.policy.impl;

import java.nio.file.Path;
import org.mxagent.policy.api.PolicyException;

/** Builds precise {@link PolicyException}s for one policy file: path, line of the key, dotted key path. */
final class PolicyErrors {
    private final Path file;
    private final KeyLineLocator locator;

    PolicyErrors(Path file, KeyLineLocator locator) {
        this.file = file;
        this.locator = locator;
    }

    PolicyException at(KeyPath path, String problem) {
        return new PolicyException(file, locator.lineOf(path.keys()).orElse(0), path.toString(), problem, null);
    }
}
