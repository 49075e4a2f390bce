package org.mxagent.cli;

/** {@code --timeout} values: {@code 1500ms}, {@code 90s}, {@code 5m}, {@code 2h}, or a bare number of seconds. */
final class Durations {
    private Durations() {}

    static long millis(String text, String option, String helpTopic) throws UsageException {
        String value = text.trim();
        long unit = 1000;
        String digits = value;
        if (value.endsWith("ms")) {
            unit = 1;
            digits = value.substring(0, value.length() - 2);
        } else if (value.endsWith("s")) {
            digits = value.substring(0, value.length() - 1);
        } else if (value.endsWith("m")) {
            unit = 60_000;
            digits = value.substring(0, value.length() - 1);
        } else if (value.endsWith("h")) {
            unit = 3_600_000;
            digits = value.substring(0, value.length() - 1);
        }
        try {
            long amount = Long.parseLong(digits);
            if (amount <= 0 || amount > Long.MAX_VALUE / unit) {
                throw new NumberFormatException("out of range");
            }
            return amount * unit;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a positive duration such as 90s, 5m or 1500ms, not '" + text
                    + "'", helpTopic);
        }
    }
}
