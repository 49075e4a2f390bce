package org.mxagent.daemon.impl.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.daemon.impl.Params;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MatrixException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code auth.login {homeserver, user, password}}: password login through the transport. Params are never logged. */
@Component(property = IpcMethod.METHOD + "=auth.login")
public final class AuthLoginMethod implements IpcMethod {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MatrixAccount account;

    /** DS injects the account into the field. */
    public AuthLoginMethod() {}

    /** For tests outside OSGi. */
    AuthLoginMethod(MatrixAccount account) {
        this.account = account;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        MatrixAccount current = Accounts.require(account);
        URI homeserver = homeserver(Params.requiredText(params, "homeserver"));
        String user = Params.requiredText(params, "user");
        // The JSON text node cannot be wiped; the char[] handed to the transport is, as soon as it returns.
        char[] password = Params.requiredText(params, "password").toCharArray();
        try {
            return MatrixJson.session(current.login(homeserver, user, password));
        } catch (MatrixException e) {
            throw MatrixErrors.login(homeserver, e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    static URI homeserver(String text) throws IpcException {
        try {
            URI uri = new URI(text);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw IpcException.usage("homeserver must be an http(s) URL, e.g. https://matrix.example.org: " + text);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw IpcException.usage("homeserver is not a URL: " + e.getMessage());
        }
    }
}
