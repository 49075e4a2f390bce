package org.mxagent.policy.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.policy.api.TrustStore;
import org.mxagent.protocol.api.ProtocolJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code trust.revoke {key_id}} → {@code {key_id, revoked: [entry…]}}: every entry of the key, local or room grant;
 * no room grant can re-enable it afterwards (only a local approve). A key with no entry is "not found" (exit 3).
 */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=trust.revoke")
public final class TrustRevokeMethod implements IpcMethod {
    private final TrustStore trust;

    @Activate
    public TrustRevokeMethod(@Reference TrustStore trust) {
        this.trust = trust;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        String keyId = TrustParams.keyId(params);
        if (trust.list().stream().noneMatch(entry -> entry.keyId().equals(keyId))) {
            throw IpcException.notFound("no trust entry has key id " + keyId + " (see mx-agent trust list)");
        }
        ObjectNode result = ProtocolJson.newObject().put("key_id", keyId);
        try {
            result.set("revoked", TrustJson.entries(trust.revoke(keyId)));
        } catch (IllegalArgumentException gone) {
            // Revoke found no entry after all: another call changed the store in between.
            throw new IpcException(IpcException.NOT_FOUND, gone.getMessage(), IpcException.EXIT_NOT_FOUND, null, gone);
        } catch (IOException e) {
            throw IpcException.failed("cannot write the trust store: " + e.getMessage(), e);
        }
        return result;
    }
}
