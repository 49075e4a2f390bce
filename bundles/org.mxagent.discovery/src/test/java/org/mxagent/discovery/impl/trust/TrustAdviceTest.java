package org.mxagent.discovery.impl.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.mxagent.policy.api.TrustEntry;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.TrustState;
import org.mxagent.protocol.api.event.TrustStatus;
import org.mxagent.transport.api.RoomEvent;

class TrustAdviceTest {
    static final String AGENT = "agt_01HZY3M6W8K9Q2R4T5V7X9Z1AB";
    static final String KEY = "mxagent-ed25519:" + "A".repeat(42) + "0";

    private final List<RoomEvent> state = new ArrayList<>();

    @Test
    void aLocalRecordBecomesTrustV1VouchedForByThePublisher() {
        TrustEntry trusted = new TrustEntry(AGENT, KEY, "SHA256:f", org.mxagent.policy.api.TrustStatus.TRUSTED,
                Optional.empty(), "local:alice", 1_750_000_000L, OptionalLong.empty());
        TrustState state = TrustAdvice.of(trusted, "@alice:x");
        assertEquals(AGENT + "|" + KEY, state.stateKey());
        assertEquals(TrustStatus.TRUSTED, state.status());
        assertEquals("@alice:x", state.trustedBy(), "the room sees the vouching account, not the OS user");
        assertEquals(1_750_000_000L, state.createdAt());
        assertNull(state.expiresAt());
        assertNull(state.revokedAt());

        TrustEntry revoked = new TrustEntry(AGENT, KEY, "SHA256:f", org.mxagent.policy.api.TrustStatus.REVOKED,
                Optional.empty(), "local:alice", 1L, OptionalLong.of(5L));
        assertEquals(TrustStatus.REVOKED, TrustAdvice.of(revoked, "@alice:x").status());
        assertEquals(5L, TrustAdvice.of(revoked, "@alice:x").revokedAt());
    }

    @Test
    void aRoomsEntriesAreReadAndBadOnesRefusedWithWhy() throws Exception {
        TrustState good = new TrustState(AGENT, KEY, "SHA256:f", TrustStatus.TRUSTED, "@alice:x", 1, null, null,
                java.util.Map.of());
        add("@alice:x", good.stateKey(), ProtocolCodec.encode(good));
        add("@eve:x", "agt_X|" + KEY, ProtocolCodec.encode(good));
        add("@eve:x", "broken", ProtocolJson.parseObject("{\"agent_id\":\"a\"}"));
        add("@bob:x", "gone", ProtocolJson.newObject());
        TrustAdvice advice = TrustAdvice.read(state);

        assertEquals(1, advice.entries().size());
        assertEquals("@alice:x", advice.entries().get(0).sender());
        assertEquals(good, advice.entries().get(0).state());
        assertEquals(2, advice.refused().size());
        assertEquals("agt_X|" + KEY, advice.refused().get(0).stateKey());
        assertEquals("@eve:x", advice.refused().get(1).sender());
    }

    private void add(String sender, String key, ObjectNode content) {
        ObjectNode raw = ProtocolJson.newObject().put("type", EventTypes.TRUST).put("sender", sender)
                .put("state_key", key).put("event_id", "$" + state.size());
        raw.set("content", content);
        state.add(new RoomEvent("!r", "$" + state.size(), sender, EventTypes.TRUST, key, 1, raw));
    }
}
