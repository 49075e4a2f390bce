package org.mxagent.discovery.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.discovery.api.DiscoveryException;

/** An IPC method backed by the discovery services; maps their failures to the CLI's exit codes. */
abstract class DiscoveryMethod implements IpcMethod {

    @Override
    public final JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        try {
            return run(params);
        } catch (DiscoveryException e) {
            throw failure(e);
        }
    }

    abstract JsonNode run(JsonNode params) throws DiscoveryException, IpcException;

    static IpcException failure(DiscoveryException e) {
        return switch (e.kind()) {
            case NOT_LOGGED_IN, NOT_FOUND -> new IpcException(IpcException.NOT_FOUND, e.getMessage(),
                    IpcException.EXIT_NOT_FOUND, null, e);
            case INVALID -> new IpcException(IpcException.INVALID_PARAMS, e.getMessage(), IpcException.EXIT_USAGE,
                    null, e);
            case FAILED -> IpcException.failed(e.getMessage(), e);
        };
    }
}
