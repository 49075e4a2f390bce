package org.mxagent.policy.api;

import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;

/** The one question the receive pipeline asks the replay cache. */
@ProviderType
public interface NonceAdmission {
    /**
     * Checks a request's time window and burns its nonce.
     *
     * <p>Call this only <em>after</em> the request's signature has been verified, the signing key found
     * trusted, the target found to be this agent and the sender pinned ({@link ReceivePipeline} does so).
     * Admission records the nonce and, when the cache is full, evicts the soonest-expiring entry; if unsigned
     * or untrusted requests could reach it, anyone could flood the cache and evict the nonces of genuine
     * requests, which could then be replayed. Checking first limits that power to holders of trusted keys.
     *
     * @param createdAt RFC 3339 UTC ({@code created_at} of the request)
     * @param expiresAt RFC 3339 UTC ({@code expires_at} of the request)
     */
    Admission admit(String nonce, String createdAt, String expiresAt, Instant now);
}
