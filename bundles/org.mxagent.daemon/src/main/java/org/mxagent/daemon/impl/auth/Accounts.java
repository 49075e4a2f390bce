package org.mxagent.daemon.impl.auth;

import org.mxagent.daemon.api.IpcException;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MatrixSession;

/** The checks every auth method starts with. */
final class Accounts {
    private Accounts() {}

    /** The transport's account service, or a readable error when this runtime has no transport. */
    static MatrixAccount require(MatrixAccount account) throws IpcException {
        if (account == null) {
            throw IpcException.failed("no Matrix transport in this runtime");
        }
        return account;
    }

    static MatrixSession requireSession(MatrixAccount account) throws IpcException {
        return require(account).session().orElseThrow(() -> IpcException.notFound("not logged in"));
    }
}
