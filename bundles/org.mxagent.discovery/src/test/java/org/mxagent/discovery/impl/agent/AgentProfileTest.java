package org.mxagent.discovery.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.event.AgentState;
import org.mxagent.protocol.api.event.Heartbeat;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.sign.EventSigner;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.protocol.api.sign.PublicKeys;
import org.mxagent.protocol.api.sign.SigningKey;
import org.mxagent.transport.api.MatrixSession;

class AgentProfileTest {
    private final SigningKey key = SigningKey.generate();
    private final LocalSigner signer = new LocalSigner() {
        @Override
        public String keyId() {
            return key.keyId();
        }

        @Override
        public String publicKeyBase64() {
            return key.publicKeyBase64();
        }

        @Override
        public String fingerprint() {
            return key.fingerprint();
        }

        @Override
        public ObjectNode sign(ObjectNode content) throws CanonicalJsonException {
            return EventSigner.sign(content, key);
        }
    };
    private final MatrixSession session = new MatrixSession(URI.create("http://hs"), "@a:hs", "DEV1");

    @Test
    void agentStateCarriesTheSessionTheKeyAndTheProfile() throws Exception {
        AgentProfile profile = new AgentProfile("agt_X", "claude", List.of("shell"), List.of("run_tests@1"), "/src",
                "", 2, 30_000);
        AgentState state = profile.state(session, signer, AgentProfile.ONLINE, 1234, 7, 0);
        assertEquals("@a:hs", state.matrixUserId());
        assertEquals("DEV1", state.deviceId());
        assertEquals(key.keyId(), state.signingKeyId());
        assertTrue(PublicKeys.matchesKeyId(state.signingPublicKey(), state.signingKeyId()));
        assertEquals("online", state.status());
        assertEquals(1234, state.lastSeenTs());
        assertEquals(7, state.stateRev());
        assertEquals(2, state.load().maxInvocations());
        assertEquals(0, state.load().runningInvocations());
        assertEquals("/src", state.workspace().cwd());
        assertNull(state.workspace().projectId(), "empty means unset: null on the wire");
        assertEquals(state, ProtocolCodec.decode(AgentState.class, ProtocolCodec.encode(state)));
    }

    @Test
    void withoutCwdOrProjectTheWorkspaceIsNull() {
        AgentState state = new AgentProfile("agt_X", "generic", List.of(), List.of(), "", "", 1, 30_000).state(session,
                signer, "online", 1, 0, 2);
        assertNull(state.workspace());
        assertEquals(2, state.load().runningInvocations(), "the runtime's real count");
    }

    @Test
    void heartbeatsSayOnlineWithTheLoad() {
        Heartbeat heartbeat = new AgentProfile("agt_X", "generic", List.of(), List.of(), "", "", 4, 30_000)
                .heartbeat(99, 3);
        assertEquals("agt_X", heartbeat.agentId());
        assertEquals("online", heartbeat.status());
        assertEquals(99, heartbeat.ts());
        assertEquals(4, heartbeat.load().maxInvocations());
        assertEquals(3, heartbeat.load().runningInvocations(), "the runtime's real count");
    }

    @Test
    void agentStateAdvertisesTheHeartbeatPeriodAsAnAdditiveField() throws Exception {
        AgentState state = new AgentProfile("agt_X", "generic", List.of(), List.of(), "", "", 1, 2_000).state(session,
                signer, "online", 1, 0, 0);
        ObjectNode wire = ProtocolCodec.encode(state);
        assertEquals(2_000, wire.path("heartbeat_interval_ms").asLong(), wire::toString);
        AgentState decoded = ProtocolCodec.decode(AgentState.class, wire);
        assertEquals(java.util.OptionalLong.of(2_000),
                org.mxagent.discovery.impl.liveness.HeartbeatInterval.advertised(decoded));
    }
}
