package org.mxagent.daemon.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.mxagent.daemon.api.IpcMethod;

/**
 * The methods the daemon answers, by name. Services come and go at any time; when two services claim one
 * name the higher {@code service.ranking} wins (then the older service), as OSGi does for service lookups.
 */
public final class MethodRegistry {
    private static final String RANKING = "service.ranking";
    private static final String SERVICE_ID = "service.id";

    private final Map<String, List<Entry>> byName = new HashMap<>();

    /** Adds {@code method} under the name in its {@link IpcMethod#METHOD} property; false if it has none. */
    public synchronized boolean add(IpcMethod method, Map<String, ?> properties) {
        String name = nameOf(properties);
        if (name == null) {
            return false;
        }
        List<Entry> entries = byName.computeIfAbsent(name, key -> new ArrayList<>());
        entries.add(new Entry(method, ranking(properties), serviceId(properties)));
        entries.sort(Entry.PREFERRED_FIRST);
        return true;
    }

    public synchronized void remove(IpcMethod method, Map<String, ?> properties) {
        String name = nameOf(properties);
        List<Entry> entries = name == null ? null : byName.get(name);
        if (entries == null) {
            return;
        }
        entries.removeIf(entry -> entry.method == method);
        if (entries.isEmpty()) {
            byName.remove(name);
        }
    }

    public synchronized Optional<IpcMethod> find(String name) {
        List<Entry> entries = byName.get(name);
        return entries == null ? Optional.empty() : Optional.of(entries.get(0).method);
    }

    public synchronized SortedSet<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    static String nameOf(Map<String, ?> properties) {
        Object name = properties.get(IpcMethod.METHOD);
        return name instanceof String text && !text.isBlank() ? text : null;
    }

    private static int ranking(Map<String, ?> properties) {
        return properties.get(RANKING) instanceof Integer ranking ? ranking : 0;
    }

    private static long serviceId(Map<String, ?> properties) {
        return properties.get(SERVICE_ID) instanceof Long id ? id : Long.MAX_VALUE;
    }

    private record Entry(IpcMethod method, int ranking, long serviceId) {
        static final Comparator<Entry> PREFERRED_FIRST = Comparator.comparingInt(Entry::ranking).reversed()
                .thenComparingLong(Entry::serviceId);
    }
}
