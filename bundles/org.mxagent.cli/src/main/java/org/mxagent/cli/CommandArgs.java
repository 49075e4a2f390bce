package org.mxagent.cli;

import java.util.List;

/**
 * Reading a command's options and operands (the words after the command) with usage errors (exit 64) that say
 * what was expected and point at the command's help.
 */
final class CommandArgs {
    private CommandArgs() {}

    /** The option's value; a usage error naming {@code placeholder} when it is missing or blank. */
    static String required(Invocation inv, String option, String placeholder) throws UsageException {
        String value = inv.line.value(option);
        if (value == null || value.isBlank()) {
            throw usage(inv, "mx-agent " + path(inv) + " needs " + option + " " + placeholder);
        }
        return value.strip();
    }

    /** The option's value, or null when it was not given; a blank value is a usage error. */
    static String optional(Invocation inv, String option) throws UsageException {
        String value = inv.line.value(option);
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw usage(inv, "option " + option + " needs a non-empty value");
        }
        return value.strip();
    }

    /** A room id ({@code !opaque[:server]}) or alias ({@code #name:server}); anything else is a usage error. */
    static String room(Invocation inv, String value) throws UsageException {
        if (!isRoom(value)) {
            throw usage(inv, "not a room id or alias: '" + value + "' (a room is !id:server or #alias:server)");
        }
        return value;
    }

    static boolean isRoom(String value) {
        return value != null && value.length() > 1 && (value.charAt(0) == '!' || value.charAt(0) == '#')
                && value.chars().noneMatch(Character::isWhitespace);
    }

    /** {@code --room ROOM}, required and checked. */
    static String requiredRoom(Invocation inv) throws UsageException {
        return room(inv, required(inv, "--room", "ROOM"));
    }

    /** {@code --room ROOM} if given (checked), else null. */
    static String optionalRoom(Invocation inv) throws UsageException {
        String room = optional(inv, "--room");
        return room == null ? null : room(inv, room);
    }

    /** An integer option within [min, max], or {@code absent} when not given. */
    static Long integer(Invocation inv, String option, long min, long max, Long absent) throws UsageException {
        String value = optional(inv, option);
        if (value == null) {
            return absent;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw usage(inv, option + " must be a whole number, got '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw usage(inv, option + " must be between " + min + " and " + max + ", got " + parsed);
        }
        return parsed;
    }

    /** The option's value if it is one of {@code allowed}, null when not given. */
    static String oneOf(Invocation inv, String option, String... allowed) throws UsageException {
        String value = optional(inv, option);
        if (value == null) {
            return null;
        }
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw usage(inv, option + " must be " + String.join(" or ", allowed) + ", got '" + value + "'");
    }

    /** Every value of a repeatable option, each non-blank. */
    static List<String> repeated(Invocation inv, String option) throws UsageException {
        List<String> values = inv.line.values(option);
        for (String value : values) {
            if (value.isBlank()) {
                throw usage(inv, "option " + option + " needs a non-empty value");
            }
        }
        return values.stream().map(String::strip).toList();
    }

    /**
     * The operands (words after the command), between {@code min} and {@code max} of them; {@code names} says
     * what they are in messages ("ROOM"). Nothing may follow a literal "--".
     */
    static List<String> operands(Invocation inv, int min, int max, String names) throws UsageException {
        List<String> operands = inv.line.positionals();
        if (!inv.line.afterDoubleDash().isEmpty()) {
            throw usage(inv, "mx-agent " + path(inv) + " takes no arguments after --");
        }
        if (operands.size() > max) {
            throw usage(inv, "unexpected argument '" + operands.get(max) + "'"
                    + (max == 0 ? "" : " (mx-agent " + path(inv) + " takes " + names + ")"));
        }
        if (operands.size() < min) {
            throw usage(inv, "mx-agent " + path(inv) + " needs " + names);
        }
        return operands;
    }

    static UsageException usage(Invocation inv, String message) {
        return new UsageException(message, path(inv));
    }

    private static String path(Invocation inv) {
        return inv.line.command().path();
    }
}
