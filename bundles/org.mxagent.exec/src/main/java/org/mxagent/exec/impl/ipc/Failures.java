package org.mxagent.exec.impl.ipc;

import org.mxagent.daemon.api.IpcException;
import org.mxagent.exec.impl.requester.DeskException;

/** Desk failures as the CLI sees them: not logged in / not found exit 3, invalid 64, failed 1. */
final class Failures {
    private Failures() {}

    static IpcException of(DeskException e) {
        return switch (e.kind()) {
            case NOT_LOGGED_IN, NOT_FOUND -> new IpcException(IpcException.NOT_FOUND, e.getMessage(),
                    IpcException.EXIT_NOT_FOUND, null, e);
            case INVALID -> new IpcException(IpcException.INVALID_PARAMS, e.getMessage(), IpcException.EXIT_USAGE,
                    null, e);
            case FAILED -> IpcException.failed(e.getMessage(), e);
        };
    }
}
