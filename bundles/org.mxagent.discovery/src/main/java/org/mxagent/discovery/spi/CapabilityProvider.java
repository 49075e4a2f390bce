package org.mxagent.discovery.spi;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Capabilities every hosted agent advertises in {@code agent.v1.capabilities} while this service is registered,
 * besides the ones configured for the agent. Registering or unregistering one republishes the agents' state at
 * once; a provider whose capabilities change registers a new service instead of changing this one's answer.
 */
@ConsumerType
public interface CapabilityProvider {
    /** Capability names, e.g. {@code adapter:claude}; constant for the life of the service. */
    List<String> capabilities();
}
