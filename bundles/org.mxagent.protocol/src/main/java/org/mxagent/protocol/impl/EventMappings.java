package org.mxagent.protocol.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mxagent.protocol.api.event.ProtocolEvent;

/** The registry of all event mappings, by type string and by record class. */
public final class EventMappings {
    private static final Map<String, EventMapping<?>> BY_TYPE = new HashMap<>();
    private static final Map<Class<?>, EventMapping<?>> BY_RECORD = new HashMap<>();

    static {
        List<EventMapping<?>> all = new ArrayList<>();
        all.addAll(ExecMappings.all());
        all.addAll(CallMappings.all());
        all.addAll(StreamMappings.all());
        all.addAll(CoordinationMappings.all());
        all.addAll(StateMappings.all());
        for (EventMapping<?> mapping : all) {
            BY_TYPE.put(mapping.type(), mapping);
            BY_RECORD.put(mapping.recordClass(), mapping);
        }
    }

    private EventMappings() {}

    /** The mapping for a type string, or null. */
    public static EventMapping<?> forType(String type) {
        return BY_TYPE.get(type);
    }

    /** The mapping for a record class; every {@link ProtocolEvent} record has one. */
    public static EventMapping<?> forRecord(Class<?> recordClass) {
        EventMapping<?> mapping = BY_RECORD.get(recordClass);
        if (mapping == null) {
            throw new IllegalArgumentException("no codec for " + recordClass.getName());
        }
        return mapping;
    }
}
