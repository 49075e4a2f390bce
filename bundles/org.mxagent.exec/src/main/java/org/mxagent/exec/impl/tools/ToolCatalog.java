package org.mxagent.exec.impl.tools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.mxagent.tool.spi.Tool;

/**
 * The tools this runtime offers: every {@link Tool} service, as they come and go. A call names {@code name} (the
 * highest version offered) or {@code name@version} (exactly that version: an unknown version is refused, never
 * served by another one).
 */
public final class ToolCatalog {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern VERSION = Pattern.compile("[^@\\s]+");

    private final List<Tool> tools = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** False (and not offered) if the tool's name or version is not well formed. */
    public boolean add(Tool tool) {
        if (!wellFormed(tool)) {
            return false;
        }
        tools.add(tool);
        changed();
        return true;
    }

    public void remove(Tool tool) {
        if (tools.remove(tool)) {
            changed();
        }
    }

    /** Called after every change (from the thread that made it). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Every tool, ordered by name then version. */
    public List<Tool> all() {
        List<Tool> sorted = new ArrayList<>(tools);
        sorted.sort(Comparator.comparing(Tool::name).thenComparing(Tool::version, ToolCatalog::compareVersions));
        return sorted;
    }

    /** {@code name@version} keys of every tool. */
    public List<String> keys() {
        return all().stream().map(ToolCatalog::key).toList();
    }

    /**
     * The tool a call names.
     *
     * @return the tool, or empty for an unknown name or version (see {@link #whyNot})
     */
    public Optional<Tool> resolve(String requested) {
        int at = requested.indexOf('@');
        String name = at < 0 ? requested : requested.substring(0, at);
        Optional<String> version = at < 0 ? Optional.empty() : Optional.of(requested.substring(at + 1));
        return all().stream().filter(t -> t.name().equals(name))
                .filter(t -> version.isEmpty() || t.version().equals(version.get()))
                .reduce((lower, higher) -> higher);
    }

    /** Why {@link #resolve} found nothing, for the caller. */
    public String whyNot(String requested) {
        int at = requested.indexOf('@');
        String name = at < 0 ? requested : requested.substring(0, at);
        List<String> versions = all().stream().filter(t -> t.name().equals(name)).map(Tool::version).toList();
        if (versions.isEmpty()) {
            return "unknown tool " + name;
        }
        return "unknown version " + requested.substring(at + 1) + " of tool " + name + " (offered: "
                + String.join(", ", versions) + ")";
    }

    public static String key(Tool tool) {
        return tool.name() + "@" + tool.version();
    }

    static boolean wellFormed(Tool tool) {
        return tool.name() != null && NAME.matcher(tool.name()).matches() && tool.version() != null
                && VERSION.matcher(tool.version()).matches();
    }

    /** Numeric parts compare as numbers ({@code 1.10 > 1.9}), others as text. */
    static int compareVersions(String a, String b) {
        String[] left = a.split("[.\\-+]");
        String[] right = b.split("[.\\-+]");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int order = comparePart(left[i], right[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static int comparePart(String a, String b) {
        boolean numeric = a.matches("\\d{1,9}") && b.matches("\\d{1,9}");
        return numeric ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b)) : a.compareTo(b);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
