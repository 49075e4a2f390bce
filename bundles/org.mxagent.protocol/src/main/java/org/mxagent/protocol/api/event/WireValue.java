package org.mxagent.protocol.api.event;

/** An enum constant with a fixed wire spelling. */
public interface WireValue {
    /** The string as it appears in event content. */
    String wire();
}
