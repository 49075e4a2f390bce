package org.mxagent.policy.impl;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.mxagent.policy.api.NetworkMode;
import org.mxagent.policy.api.PolicyException;
import org.mxagent.policy.api.RawExecDefault;
import org.mxagent.policy.api.SandboxKind;
import org.mxagent.policy.api.SecretNames;
import org.mxagent.policy.api.SeccompMode;

/** Checks and converts the string values of policy.toml; every method fits {@link TomlTable.StringRule}. */
final class PolicyValues {
    private static final Pattern USER_ID = Pattern.compile("@[^\\s:]+:\\S+");
    private static final Pattern TOOL = Pattern.compile("[^@\\s]+(@[^@\\s]+)?");

    private final PolicyErrors errors;

    PolicyValues(PolicyErrors errors) {
        this.errors = errors;
    }

    Path absolutePath(String value, KeyPath path) throws PolicyException {
        Optional<String> problem = PathRules.absolutePathProblem(value);
        if (problem.isPresent()) {
            throw errors.at(path, "\"" + value + "\" " + problem.get() + "; expected an absolute path without"
                    + " '.' or '..' segments");
        }
        return Path.of(value);
    }

    /** An {@code allow_commands} entry: a bare command name, or an absolute path to a binary. */
    String command(String value, KeyPath path) throws PolicyException {
        if (!value.contains("/")) {
            if (value.isEmpty() || value.equals(".") || value.equals("..") || value.indexOf('\0') >= 0
                    || !value.strip().equals(value)) {
                throw errors.at(path, "\"" + value + "\" is not a command name; expected a bare name such as"
                        + " \"git\" or an absolute path such as \"/usr/bin/git\"");
            }
            return value;
        }
        Optional<String> problem = PathRules.absolutePathProblem(value);
        if (problem.isPresent() || value.endsWith("/")) {
            throw errors.at(path, "\"" + value + "\" " + problem.orElse("ends with /") + "; a command is a bare"
                    + " name (matched exactly) or an absolute path without '.' or '..' segments");
        }
        return value;
    }

    String tool(String value, KeyPath path) throws PolicyException {
        if (!TOOL.matcher(value).matches()) {
            throw errors.at(path, "\"" + value + "\" is not a tool; expected \"name\" or \"name@version\"");
        }
        return value;
    }

    Pattern regex(String value, KeyPath path) throws PolicyException {
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw errors.at(path, "invalid regular expression: " + e.getDescription() + " near index "
                    + e.getIndex() + " of \"" + value + "\"");
        }
    }

    String userId(String value, KeyPath path) throws PolicyException {
        if (!USER_ID.matcher(value).matches()) {
            throw errors.at(path, "\"" + value + "\" is not a Matrix user id; expected @localpart:server");
        }
        return value;
    }

    String roomId(String value, KeyPath path) throws PolicyException {
        if (value.startsWith("#")) {
            throw errors.at(path, "\"" + value + "\" is a room alias; rooms are keyed by room id (!id:server),"
                    + " since an alias can be pointed at another room");
        }
        if (!value.startsWith("!") || value.length() < 2 || value.chars().anyMatch(Character::isWhitespace)) {
            throw errors.at(path, "\"" + value + "\" is not a Matrix room id; expected !id:server");
        }
        return value;
    }

    String envName(String value, KeyPath path) throws PolicyException {
        if (!SecretNames.isVariableName(value)) {
            throw errors.at(path, "\"" + value + "\" is not an environment variable name; expected"
                    + " [A-Za-z_][A-Za-z0-9_]*");
        }
        if (SecretNames.isSecret(value)) {
            throw errors.at(path, "\"" + value + "\" looks like a secret; secrets are never passed to a child"
                    + " process, so listing it would have no effect");
        }
        return value;
    }

    String containerImage(String value, KeyPath path) throws PolicyException {
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace) || value.startsWith("-")) {
            throw errors.at(path, "\"" + value + "\" is not a container image reference");
        }
        return value;
    }

    SandboxKind sandbox(String value, KeyPath path) throws PolicyException {
        if (value.equals("firejail") || value.equals("chroot")) {
            throw errors.at(path, "\"" + value + "\" is not supported: this runtime has no " + value
                    + " backend (it is rejected rather than silently run unsandboxed); expected one of none,"
                    + " bubblewrap, docker, podman");
        }
        return SandboxKind.fromWire(value).orElseThrow(() -> errors.at(path, "\"" + value
                + "\" is not a sandbox; expected one of none, bubblewrap, docker, podman"));
    }

    NetworkMode network(String value, KeyPath path) throws PolicyException {
        return NetworkMode.fromWire(value).orElseThrow(() -> errors.at(path, "\"" + value
                + "\" is not a network mode; expected allow or deny"));
    }

    SeccompMode seccomp(String value, KeyPath path) throws PolicyException {
        return SeccompMode.fromWire(value).orElseThrow(() -> errors.at(path, "\"" + value
                + "\" is not a seccomp mode; expected off or default"));
    }

    RawExecDefault rawExecDefault(String value, KeyPath path) throws PolicyException {
        return RawExecDefault.fromWire(value).orElseThrow(() -> errors.at(path, "\"" + value
                + "\" is not an exec default; expected allow or deny"));
    }
}
