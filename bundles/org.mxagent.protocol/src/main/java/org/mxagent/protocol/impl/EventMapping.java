package org.mxagent.protocol.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolEvent;

/** How one event type maps between content JSON and its record. */
public record EventMapping<T extends ProtocolEvent>(String type, Class<T> recordClass, Reader<T> reader,
        Writer<T> writer) {

    /** Reads a record from a reader over the content. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(FieldReader reader) throws MalformedEventException;
    }

    /** Writes a record as content JSON. */
    @FunctionalInterface
    public interface Writer<T> {
        ObjectNode write(T event);
    }

    static <T extends ProtocolEvent> EventMapping<T> of(String type, Class<T> recordClass, Reader<T> reader,
            Writer<T> writer) {
        return new EventMapping<>(type, recordClass, reader, writer);
    }

    /** Writes {@code event}, which must be a {@link #recordClass}. */
    public ObjectNode writeAny(ProtocolEvent event) {
        return writer.write(recordClass.cast(event));
    }
}
