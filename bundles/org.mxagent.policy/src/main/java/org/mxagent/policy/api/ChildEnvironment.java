package org.mxagent.policy.api;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds a child process environment: (inherited ∩ (defaults ∪ policy {@code env_allowlist})) minus secrets,
 * plus the remote overrides policy allowed, with {@code PWD} set to the child's working directory.
 */
public final class ChildEnvironment {
    /** Variables every child inherits when the runtime has them. */
    public static final Set<String> DEFAULT_NAMES = Set.of("PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG",
            "LANGUAGE", "LC_ALL", "LC_CTYPE", "TZ", "TERM", "TMPDIR", "PWD");

    private ChildEnvironment() {}

    /**
     * @param inherited    the runtime's own environment
     * @param envAllowlist the {@link Allowance#envAllowlist()} of the request
     * @param overrides    the request's {@code env}; policy has already checked the keys, and a key that is not
     *                     allowed here again is an {@link IllegalArgumentException} (defence in depth)
     * @param cwd          the child's working directory, which {@code PWD} must describe
     * @return a new sorted map
     */
    public static Map<String, String> build(Map<String, String> inherited, Collection<String> envAllowlist,
            Map<String, String> overrides, String cwd) {
        Map<String, String> child = new TreeMap<>();
        inherited.forEach((name, value) -> {
            boolean wanted = DEFAULT_NAMES.contains(name) || envAllowlist.contains(name);
            if (wanted && !SecretNames.isSecret(name)) {
                child.put(name, value);
            }
        });
        overrides.forEach((name, value) -> {
            if (!envAllowlist.contains(name) || SecretNames.isForbiddenOverride(name)) {
                throw new IllegalArgumentException("environment override not allowed: " + name);
            }
            child.put(name, value);
        });
        child.put("PWD", cwd);
        return child;
    }
}
