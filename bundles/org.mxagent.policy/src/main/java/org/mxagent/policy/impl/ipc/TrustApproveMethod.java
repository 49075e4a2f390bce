package org.mxagent.policy.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.policy.api.TrustStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code trust.approve {agent_id, key_id}} → the entry: a local record ({@code trusted_by} = {@code local:<os
 * user>}, as the Gogo command writes it), which outranks every room grant and re-enables a revoked key.
 */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=trust.approve")
public final class TrustApproveMethod implements IpcMethod {
    private final TrustStore trust;
    private final String operator;

    @Activate
    public TrustApproveMethod(@Reference TrustStore trust) {
        this(trust, "local:" + System.getProperty("user.name"));
    }

    TrustApproveMethod(TrustStore trust, String operator) {
        this.trust = trust;
        this.operator = operator;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        String agentId = TrustParams.agentId(params);
        String keyId = TrustParams.keyId(params);
        try {
            return TrustJson.entry(trust.approve(agentId, keyId, operator));
        } catch (IllegalArgumentException invalid) {
            throw new IpcException(IpcException.INVALID_PARAMS, invalid.getMessage(), IpcException.EXIT_USAGE, null,
                    invalid);
        } catch (IOException e) {
            throw IpcException.failed("cannot write the trust store: " + e.getMessage(), e);
        }
    }
}
