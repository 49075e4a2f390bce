package org.mxagent.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code mx-agent [GLOBAL] <group> <command> [OPTIONS]} in one left-to-right pass. Global flags are
 * recognised anywhere before a literal "--"; a command's own options only after the command; an option's value
 * is the next word (or follows '='), taken as is.
 */
final class ArgumentParser {
    private boolean json;
    private String socket;
    private String config;
    private int verbosity;
    private boolean version;
    private boolean help;
    private String group;
    private CommandSpec command;
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positionals = new ArrayList<>();
    private final List<String> afterDoubleDash = new ArrayList<>();

    private ArgumentParser() {}

    static CommandLine parse(String[] args) throws UsageException {
        ArgumentParser parser = new ArgumentParser();
        parser.run(args);
        if (parser.group != null && parser.command == null) {
            // "mx-agent shell": a group that is itself a command needs no second word.
            parser.command = Commands.find(parser.group, "");
        }
        return new CommandLine(parser.json, parser.socket, parser.config, parser.verbosity, parser.version,
                parser.help, parser.group, parser.command, parser.options, parser.positionals,
                parser.afterDoubleDash);
    }

    private void run(String[] args) throws UsageException {
        int i = 0;
        while (i < args.length) {
            String arg = args[i++];
            if (arg.equals("--")) {
                while (i < args.length) {
                    afterDoubleDash.add(args[i++]);
                }
                return;
            }
            String name = optionName(arg);
            String inlineValue = inlineValue(arg);
            if (name.equals("--socket") || name.equals("--config")) {
                String value = inlineValue != null ? inlineValue : valueAfter(name, args, i++);
                if (name.equals("--socket")) {
                    socket = value;
                } else {
                    config = value;
                }
            } else if (inlineValue == null && globalFlag(arg)) {
                continue;
            } else if (arg.length() > 1 && arg.charAt(0) == '-') {
                i = commandOption(name, inlineValue, args, i);
            } else {
                word(arg);
            }
        }
    }

    /** Handles a global flag without a value; false if {@code arg} is not one. */
    private boolean globalFlag(String arg) {
        switch (arg) {
            case "--json":
                json = true;
                return true;
            case "--version":
                version = true;
                return true;
            case "--help":
            case "-h":
                help = true;
                return true;
            default:
                if (isVerbosity(arg)) {
                    verbosity += arg.length() - 1;
                    return true;
                }
                return false;
        }
    }

    private int commandOption(String name, String inlineValue, String[] args, int next) throws UsageException {
        if (command == null && group != null) {
            // A group that is itself a command ("shell -c ...") takes options right after its name.
            command = Commands.find(group, "");
        }
        if (command == null) {
            throw new UsageException("unknown option " + name + (group == null ? "" : " for mx-agent " + group),
                    group == null ? "" : group);
        }
        if (command.isFlag(name)) {
            if (inlineValue != null) {
                throw usage(name + " takes no value");
            }
            valuesOf(name);
            return next;
        }
        if (!command.takesValue(name)) {
            throw usage("unknown option " + name + " for mx-agent " + command.path());
        }
        String value = inlineValue != null ? inlineValue : valueAfter(name, args, next++);
        valuesOf(name).add(value);
        return next;
    }

    private void word(String arg) throws UsageException {
        if (group == null) {
            if (!Commands.isGroup(arg)) {
                throw new UsageException("unknown command '" + arg + "'", "");
            }
            group = arg;
            return;
        }
        if (command == null) {
            command = Commands.find(group, arg);
            if (command != null) {
                return;
            }
            command = Commands.find(group, "");
            if (command == null) {
                throw new UsageException("unknown command 'mx-agent " + group + " " + arg + "'", group);
            }
        }
        positionals.add(arg);
    }

    private String valueAfter(String option, String[] args, int index) throws UsageException {
        if (index >= args.length) {
            throw usage("option " + option + " needs a value");
        }
        return args[index];
    }

    private UsageException usage(String message) {
        return new UsageException(message, command != null ? command.path() : group == null ? "" : group);
    }

    private static boolean isVerbosity(String arg) {
        if (arg.length() < 2 || arg.charAt(0) != '-') {
            return false;
        }
        for (int i = 1; i < arg.length(); i++) {
            if (arg.charAt(i) != 'v') {
                return false;
            }
        }
        return true;
    }

    /** "--user=alice" → "--user"; anything else unchanged. */
    private static String optionName(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 2 ? arg.substring(0, equals) : arg;
    }

    private static String inlineValue(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 2 ? arg.substring(equals + 1) : null;
    }

    private List<String> valuesOf(String option) {
        List<String> values = options.get(option);
        if (values == null) {
            values = new ArrayList<>(1);
            options.put(option, values);
        }
        return values;
    }
}
