package org.mxagent.pty4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits an OSGi manifest header into clauses: package name → its attributes and directives as written. */
final class ManifestHeaders {
    private ManifestHeaders() {}

    static Map<String, String> clauses(String header) {
        Map<String, String> clauses = new LinkedHashMap<>();
        for (String clause : splitOutsideQuotes(header, ',')) {
            int semicolon = clause.indexOf(';');
            String name = (semicolon < 0 ? clause : clause.substring(0, semicolon)).trim();
            clauses.put(name, semicolon < 0 ? "" : clause.substring(semicolon + 1).trim());
        }
        return clauses;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
