package org.mxagent.context.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.context.api.ContextException;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;

/** An IPC method backed by the context service; maps its failures to the CLI's exit codes. */
abstract class ContextMethod implements IpcMethod {
    /** A share that failed its integrity or authenticity checks: the CLI's "integrity failure" code. */
    static final int EXIT_REJECTED = 132;

    @Override
    public final JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        try {
            return run(params);
        } catch (ContextException e) {
            throw failure(e);
        }
    }

    abstract JsonNode run(JsonNode params) throws ContextException, IpcException;

    static IpcException failure(ContextException e) {
        return switch (e.kind()) {
            case NOT_LOGGED_IN, NOT_FOUND -> new IpcException(IpcException.NOT_FOUND, e.getMessage(),
                    IpcException.EXIT_NOT_FOUND, null, e);
            case INVALID -> new IpcException(IpcException.INVALID_PARAMS, e.getMessage(), IpcException.EXIT_USAGE,
                    null, e);
            case REJECTED -> new IpcException(IpcException.FAILED, e.getMessage(), EXIT_REJECTED, null, e);
            case FAILED -> IpcException.failed(e.getMessage(), e);
        };
    }
}
