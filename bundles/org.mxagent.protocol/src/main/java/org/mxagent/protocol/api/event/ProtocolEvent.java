package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The content of one com.mxagent v1 event, as a record. Record components follow the wire's three presence rules:
 * a required member is a non-null component; a nullable member (always sent, {@code null} when unset) is a plain
 * reference that may be {@code null}; an optional member (left out when unset) is an {@link java.util.Optional}.
 * Defaulted members (protocol.md's {@code agent.v1.kind}, {@code load}, pty pixel sizes; by our choice also absent
 * lists) are filled in on decode and always written.
 */
@ProviderType
public interface ProtocolEvent {
    /** The event type, one of {@link EventTypes}. */
    String type();

    /**
     * Members this version does not know, kept in received order and written back on encode: they are part of
     * the signed bytes, so dropping them would break a signature.
     */
    Map<String, JsonNode> extra();
}
