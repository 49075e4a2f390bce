package org.mxagent.context.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.mxagent.context.api.ContextException;
import org.mxagent.context.api.ContextException.Kind;
import org.mxagent.context.api.ShareReceipt;
import org.mxagent.context.api.Storage;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.Ids;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.ContextShare;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.MediaAttachment;

/** Sends one document as a signed {@code context.share}: inline, or zstd to media first. */
final class ShareSender {
    /** No event we send may come near Matrix's 65,536-byte limit (protocol "where we do better" #5). */
    static final int EVENT_CEILING = 60 * 1024;

    private final MatrixClient client;
    private final LocalSigner signer;
    private final Settings settings;

    ShareSender(MatrixClient client, LocalSigner signer, Settings settings) {
        this.client = client;
        this.signer = signer;
        this.settings = settings;
    }

    ShareReceipt send(String roomId, String name, String mimeType, byte[] content) throws ContextException {
        PreparedShare prepared = ShareEncoder.prepare(Ids.newContextId(), name, mimeType, content,
                settings.inlineMaxBytes(), settings.zstdLevel());
        try {
            ContextShare share;
            if (prepared.isInline()) {
                share = prepared.inlineShare();
            } else {
                // In an encrypted room the transport encrypts the upload; its key goes only into the encrypted event.
                MediaAttachment attachment = client.uploadAttachment(roomId, prepared.upload(), prepared.mimeType(),
                        name + ".zst");
                share = prepared.mediaShare(attachment.mxcUri(), attachment.encryptedFile().map(JsonNode.class::cast));
            }
            ObjectNode signed = signer.sign(ProtocolCodec.encode(share));
            int size = ProtocolJson.write(signed).getBytes(StandardCharsets.UTF_8).length;
            if (size > EVENT_CEILING) {
                throw new ContextException(Kind.INVALID, "the share event would be " + size
                        + " bytes, above the safe ceiling " + EVENT_CEILING + "; use a shorter name");
            }
            String eventId = client.sendEvent(roomId, EventTypes.CONTEXT_SHARE, signed);
            return new ShareReceipt(share.contextId(), roomId, eventId, name, share.mimeType(), share.sizeBytes(),
                    share.sha256(), prepared.isInline() ? Storage.INLINE : Storage.MEDIA,
                    share.mxcUri().orElse(null), signer.keyId());
        } catch (MatrixException e) {
            throw Failures.matrix("share " + name + " in " + roomId, e);
        } catch (CanonicalJsonException e) {
            throw new ContextException(Kind.FAILED, "cannot sign the share: " + e.getMessage(), e);
        }
    }
}
