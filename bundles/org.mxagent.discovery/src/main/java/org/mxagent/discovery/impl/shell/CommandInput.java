package org.mxagent.discovery.impl.shell;

import java.util.ArrayList;
import java.util.List;

/** Gogo options arrive as single strings: comma-separated lists and durations are parsed here. */
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

    /**
     * A duration as the CLI spells it ({@code 1500ms}, {@code 2s}, {@code 5m}, {@code 1h}, a bare number is
     * seconds) in milliseconds; empty is 0 ("not given").
     */
    static long millis(String text, String option) {
        String value = text.trim();
        if (value.isEmpty()) {
            return 0;
        }
        long unit = 1_000;
        String digits = value;
        if (value.endsWith("ms")) {
            unit = 1;
            digits = value.substring(0, value.length() - 2);
        } else if (value.endsWith("s") || value.endsWith("m") || value.endsWith("h")) {
            unit = switch (value.charAt(value.length() - 1)) {
                case 'm' -> 60_000;
                case 'h' -> 3_600_000;
                default -> 1_000;
            };
            digits = value.substring(0, value.length() - 1);
        }
        try {
            long amount = Long.parseLong(digits);
            if (amount <= 0 || amount > Long.MAX_VALUE / unit) {
                throw new NumberFormatException("out of range");
            }
            return amount * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a positive duration such as 2s, 5m or 1500ms, not '"
                    + text + "'");
        }
    }

    static boolean onOff(String text) {
        if (text.equals("on") || text.equals("off")) {
            return text.equals("on");
        }
        throw new IllegalArgumentException("--e2ee takes on or off, not '" + text + "'");
    }
}
