package org.mxagent.policy.impl;

import java.nio.file.Path;
import org.mxagent.policy.api.Policy;
import org.mxagent.policy.api.PolicyException;

/** Parses policy text for tests, as if it came from a fixed file. */
final class Policies {
    static final Path FILE = Path.of("/home/op/.config/mx-agent/policy.toml");

    private Policies() {}

    static Policy parse(String toml) {
        try {
            return PolicyParser.parse(toml, FILE);
        } catch (PolicyException e) {
            throw new AssertionError("test policy should parse: " + e.getMessage(), e);
        }
    }
}
