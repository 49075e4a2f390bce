package org.mxagent.policy.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * replay_cache.json in the data directory (0600, replaced atomically after every admission). A corrupt or
 * unreadable file is quarantined as {@code replay_cache.json.corrupt-<timestamp>} and the cache fails closed
 * until the component restarts.
 */
@ProviderType
public interface ReplayCache extends NonceAdmission {
    /** Nonces currently remembered. */
    int size();

    /** Why the cache is failing closed, or empty when it works. */
    Optional<String> failure();
}
