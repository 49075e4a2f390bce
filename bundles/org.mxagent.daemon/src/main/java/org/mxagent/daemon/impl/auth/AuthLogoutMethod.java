package org.mxagent.daemon.impl.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.daemon.impl.JsonRpc;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.MatrixSession;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code auth.logout}: ends the session on the server and forgets it locally. */
@Component(property = IpcMethod.METHOD + "=auth.logout")
public final class AuthLogoutMethod implements IpcMethod {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MatrixAccount account;

    /** DS injects the account into the field. */
    public AuthLogoutMethod() {}

    /** For tests outside OSGi. */
    AuthLogoutMethod(MatrixAccount account) {
        this.account = account;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        MatrixAccount current = Accounts.require(account);
        MatrixSession session = Accounts.requireSession(current);
        try {
            current.logout();
        } catch (MatrixException e) {
            throw MatrixErrors.other("logout", session.homeserver(), e);
        }
        ObjectNode result = JsonRpc.MAPPER.createObjectNode();
        result.put("logged_out", true);
        result.put("user_id", session.userId());
        return result;
    }
}
