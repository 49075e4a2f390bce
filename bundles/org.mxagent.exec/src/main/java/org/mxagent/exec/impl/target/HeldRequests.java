package org.mxagent.exec.impl.target;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.PipelineDecision;

/**
 * The target side as the approval service sees it when a held request is decided: re-authorize it as things are
 * now, run it, or answer that it was denied. A bundle-private service; the approval bridge adapts it.
 */
public interface HeldRequests {
    String EXEC = "exec";
    String CALL = "call";

    /** A held request: the original signed event and who sent it. */
    record Held(String consumer, String roomId, String sender, Optional<String> senderDevice, String eventType,
            String eventId, ObjectNode content) {
        public Held {
            Objects.requireNonNull(consumer, "consumer");
            Objects.requireNonNull(roomId, "roomId");
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(senderDevice, "senderDevice");
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(eventId, "eventId");
            content = content.deepCopy();
        }
    }

    /** Signature, target, trust, sender pin, policy, device as they are now; no nonce, no approval step. */
    PipelineDecision reauthorize(Held held);

    void release(Held held, Allowance allowance);

    void deny(Held held, String reason);
}
