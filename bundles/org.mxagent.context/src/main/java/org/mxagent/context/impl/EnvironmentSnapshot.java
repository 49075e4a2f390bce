package org.mxagent.context.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.mxagent.context.api.ContextException;
import org.mxagent.context.api.ContextException.Kind;
import org.mxagent.policy.api.SecretNames;
import org.mxagent.protocol.api.ProtocolJson;

/**
 * The environment variables a share may show: allowlisted names only (exact, or a prefix ending in {@code *}),
 * never a secret-looking one, as a JSON object with sorted keys.
 */
final class EnvironmentSnapshot {
    /** Always allowed (protocol's child-environment defaults that describe a machine, not a person's secrets). */
    static final List<String> DEFAULT_NAMES = List.of("PATH", "LANG", "LC_*", "TZ", "TERM", "SHELL", "USER", "HOME");
    static final String MIME_TYPE = "application/json";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\*?");

    private EnvironmentSnapshot() {}

    /**
     * @param configured names from the runtime's configuration (secret ones are dropped, see the caller's log)
     * @param requested names the caller asked for; a secret or malformed one is an error, not a silent skip
     */
    static byte[] snapshot(Map<String, String> environment, List<String> configured, List<String> requested)
            throws ContextException {
        for (String name : requested) {
            if (!NAME.matcher(name).matches()) {
                throw new ContextException(Kind.INVALID, "not an environment variable name: '" + name + "'");
            }
            if (SecretNames.isUnshareable(name.replace("*", ""))) {
                throw new ContextException(Kind.INVALID, "refusing to share " + name
                        + ": its name marks it as a secret");
            }
        }
        List<String> patterns = new ArrayList<>(DEFAULT_NAMES);
        patterns.addAll(configured);
        patterns.addAll(requested);
        Map<String, String> shared = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (allowed(name, patterns) && !SecretNames.isUnshareable(name)) {
                shared.put(name, value);
            }
        });
        ObjectNode json = ProtocolJson.newObject();
        shared.forEach(json::put);
        return (ProtocolJson.write(json) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static boolean allowed(String name, List<String> patterns) {
        for (String pattern : patterns) {
            if (pattern.endsWith("*") ? name.startsWith(pattern.substring(0, pattern.length() - 1))
                    : pattern.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
