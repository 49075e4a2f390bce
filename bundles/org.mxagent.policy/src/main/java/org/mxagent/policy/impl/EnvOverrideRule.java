package org.mxagent.policy.impl;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.mxagent.policy.api.SecretNames;

/**
 * Remote {@code env} override keys must be in the effective {@code env_allowlist} and may never be PATH,
 * {@code LD_*}, {@code DYLD_*} or a secret name, whatever the allowlist says.
 */
final class EnvOverrideRule {
    private EnvOverrideRule() {}

    /** Why an override is refused (the first key in sorted order), or empty if all are allowed. */
    static Optional<String> problem(Set<String> overrideKeys, List<String> envAllowlist) {
        for (String key : new TreeSet<>(overrideKeys)) {
            if (SecretNames.isForbiddenOverride(key)) {
                return Optional.of("environment variable " + key + " may never be set by a remote request");
            }
            if (!envAllowlist.contains(key)) {
                return Optional.of("environment variable " + key + " is not in env_allowlist");
            }
        }
        return Optional.empty();
    }
}
