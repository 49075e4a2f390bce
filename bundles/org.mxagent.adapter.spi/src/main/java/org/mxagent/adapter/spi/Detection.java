package org.mxagent.adapter.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether an agent's CLI is usable here.
 *
 * @param installed true when the CLI was found and answered
 * @param binary    the resolved executable, when found
 * @param version   its version as it reports it (e.g. {@code 2.1.331}), when known
 * @param problem   when not installed (or installed but unusable): what is wrong and what to do about it
 */
public record Detection(boolean installed, Optional<String> binary, Optional<String> version,
        Optional<String> problem) {
    public Detection {
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(problem, "problem");
        if (!installed && problem.isEmpty()) {
            throw new IllegalArgumentException("a missing agent needs a reason the user can act on");
        }
    }

    public static Detection found(String binary, Optional<String> version) {
        return new Detection(true, Optional.of(binary), version, Optional.empty());
    }

    /** Not usable; {@code actionableReason} says what is missing and how to fix it. */
    public static Detection missing(String actionableReason) {
        return new Detection(false, Optional.empty(), Optional.empty(), Optional.of(actionableReason));
    }
}
