package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.protocol.impl.EventMapping;
import org.mxagent.protocol.impl.EventMappings;
import org.mxagent.protocol.impl.FieldReader;

/**
 * Event content JSON ↔ records. Decoding keeps unknown members in {@code extra}; encoding writes nullable
 * fields as explicit {@code null}, leaves optional fields out when absent, and appends {@code extra} last. A
 * decoded event encodes back to JSON equal to what was received, except that a {@code null} for an optional
 * field is dropped and a missing nullable or defaulted field is filled in.
 */
public final class ProtocolCodec {
    private ProtocolCodec() {}

    /** True for the 22 v1 event types this codec maps. */
    public static boolean supports(String type) {
        return EventMappings.forType(type) != null;
    }

    /**
     * Decodes content of a known event type.
     *
     * @throws IllegalArgumentException if {@code type} is not a v1 type (check {@link #supports} first)
     * @throws MalformedEventException if the content does not fit the type
     */
    public static ProtocolEvent decode(String type, JsonNode content) throws MalformedEventException {
        EventMapping<?> mapping = EventMappings.forType(type);
        if (mapping == null) {
            throw new IllegalArgumentException("not a com.mxagent v1 event type: " + type);
        }
        return read(mapping, content);
    }

    /** Decodes content that must be of the type of {@code kind}, e.g. {@code decode(ExecFinished.class, json)}. */
    public static <T extends ProtocolEvent> T decode(Class<T> kind, JsonNode content) throws MalformedEventException {
        return kind.cast(read(EventMappings.forRecord(kind), content));
    }

    /** The content JSON of {@code event}, without any signing (signed types carry their signature if set). */
    public static ObjectNode encode(ProtocolEvent event) {
        return EventMappings.forRecord(event.getClass()).writeAny(event);
    }

    private static ProtocolEvent read(EventMapping<?> mapping, JsonNode content) throws MalformedEventException {
        FieldReader reader = FieldReader.of(mapping.type(), content);
        try {
            return mapping.reader().read(reader);
        } catch (IllegalArgumentException invalid) {
            // a record's own consistency check (e.g. context.share needs exactly one payload form)
            throw new MalformedEventException(mapping.type(), "", invalid.getMessage());
        }
    }
}
