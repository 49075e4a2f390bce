package org.mxagent.discovery.impl.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Options of the hyphenated commands. Gogo hands a {@code _main} method the raw words (its {@code @Parameter}
 * option parsing does not apply there), so {@code --name value} pairs are parsed here; anything else is
 * positional.
 */
final class CommandOptions {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private CommandOptions() {}

    /** {@code known} maps each accepted spelling ({@code -l}, {@code --level}) to its canonical name. */
    static CommandOptions parse(Object[] words, Map<String, String> known) {
        CommandOptions options = new CommandOptions();
        for (int i = 0; i < words.length; i++) {
            String word = String.valueOf(words[i]);
            if (word.startsWith("-") && word.length() > 1) {
                String name = known.get(word);
                if (name == null) {
                    throw new IllegalArgumentException("unknown option " + word + "; options: "
                            + Set.copyOf(known.keySet()));
                }
                if (i + 1 >= words.length) {
                    throw new IllegalArgumentException("option " + word + " needs a value");
                }
                options.values.put(name, String.valueOf(words[++i]));
            } else {
                options.positional.add(word);
            }
        }
        return options;
    }

    String get(String name, String absent) {
        return values.getOrDefault(name, absent);
    }

    int integer(String name, int absent) {
        String value = values.get(name);
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a number, not '" + value + "'");
        }
    }

    /** Exactly {@code names.length} positional words, else a usage error naming them. */
    List<String> positional(String... names) {
        if (positional.size() != names.length) {
            throw new IllegalArgumentException("expected " + String.join(" ", names.length == 0 ? new String[] {"no"
                    + " arguments"} : names) + " after the options, got " + positional);
        }
        return positional;
    }

    List<String> rest() {
        return positional;
    }
}
