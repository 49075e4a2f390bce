package org.mxagent.e2e.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The output of Gogo {@code mx:sync}: either the full report ({@code account:}, {@code state:}, {@code since
 * token:}, …, one {@code label: value} per line) or a one-line {@code sync: not logged in} / {@code sync: starting}.
 */
public record SyncReport(String text, Map<String, String> fields) {
    public static SyncReport parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith(" ")) {
                fields.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return new SyncReport(text, Map.copyOf(fields));
    }

    /** "running" / "stopped", or null when the report is the one-line form. */
    public String state() {
        return fields.get("state");
    }

    public boolean isRunning() {
        return "running".equals(state());
    }

    /** "@user:server on http://…", or null. */
    public String account() {
        return fields.get("account");
    }

    /** True if the report's account line names {@code userId}. */
    public boolean isFor(String userId) {
        String account = account();
        return account != null && account.startsWith(userId + " on ");
    }

    @Override
    public String toString() {
        return text;
    }
}
