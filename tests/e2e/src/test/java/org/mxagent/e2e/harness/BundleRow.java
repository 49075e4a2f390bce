package org.mxagent.e2e.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;

/**
 * One row of Gogo's {@code lb} table ({@code   21|Active     |    1|org.mxagent.transport.syncv2 (0.1.0.x)|0.1.0.x}).
 * {@code name} is the bundle name with {@code lb}, the symbolic name with {@code lb -s}.
 */
public record BundleRow(long id, String state, int level, String name, String version) {
    private static final Pattern ROW = Pattern.compile("^\\s*(\\d+)\\|([^|]*)\\|\\s*(\\d+)\\|(.*)\\|([^|]*)$");
    private static final Pattern NAME_AND_VERSION = Pattern.compile("^(.*) \\(([^()]*)\\)$");

    public boolean isActive() {
        return "Active".equals(state);
    }

    /**
     * Parses the whole output of {@code lb}; the "START LEVEL" line and the header are skipped, any other line
     * that is not a bundle row fails (so a changed format is noticed rather than silently read as fewer rows).
     */
    public static List<BundleRow> parseTable(String lbOutput) {
        List<BundleRow> rows = new ArrayList<>();
        boolean sawHeader = false;
        for (String line : lbOutput.lines().toList()) {
            if (line.isBlank() || line.startsWith("START LEVEL")) {
                continue;
            }
            if (line.strip().startsWith("ID|State")) {
                sawHeader = true;
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                throw new AssertionFailedError("not a row of the lb table: '" + line + "' in:\n" + lbOutput);
            }
            String nameColumn = row.group(4).strip();
            Matcher nameAndVersion = NAME_AND_VERSION.matcher(nameColumn);
            String name = nameAndVersion.matches() ? nameAndVersion.group(1) : nameColumn;
            rows.add(new BundleRow(Long.parseLong(row.group(1)), row.group(2).strip(), Integer.parseInt(row.group(3)),
                    name, row.group(5).strip()));
        }
        if (!sawHeader || rows.isEmpty()) {
            throw new AssertionFailedError("no lb table (header 'ID|State|…' and rows) in:\n" + lbOutput);
        }
        return List.copyOf(rows);
    }
}
