package org.mxagent.policy.api;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which environment-variable (and flag) names hold secrets, which names a remote override may never set, and
 * (broader) which names are never shared with a room. The one list for every bundle: policy, exec, context.
 */
public final class SecretNames {
    private static final Set<String> EXACT = Set.of("MATRIX_ACCESS_TOKEN", "MX_AGENT_TOKEN", "MX_AGENT_PASSWORD",
            "MX_AGENT_RECOVERY_KEY", "SSH_AUTH_SOCK", "GITHUB_TOKEN", "OPENAI_API_KEY", "ANTHROPIC_API_KEY",
            "NPM_TOKEN");
    private static final List<String> PREFIXES = List.of("AWS_", "GOOGLE_", "AZURE_");
    // CREDENTIAL and APIKEY go beyond the peer's list: both name secrets often enough to be worth the false hits.
    private static final List<String> FRAGMENTS = List.of("TOKEN", "SECRET", "PASSWORD", "PASSWD", "RECOVERY",
            "PRIVATE", "CREDENTIAL", "APIKEY");
    // Sharing errs further: KEYBOARD_LAYOUT is lost from a snapshot, never SESSION_COOKIE or a KEY nobody listed.
    private static final List<String> SHARING_FRAGMENTS = List.of("KEY", "COOKIE");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SecretNames() {}

    /**
     * True for the fixed secret names, the cloud prefixes, and the heuristic: a name containing TOKEN, SECRET,
     * PASSWORD, PASSWD, RECOVERY, PRIVATE, CREDENTIAL or APIKEY, or ending in _KEY. Case-insensitive; dashes
     * count as underscores so flag names ({@code --api-key}) are judged the same way.
     */
    public static boolean isSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT).replace('-', '_');
        if (EXACT.contains(upper) || upper.endsWith("_KEY")) {
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

    /**
     * True if a variable with this name must not be shared with others (environment snapshots): every
     * {@link #isSecret} name, and any name containing KEY (not only ending in {@code _KEY}) or COOKIE. Broader
     * than {@link #isSecret} on purpose: a snapshot shared with a room should rather miss a harmless variable
     * than leak one.
     */
    public static boolean isUnshareable(String name) {
        if (isSecret(name)) {
            return true;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        return SHARING_FRAGMENTS.stream().anyMatch(upper::contains);
    }

    /** True for a syntactically valid variable name ({@code [A-Za-z_][A-Za-z0-9_]*}). */
    public static boolean isVariableName(String name) {
        return VARIABLE_NAME.matcher(name).matches();
    }

    /**
     * True if a remote request may never set this variable, whatever the allowlist says: invalid names,
     * {@code PATH} (it decides which binary argv[0] is), {@code LD_*} and {@code DYLD_*} (code injection), and
     * secrets. Compared case-insensitively so {@code Path} or {@code ld_preload} do not slip through.
     */
    public static boolean isForbiddenOverride(String name) {
        if (!isVariableName(name)) {
            return true;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.equals("PATH") || upper.startsWith("LD_") || upper.startsWith("DYLD_") || isSecret(name);
    }
}
