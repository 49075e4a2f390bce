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
    private final SendRetry retry;

    public SignedSender(ClientRef client, LocalSigner signer, SendRetry retry) {
        this.client = client;
        this.signer = signer;
        this.retry = retry;
    }

    /**
     * Signs and sends {@code event} (any signature it carries is replaced); returns the event id. Only the
     * transport's own retries: for a caller that is waiting (e.g. the CLI starting an exec).
     */
    public String send(String roomId, SignedEvent event) throws MatrixException, CanonicalJsonException {
        return client.require().sendEvent(roomId, event.type(), sign(event));
    }

    /**
     * Signs {@code event} once and sends it under one transaction id, retried through transient failures within
     * the {@link SendRetry} window (e.g. a homeserver restart): stream output and control frames that must not
     * be lost, sent from a serial queue so that waiting here keeps their order.
     */
    public String sendRetrying(String roomId, SignedEvent event, SendRetry.Listener listener)
            throws MatrixException, CanonicalJsonException {
        ObjectNode content = sign(event);
        String transactionId = client.require().newTransactionId();
        return retry.run(() -> client.require().sendEvent(roomId, event.type(), transactionId, content), listener);
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
