package org.mxagent.policy.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.policy.api.TrustStore;
import org.mxagent.protocol.api.ProtocolJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code trust.list {}} → {@code {entries: [entry…]}}, in the order they were first recorded. */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=trust.list")
public final class TrustListMethod implements IpcMethod {
    private final TrustStore trust;

    @Activate
    public TrustListMethod(@Reference TrustStore trust) {
        this.trust = trust;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) {
        ObjectNode result = ProtocolJson.newObject();
        result.set("entries", TrustJson.entries(trust.list()));
        return result;
    }
}
