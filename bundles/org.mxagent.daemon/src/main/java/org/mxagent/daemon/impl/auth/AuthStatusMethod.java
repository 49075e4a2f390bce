package org.mxagent.daemon.impl.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.transport.api.MatrixAccount;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code auth.status}: who the runtime is logged in as; "not logged in" (exit 3) otherwise. */
@Component(property = IpcMethod.METHOD + "=auth.status")
public final class AuthStatusMethod implements IpcMethod {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MatrixAccount account;

    /** DS injects the account into the field. */
    public AuthStatusMethod() {}

    /** For tests outside OSGi. */
    AuthStatusMethod(MatrixAccount account) {
        this.account = account;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        ObjectNode status = MatrixJson.session(Accounts.requireSession(account));
        status.put("logged_in", true);
        return status;
    }
}
