package org.mxagent.protocol.api.event;

/**
 * Event content that does not match its type: a required field missing, a field of the wrong JSON type or out of
 * range. Names the event type and the field (dotted for nested members, e.g. {@code load.max_invocations}).
 */
public final class MalformedEventException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String eventType;
    private final String field;

    public MalformedEventException(String eventType, String field, String problem) {
        super(eventType + ": " + (field.isEmpty() ? "content" : "field \"" + field + "\"") + " " + problem);
        this.eventType = eventType;
        this.field = field;
    }

    /** The event type, e.g. {@code com.mxagent.exec.finished.v1}. */
    public String eventType() {
        return eventType;
    }

    /** The offending field, or the empty string when the content as a whole is wrong. */
    public String field() {
        return field;
    }
}
