package org.mxagent.policy.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secret values in argv and log lines with {@value #REDACTED}: {@code KEY=value} and
 * {@code "key": "value"} for secret-looking names (see {@link SecretNames#isSecret}), {@code --flag value} and
 * {@code --flag=value} for secret-looking flags, {@code Bearer} credentials, and values shaped like Matrix
 * access tokens ({@code syt_…}, {@code mct_…}) or common API tokens ({@code ghp_…}, {@code github_pat_…},
 * {@code sk-…}) wherever they appear.
 */
public final class SecretRedactor {
    public static final String REDACTED = "REDACTED";

    private static final Pattern TOKEN_SHAPED = Pattern.compile(
            "\\b(?:syt|mct)_[A-Za-z0-9_\\-]+|\\bgh[pousr]_[A-Za-z0-9]{20,}|\\bgithub_pat_[A-Za-z0-9_]{20,}"
                    + "|\\bsk-[A-Za-z0-9_\\-]{20,}");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)\\s+[^\\s\"',;]+");
    private static final Pattern ASSIGNMENT = Pattern.compile("\\b([A-Za-z_][A-Za-z0-9_]*)=([^\\s\"']+)");
    private static final Pattern JSON_FIELD =
            Pattern.compile("\"([A-Za-z0-9_\\-]+)\"(\\s*:\\s*)\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern FLAG_WITH_VALUE = Pattern.compile(
            "(?<![\\w-])(--?[A-Za-z][A-Za-z0-9_\\-]*)(=|\\s+)([^\\s\"'-][^\\s\"']*)");

    private SecretRedactor() {}

    /** A redacted copy of argv for logs and the audit log. */
    public static List<String> redactArgv(List<String> argv) {
        List<String> out = new ArrayList<>(argv.size());
        boolean redactNext = false;
        for (String arg : argv) {
            if (redactNext) {
                out.add(REDACTED);
                redactNext = false;
                continue;
            }
            if (arg.startsWith("-") && !arg.contains("=") && isSecretFlag(arg)) {
                // "--token VALUE": the value is the next argument.
                redactNext = true;
                out.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            if (arg.startsWith("-") && equals > 0 && isSecretFlag(arg.substring(0, equals))) {
                out.add(arg.substring(0, equals + 1) + REDACTED);
                continue;
            }
            out.add(redactLine(arg));
        }
        return out;
    }

    /** A log line with secret values replaced. */
    public static String redactLine(String line) {
        String result = replaceNamed(line, ASSIGNMENT, 1, 2);
        result = replaceNamed(result, JSON_FIELD, 1, 3);
        result = replaceSecretFlags(result);
        result = BEARER.matcher(result).replaceAll("$1 " + REDACTED);
        return TOKEN_SHAPED.matcher(result).replaceAll(REDACTED);
    }

    private static boolean isSecretFlag(String flag) {
        String name = flag.replaceFirst("^-+", "");
        return !name.isEmpty() && SecretNames.isSecret(name);
    }

    /** Replaces group {@code valueGroup} wherever group {@code nameGroup} is a secret name. */
    private static String replaceNamed(String text, Pattern pattern, int nameGroup, int valueGroup) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            if (SecretNames.isSecret(matcher.group(nameGroup))) {
                out.append(text, last, matcher.start(valueGroup)).append(REDACTED);
                last = matcher.end(valueGroup);
            }
        }
        return out.append(text.substring(last)).toString();
    }

    private static String replaceSecretFlags(String text) {
        Matcher matcher = FLAG_WITH_VALUE.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            if (isSecretFlag(matcher.group(1))) {
                out.append(text, last, matcher.start(3)).append(REDACTED);
                last = matcher.end(3);
            }
        }
        return out.append(text.substring(last)).toString();
    }
}
