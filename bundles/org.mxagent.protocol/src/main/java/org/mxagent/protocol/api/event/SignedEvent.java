package org.mxagent.protocol.api.event;

import java.util.Optional;
import org.mxagent.protocol.api.sign.EventSignature;
import org.osgi.annotation.versioning.ProviderType;

/** An event type that carries a {@code signature} member (omitted when absent, never {@code null}). */
@ProviderType
public interface SignedEvent extends ProtocolEvent {
    Optional<EventSignature> signature();
}
