package org.mxagent.discovery.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.discovery.api.AgentSpec;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.impl.DiscoveryJson;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code agent.register {room, agent_id?, kind?, capabilities?, tools?, cwd?, project_id?, max_invocations?,
 * heartbeat_interval_ms?}}; the result names the signing key the agent publishes, for peers to trust.
 */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=agent.register")
public final class AgentRegisterMethod extends DiscoveryMethod {
    private final AgentRegistry agents;
    private final LocalSigner signer;

    @Activate
    public AgentRegisterMethod(@Reference AgentRegistry agents, @Reference LocalSigner signer) {
        this.agents = agents;
        this.signer = signer;
    }

    @Override
    JsonNode run(JsonNode params) throws DiscoveryException, IpcException {
        AgentSpec spec = new AgentSpec(IpcParams.optional(params, "agent_id", ""),
                IpcParams.required(params, "room"), IpcParams.optional(params, "kind", ""),
                IpcParams.strings(params, "capabilities"), IpcParams.strings(params, "tools"),
                IpcParams.optional(params, "cwd", ""), IpcParams.optional(params, "project_id", ""),
                IpcParams.integer(params, "max_invocations", 1),
                IpcParams.millis(params, "heartbeat_interval_ms", 0));
        ObjectNode result = DiscoveryJson.registration(agents.register(spec));
        result.put("signing_key_id", signer.keyId());
        result.put("fingerprint", signer.fingerprint());
        return result;
    }
}
