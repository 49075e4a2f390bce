package org.mxagent.cli;

import java.util.List;
import java.util.Map;

/**
 * A parsed command line. {@code group} and {@code command} are null when not given; {@code options} maps each
 * command option to its values in order (flags map to an empty list); {@code afterDoubleDash} holds everything
 * after a literal "--", untouched.
 */
record CommandLine(boolean json, String socket, String config, int verbosity, boolean version, boolean help,
        String group, CommandSpec command, Map<String, List<String>> options, List<String> positionals,
        List<String> afterDoubleDash) {

    boolean has(String option) {
        return options.containsKey(option);
    }

    /** The option's last value (a repeated single-valued option: the last one wins), or null. */
    String value(String option) {
        List<String> values = options.get(option);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** Every value of a repeatable option, in order. */
    List<String> values(String option) {
        List<String> values = options.get(option);
        return values == null ? List.of() : values;
    }
}
