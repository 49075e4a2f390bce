package org.mxagent.approval.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The local operator's view of the holds ({@code approval list|show|approve|deny}). */
@ProviderType
public interface Approvals {
    /** Live holds, oldest first. */
    List<Hold> list();

    Optional<Hold> show(String requestId);

    /**
     * Signs an {@code approved} decision with this runtime's key as the local operator, applies it under the
     * same acceptance rules as a decision from the room, and posts it to the hold's room.
     *
     * @return what became of the hold
     */
    Outcome approve(String requestId) throws ApprovalException;

    /** As {@link #approve}, with {@code denied}. */
    Outcome deny(String requestId) throws ApprovalException;

    /** What a decision did. */
    enum Outcome {
        /** Counted; the quorum is not reached yet (or the consumer is not there yet). */
        PENDING,
        /** Re-authorized and handed to the consumer to run. */
        RELEASED,
        /** Denied (by the decision, or by the re-authorization). */
        DENIED
    }
}
