package org.mxagent.transport.api.e2ee;

import org.mxagent.transport.api.MatrixSession;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An end-to-end encryption implementation, registered as an OSGi service. A transport binds it optionally,
 * dynamically and greedily, and opens one machine per session it runs.
 */
@ConsumerType
public interface E2eeProvider {

    /**
     * Opens the crypto state of one device, creating its identity keys on first use; the state is durable
     * across restarts. The caller closes the machine when the session ends or the provider goes away.
     *
     * @throws E2eeException if the store cannot be opened or its keys cannot be read
     */
    E2eeMachine open(MatrixSession session) throws E2eeException;
}
