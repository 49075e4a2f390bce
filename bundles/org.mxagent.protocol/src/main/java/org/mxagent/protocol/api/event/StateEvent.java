package org.mxagent.protocol.api.event;

import org.osgi.annotation.versioning.ProviderType;

/** A room state event; {@link #stateKey} is the Matrix state key it is published under. */
@ProviderType
public interface StateEvent extends ProtocolEvent {
    String stateKey();
}
