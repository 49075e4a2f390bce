package org.mxagent.cli;

/**
 * What a command accepts, and its help. {@code path} is how it is typed ("daemon start", or "shell" for a
 * group that is itself a command).
 */
record CommandSpec(String path, String synopsis, String summary, String details, String[] flags,
        String[] valuedOptions) {

    String group() {
        int space = path.indexOf(' ');
        return space < 0 ? path : path.substring(0, space);
    }

    /** The word after the group, or "" when the group itself is the command. */
    String name() {
        int space = path.indexOf(' ');
        return space < 0 ? "" : path.substring(space + 1);
    }

    boolean isFlag(String option) {
        return contains(flags, option);
    }

    boolean takesValue(String option) {
        return contains(valuedOptions, option);
    }

    String help() {
        return "Usage: mx-agent " + synopsis + "\n\n" + summary + "\n" + (details.isEmpty() ? "" : "\n" + details)
                + "\nGlobal flags: --json, --socket PATH, --config PATH, -v/-vv/-vvv (see mx-agent --help)\n";
    }

    private static boolean contains(String[] names, String option) {
        for (String name : names) {
            if (name.equals(option)) {
                return true;
            }
        }
        return false;
    }
}
