package org.mxagent.context.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mxagent.context.api.ContextException;
import org.mxagent.context.api.Storage;
import org.mxagent.protocol.api.Ids;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.AgentState;
import org.mxagent.protocol.api.event.ContextShare;
import org.mxagent.protocol.api.event.Load;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.sign.EventSigner;
import org.mxagent.protocol.api.sign.SigningKey;
import org.mxagent.transport.api.RoomEvent;

class ShareChecksTest {
    private static final String ALICE = "@alice:example.org";
    private static final String MALLORY = "@mallory:example.org";

    private final SigningKey aliceKey = SigningKey.generate();
    private final AgentState aliceAgent = agent(ALICE, aliceKey);
    private final byte[] raw = "hello\n".getBytes(StandardCharsets.UTF_8);
    private final ContextShare share = ShareEncoder.prepare(Ids.newContextId(), "hello.txt", "text/plain", raw,
            32 * 1024, 3).inlineShare();

    @Test
    void aSignedShareFromAnAgentsAccountIsAccepted() throws Exception {
        ShareChecks.Verdict verdict = ShareChecks.judge(event(ALICE, EventSigner.sign(ProtocolCodec.encode(share),
                aliceKey)), List.of(aliceAgent));
        assertTrue(verdict.accepted(), String.valueOf(verdict.rejection()));
        assertEquals(aliceKey.keyId(), verdict.entry().signingKeyId());
        assertEquals(List.of(aliceAgent.agentId()), verdict.entry().agentIds());
        assertEquals(Storage.INLINE, verdict.entry().storage());
        byte[] content = ShareChecks.inlineContent(verdict.share());
        ShareChecks.checkContent(verdict.share(), content);
        assertArrayEquals(raw, content);
    }

    @Test
    void anUnsignedShareFromAnAgentsAccountIsAcceptedForPeersThatDoNotSign() {
        ShareChecks.Verdict verdict = ShareChecks.judge(event(ALICE, ProtocolCodec.encode(share)), List.of(aliceAgent));
        assertTrue(verdict.accepted());
        assertNull(verdict.entry().signingKeyId());
    }

    @Test
    void aShareFromAnAccountWithoutAnAgentIsRejectedWhateverItsSignature() throws Exception {
        SigningKey malloryKey = SigningKey.generate();
        ShareChecks.Verdict verdict = ShareChecks.judge(event(MALLORY, EventSigner.sign(ProtocolCodec.encode(share),
                malloryKey)), List.of(aliceAgent));
        assertFalse(verdict.accepted());
        assertTrue(verdict.rejection().reason().contains("not the Matrix account of any agent"),
                verdict.rejection().reason());
        assertEquals(MALLORY, verdict.rejection().sender());
        assertEquals(share.contextId(), verdict.rejection().contextId());
    }

    @Test
    void aSignatureByAKeyNoneOfTheSendersAgentsPublishesIsRejected() throws Exception {
        ShareChecks.Verdict verdict = ShareChecks.judge(event(ALICE, EventSigner.sign(ProtocolCodec.encode(share),
                SigningKey.generate())), List.of(aliceAgent));
        assertFalse(verdict.accepted());
        assertTrue(verdict.rejection().reason().contains("which no agent of " + ALICE + " publishes"));
    }

    @Test
    void aTamperedSignedShareIsRejected() throws Exception {
        ObjectNode signed = EventSigner.sign(ProtocolCodec.encode(share), aliceKey);
        signed.put("name", "other.txt");
        ShareChecks.Verdict verdict = ShareChecks.judge(event(ALICE, signed), List.of(aliceAgent));
        assertFalse(verdict.accepted());
        assertTrue(verdict.rejection().reason().contains("INVALID_SIGNATURE"), verdict.rejection().reason());
    }

    @Test
    void aMalformedShareIsRejectedWithTheReason() throws Exception {
        ShareChecks.Verdict verdict = ShareChecks.judge(event(ALICE,
                ProtocolJson.parseObject("{\"context_id\":\"ctx_1\",\"name\":\"x\"}")), List.of(aliceAgent));
        assertFalse(verdict.accepted());
        assertTrue(verdict.rejection().reason().startsWith("malformed context.share"));
    }

    @Test
    void shaAndSizeMismatchesAreRejectedWithBothValues() throws Exception {
        byte[] other = "hellO\n".getBytes(StandardCharsets.UTF_8);
        ContextException sha = assertThrows(ContextException.class, () -> ShareChecks.checkContent(share, other));
        assertEquals(ContextException.Kind.REJECTED, sha.kind());
        assertTrue(sha.getMessage().startsWith("sha256 mismatch"), sha.getMessage());
        assertTrue(sha.getMessage().contains(share.sha256()));
        ContextException size = assertThrows(ContextException.class,
                () -> ShareChecks.checkContent(share, "hello!\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(size.getMessage().startsWith("size mismatch"), size.getMessage());
    }

    @Test
    void digestsInOtherSpellingsAreRecognised() {
        String hex = java.util.HexFormat.of().formatHex(Sha256s.digest(raw));
        assertTrue(Sha256s.matches(hex, raw));
        assertTrue(Sha256s.matches(hex.toUpperCase(), raw));
        assertTrue(Sha256s.matches(java.util.Base64.getEncoder().encodeToString(Sha256s.digest(raw)), raw));
        assertFalse(Sha256s.matches("not a digest", raw));
        assertFalse(Sha256s.matches(null, raw));
    }

    @Test
    void badInlineBase64IsRejected() throws Exception {
        ObjectNode content = ProtocolCodec.encode(share);
        content.put("encoding", "base64").put("data", "***");
        ContextShare bad = ProtocolCodec.decode(ContextShare.class, content);
        ContextException e = assertThrows(ContextException.class, () -> ShareChecks.inlineContent(bad));
        assertEquals(ContextException.Kind.REJECTED, e.kind());
    }

    private static AgentState agent(String userId, SigningKey key) {
        return new AgentState(Ids.newAgentId(), "generic", userId, "DEV", key.keyId(), key.publicKeyBase64(),
                "online", List.of(), List.of(), null, Load.DEFAULT, 1, 0, Map.of());
    }

    private static RoomEvent event(String sender, ObjectNode content) {
        ObjectNode raw = ProtocolJson.newObject().put("event_id", "$1").put("sender", sender)
                .put("type", "com.mxagent.context.share.v1").put("origin_server_ts", 5);
        raw.set("content", content);
        return new RoomEvent("!room", "$1", sender, "com.mxagent.context.share.v1", null, 5, raw);
    }
}
