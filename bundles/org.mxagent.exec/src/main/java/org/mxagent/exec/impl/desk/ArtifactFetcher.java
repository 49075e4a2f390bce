package org.mxagent.exec.impl.desk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.exec.impl.requester.ArtifactTail;
import org.mxagent.exec.impl.requester.DeskException;
import org.mxagent.exec.impl.requester.ResultGate;
import org.mxagent.exec.impl.wire.ClientRef;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.StreamArtifact;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.MessagesPage;
import org.mxagent.transport.api.RoomEvent;
import org.osgi.service.log.Logger;

/**
 * Finds an invocation's {@code stream.artifact} in the room timeline (newest first, at most {@code maxEvents}
 * events), accepts it only from the target (sender, signature, trust: the result-plane rule), downloads it and
 * checks its SHA-256 before anything is decompressed.
 */
final class ArtifactFetcher {
    private final ClientRef client;
    private final ResultGate gate;
    private final int maxEvents;
    private final Logger log;

    ArtifactFetcher(ClientRef client, ResultGate gate, int maxEvents, Logger log) {
        this.client = client;
        this.gate = gate;
        this.maxEvents = maxEvents;
        this.log = log;
    }

    /** A verified artifact: its event and a reader of the raw (decompressed) log. */
    record Download(StreamArtifact artifact, InputStream rawLog) {}

    Download fetch(String roomId, AgentView target, String invocationId, StreamName stream) throws DeskException {
        try {
            MatrixClient matrix = client.require();
            StreamArtifact artifact = find(matrix, roomId, target, invocationId, stream).orElseThrow(() ->
                    new DeskException(DeskException.Kind.NOT_FOUND, "no " + stream.wire() + " artifact of "
                            + invocationId + " in the last " + maxEvents + " events of " + roomId
                            + " (output within the timeline budget has no artifact)"));
            byte[] uploaded = matrix.downloadAttachment(artifact.mxcUri(), artifact.encryptedFile());
            if (!ArtifactTail.sha256Matches(uploaded, artifact.sha256())) {
                throw new DeskException(DeskException.Kind.FAILED, "the download of " + artifact.mxcUri()
                        + " does not hash to the artifact's sha256 " + artifact.sha256() + "; refusing it");
            }
            return new Download(artifact, ArtifactTail.rawLog(uploaded, artifact.mimeType()));
        } catch (MatrixException e) {
            throw new DeskException(DeskException.Kind.FAILED, "cannot fetch the artifact: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DeskException(DeskException.Kind.FAILED, "cannot read the artifact: " + e.getMessage(), e);
        }
    }

    private Optional<StreamArtifact> find(MatrixClient matrix, String roomId, AgentView target, String invocationId,
            StreamName stream) throws MatrixException {
        String from = null;
        int seen = 0;
        while (seen < maxEvents) {
            MessagesPage page = matrix.messages(roomId, from, true, 100);
            for (RoomEvent event : page.events()) {
                seen++;
                if (!EventTypes.STREAM_ARTIFACT.equals(event.type())
                        || !invocationId.equals(event.content().path("invocation_id").asText())
                        || !stream.wire().equals(event.content().path("stream").asText())
                        || !gate.accepts(event, roomId, target, invocationId)) {
                    continue;
                }
                try {
                    return Optional.of(ProtocolCodec.decode(StreamArtifact.class, event.content()));
                } catch (MalformedEventException malformed) {
                    log.warn("skipped a malformed stream.artifact {} of {}: {}", event.eventId(), invocationId,
                            malformed.getMessage());
                }
            }
            if (page.end() == null || page.events().isEmpty()) {
                break;
            }
            from = page.end();
        }
        return Optional.empty();
    }
}
