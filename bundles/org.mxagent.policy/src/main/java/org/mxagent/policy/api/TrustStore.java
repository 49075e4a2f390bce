package org.mxagent.policy.api;

import java.io.IOException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * trust.json in the data directory (0600, replaced atomically). Every change is persisted before it takes
 * effect: if writing fails the exception is thrown and the store is unchanged.
 */
@ProviderType
public interface TrustStore extends TrustCheck {
    /** All entries, in the order they were first recorded. */
    List<TrustEntry> list();

    /** Records (or re-enables) the operator's trust in an agent's key. */
    TrustEntry approve(String agentId, String keyId, String trustedBy) throws IOException;

    /**
     * Records a grant seen in a room's {@code trust.v1} state. It never outranks a local record or any
     * revocation, so recording one cannot re-enable a revoked key.
     */
    TrustEntry recordRoomGrant(String agentId, String keyId, String roomId, String trustedBy) throws IOException;

    /**
     * Revokes every entry with this key id.
     *
     * @return the revoked entries
     * @throws IllegalArgumentException if the key id has no entry
     */
    List<TrustEntry> revoke(String keyId) throws IOException;
}
