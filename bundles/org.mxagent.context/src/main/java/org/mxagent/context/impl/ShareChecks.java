package org.mxagent.context.impl;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.mxagent.context.api.ContextException;
import org.mxagent.context.api.ContextException.Kind;
import org.mxagent.context.api.RejectedShare;
import org.mxagent.context.api.ShareEntry;
import org.mxagent.context.api.Storage;
import org.mxagent.protocol.api.event.AgentState;
import org.mxagent.protocol.api.event.ContextShare;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.sign.EventSigner;
import org.mxagent.protocol.api.sign.SignatureVerifier;
import org.mxagent.protocol.api.sign.Verification;
import org.mxagent.transport.api.RoomEvent;

/**
 * Whether a received {@code context.share} counts. Shares are unsigned in the protocol, so the Matrix sender is
 * what authenticates them: it must be the {@code matrix_user_id} of an agent registered in the room. Ours also
 * carry a {@code signature} (an extra member other peers keep as unknown); when present it must verify with
 * the published key of one of the sender's agents. Content checks (size, SHA-256 of the raw bytes) follow.
 */
final class ShareChecks {
    private ShareChecks() {}

    /** A share that passed the sender and signature checks, or the reason it did not. */
    record Verdict(ContextShare share, ShareEntry entry, RejectedShare rejection) {
        boolean accepted() {
            return rejection == null;
        }
    }

    static Verdict judge(RoomEvent event, List<AgentState> roomAgents) {
        String contextId = event.content().path("context_id").asText("");
        ContextShare share;
        try {
            share = ProtocolCodec.decode(ContextShare.class, event.content());
        } catch (MalformedEventException | IllegalArgumentException e) {
            return rejected(event, contextId, "malformed context.share: " + e.getMessage());
        }
        List<AgentState> senderAgents = new ArrayList<>();
        for (AgentState agent : roomAgents) {
            if (agent.matrixUserId().equals(event.sender())) {
                senderAgents.add(agent);
            }
        }
        if (senderAgents.isEmpty()) {
            return rejected(event, contextId, "shared by " + event.sender() + ", which is not the Matrix account "
                    + "of any agent registered in " + event.roomId());
        }
        String signingKeyId = null;
        JsonNode signature = event.content().get(EventSigner.SIGNATURE);
        if (signature != null && !signature.isNull()) {
            String keyId = signature.path("key_id").asText("");
            AgentState signer = senderAgents.stream().filter(a -> a.signingKeyId().equals(keyId)).findFirst()
                    .orElse(null);
            if (signer == null) {
                return rejected(event, contextId, "signed with key '" + keyId + "', which no agent of "
                        + event.sender() + " publishes");
            }
            Verification verification = SignatureVerifier.verify(event.content(), signer.signingPublicKey(),
                    signer.signingKeyId());
            if (!verification.isValid()) {
                return rejected(event, contextId, "signature check failed (" + verification.status() + "): "
                        + verification.detail());
            }
            signingKeyId = keyId;
        }
        List<String> agentIds = senderAgents.stream().map(AgentState::agentId).toList();
        ShareEntry entry = new ShareEntry(share.contextId(), event.roomId(), event.eventId(), event.sender(),
                event.originServerTs(), share.name(), share.mimeType(), share.sizeBytes(), share.sha256(),
                share.isInline() ? Storage.INLINE : Storage.MEDIA, share.mxcUri().orElse(null), signingKeyId,
                agentIds);
        return new Verdict(share, entry, null);
    }

    /** The raw bytes of an inline share. */
    static byte[] inlineContent(ContextShare share) throws ContextException {
        String data = share.data().orElseThrow();
        String encoding = share.encoding().orElseThrow();
        if (ShareEncoder.UTF8.equals(encoding)) {
            return data.getBytes(StandardCharsets.UTF_8);
        }
        if (ShareEncoder.BASE64.equals(encoding)) {
            try {
                return Base64.getDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                throw new ContextException(Kind.REJECTED, "inline data is not valid base64: " + e.getMessage(), e);
            }
        }
        throw new ContextException(Kind.REJECTED, "unknown inline encoding '" + encoding + "' (utf-8 or base64)");
    }

    /** Size and SHA-256 of the raw content must be what the share says. */
    static void checkContent(ContextShare share, byte[] raw) throws ContextException {
        if (raw.length != share.sizeBytes()) {
            throw new ContextException(Kind.REJECTED, "size mismatch: the share says " + share.sizeBytes()
                    + " bytes, the content has " + raw.length);
        }
        if (!Sha256s.matches(share.sha256(), raw)) {
            throw new ContextException(Kind.REJECTED, "sha256 mismatch: the content hashes to "
                    + Sha256s.encode(raw) + ", the share says " + share.sha256());
        }
    }

    private static Verdict rejected(RoomEvent event, String contextId, String reason) {
        return new Verdict(null, null, new RejectedShare(contextId, event.roomId(), event.eventId(), event.sender(),
                reason));
    }
}
