package org.mxagent.context.impl;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Environment variable names that hold secrets and are never shared: the protocol's fixed list and cloud
 * prefixes, plus any name containing TOKEN, SECRET, PASSWORD, PASSWD, KEY, RECOVERY, PRIVATE, CREDENTIAL
 * or COOKIE. Broader than the policy bundle's check (any KEY, not only a {@code _KEY} suffix): a
 * snapshot shared with a room should rather miss a harmless variable than leak one.
 */
final class SecretNames {
    private static final Set<String> EXACT = Set.of("MATRIX_ACCESS_TOKEN", "MX_AGENT_TOKEN", "MX_AGENT_PASSWORD",
            "MX_AGENT_RECOVERY_KEY", "SSH_AUTH_SOCK", "GITHUB_TOKEN", "OPENAI_API_KEY", "ANTHROPIC_API_KEY",
            "NPM_TOKEN");
    private static final List<String> PREFIXES = List.of("AWS_", "GOOGLE_", "AZURE_");
    private static final List<String> FRAGMENTS = List.of("TOKEN", "SECRET", "PASSWORD", "PASSWD", "KEY",
            "RECOVERY", "PRIVATE", "CREDENTIAL", "COOKIE");

    private SecretNames() {}

    static boolean isSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (EXACT.contains(upper)) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (upper.startsWith(prefix)) {
                return true;
            }
        }
        for (String fragment : FRAGMENTS) {
            if (upper.contains(fragment)) {
                return true;
            }
        }
        return false;
    }
}
