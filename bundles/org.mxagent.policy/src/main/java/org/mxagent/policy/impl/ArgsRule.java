package org.mxagent.policy.impl;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code deny_args_regex}: a pattern found anywhere in the space-joined argv or in any single argument
 * denies the request. Both are checked because a pattern may span arguments ({@code rm -rf}) or be anchored
 * to one ({@code ^--force$}).
 */
final class ArgsRule {
    private ArgsRule() {}

    /** The pattern that matched, or empty. */
    static Optional<Pattern> firstMatch(List<String> argv, List<Pattern> denyArgsRegex) {
        String joined = String.join(" ", argv);
        for (Pattern pattern : denyArgsRegex) {
            if (pattern.matcher(joined).find()) {
                return Optional.of(pattern);
            }
            for (String arg : argv) {
                if (pattern.matcher(arg).find()) {
                    return Optional.of(pattern);
                }
            }
        }
        return Optional.empty();
    }
}
