package org.mxagent.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One JSON-RPC method of the daemon. Register as an OSGi service with the service property {@link #METHOD}
 * naming the method (e.g. {@code workspace.create}); the daemon picks it up and drops it dynamically.
 *
 * <p>Called on a daemon worker thread, one call at a time per client connection but concurrently across
 * connections. A call that runs longer than the daemon's time budget is interrupted and fails.
 */
@ConsumerType
public interface IpcMethod {

    /** Service property: the JSON-RPC method name this service answers. */
    String METHOD = "mxagent.ipc.method";

    /**
     * Runs the method.
     *
     * @param params the request's {@code params}; an empty object when the request had none
     * @param call the request's context: streaming, the peer, hooks tied to the connection
     * @return the {@code result}; {@code null} is sent as JSON {@code null}
     * @throws IpcException a failure the client should show as it is (message and exit code)
     */
    JsonNode call(JsonNode params, IpcCall call) throws IpcException;
}
