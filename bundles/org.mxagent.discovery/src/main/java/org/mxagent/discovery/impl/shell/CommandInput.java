package org.mxagent.discovery.impl.shell;

import java.util.ArrayList;
import java.util.List;

/** Gogo options arrive as single strings: comma-separated lists are split here. */
final class CommandInput {
    private CommandInput() {}

    static List<String> list(String commaSeparated) {
        List<String> values = new ArrayList<>();
        for (String value : commaSeparated.split(",")) {
            if (!value.isBlank()) {
                values.add(value.trim());
            }
        }
        return values;
    }

    static boolean onOff(String text) {
        if (text.equals("on") || text.equals("off")) {
            return text.equals("on");
        }
        throw new IllegalArgumentException("--e2ee takes on or off, not '" + text + "'");
    }
}
