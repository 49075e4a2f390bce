package org.mxagent.context.impl;

import java.util.ArrayList;
import java.util.List;
import org.mxagent.context.api.ContextException;
import org.mxagent.context.api.ContextException.Kind;
import org.mxagent.context.api.RejectedShare;
import org.mxagent.context.api.ShareEntry;
import org.mxagent.context.api.ShareListing;
import org.mxagent.context.api.SharedDocument;
import org.mxagent.protocol.api.event.AgentState;
import org.mxagent.protocol.api.event.ContextShare;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.RoomEvent;

/** Lists and fetches the shares of one room, newest first, applying {@link ShareChecks} to each. */
final class ShareReader {
    private final MatrixClient client;
    private final Settings settings;

    ShareReader(MatrixClient client, Settings settings) {
        this.client = client;
        this.settings = settings;
    }

    ShareListing list(String roomId, List<AgentState> agents, int limit) throws ContextException {
        List<ShareEntry> accepted = new ArrayList<>();
        List<RejectedShare> rejected = new ArrayList<>();
        int scanned = scan(roomId, event -> {
            ShareChecks.Verdict verdict = ShareChecks.judge(event, agents);
            if (!verdict.accepted()) {
                rejected.add(verdict.rejection());
                return false;
            }
            if (verdict.share().isInline()) {
                try {
                    ShareChecks.checkContent(verdict.share(), ShareChecks.inlineContent(verdict.share()));
                } catch (ContextException bad) {
                    rejected.add(rejection(event, verdict.share(), bad.getMessage()));
                    return false;
                }
            }
            accepted.add(verdict.entry());
            return accepted.size() >= limit;
        });
        return new ShareListing(roomId, accepted, rejected, scanned);
    }

    /**
     * The newest copy of {@code contextId} that passes every check, or null; refused copies add their reason to
     * {@code reasons} and the scan goes on, so a forgery cannot hide the genuine share.
     */
    SharedDocument find(String roomId, List<AgentState> agents, String contextId, List<String> reasons)
            throws ContextException {
        SharedDocument[] found = new SharedDocument[1];
        scan(roomId, event -> {
            if (!contextId.equals(event.content().path("context_id").asText())) {
                return false;
            }
            ShareChecks.Verdict verdict = ShareChecks.judge(event, agents);
            if (!verdict.accepted()) {
                reasons.add(verdict.rejection().reason() + " (event " + event.eventId() + ")");
                return false;
            }
            try {
                byte[] content = content(verdict.share());
                ShareChecks.checkContent(verdict.share(), content);
                found[0] = new SharedDocument(verdict.entry(), ZstdCodec.plainType(verdict.share().mimeType()),
                        content);
                return true;
            } catch (ContextException bad) {
                if (bad.kind() != Kind.REJECTED) {
                    throw bad;
                }
                reasons.add(bad.getMessage() + " (event " + event.eventId() + ", sent by " + event.sender() + ")");
                return false;
            }
        });
        return found[0];
    }

    private byte[] content(ContextShare share) throws ContextException {
        if (share.isInline()) {
            return ShareChecks.inlineContent(share);
        }
        if (share.sizeBytes() > settings.maxDocumentBytes()) {
            throw new ContextException(Kind.REJECTED, "the share declares " + share.sizeBytes()
                    + " bytes, above the limit of " + settings.maxDocumentBytes());
        }
        byte[] media;
        try {
            media = client.downloadAttachment(share.mxcUri().orElseThrow(), share.encryptedFile());
        } catch (MatrixException e) {
            throw Failures.matrix("download " + share.mxcUri().orElseThrow(), e);
        }
        return ZstdCodec.isCompressedType(share.mimeType())
                ? ZstdCodec.decompress(media, share.sizeBytes(), settings.maxDocumentBytes()) : media;
    }

    private int scan(String roomId, TimelineScanner.Visitor visitor) throws ContextException {
        try {
            return TimelineScanner.scan(client, roomId, settings.scanMaxEvents(), visitor);
        } catch (MatrixException e) {
            throw Failures.matrix("read the timeline of " + roomId, e);
        }
    }

    private static RejectedShare rejection(RoomEvent event, ContextShare share, String reason) {
        return new RejectedShare(share.contextId(), event.roomId(), event.eventId(), event.sender(), reason);
    }
}
