package org.mxagent.exec.impl.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.SignedEvent;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.transport.api.MatrixException;

/**
 * Encodes, signs (this runtime's key) and sends one timeline event. Refuses content above
 * {@value #MAX_EVENT_BYTES} bytes: Matrix refuses events above 64 KiB, and we stay well clear of it (#5).
 */
public final class SignedSender {
    /** The largest event content this runtime sends. */
    public static final int MAX_EVENT_BYTES = 60 * 1024;

    private final ClientRef client;
    private final LocalSigner signer;

    public SignedSender(ClientRef client, LocalSigner signer) {
        this.client = client;
        this.signer = signer;
    }

    /** Signs and sends {@code event} (any signature it carries is replaced); returns the event id. */
    public String send(String roomId, SignedEvent event) throws MatrixException, CanonicalJsonException {
        return client.require().sendEvent(roomId, event.type(), sign(event));
    }

    /** The signed content of {@code event}, checked against the size limit. */
    public ObjectNode sign(SignedEvent event) throws CanonicalJsonException {
        ObjectNode content = signer.sign(ProtocolCodec.encode(event));
        int size = ProtocolJson.write(content).getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_EVENT_BYTES) {
            throw new IllegalArgumentException(event.type() + " of " + size + " bytes is above the "
                    + MAX_EVENT_BYTES + "-byte limit this runtime sends");
        }
        return content;
    }

    public String keyId() {
        return signer.keyId();
    }
}
