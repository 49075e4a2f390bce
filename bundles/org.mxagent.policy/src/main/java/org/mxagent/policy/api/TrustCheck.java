package org.mxagent.policy.api;

import org.osgi.annotation.versioning.ProviderType;

/** The one question the receive pipeline asks the trust store. */
@ProviderType
public interface TrustCheck {
    /**
     * True if requests signed with this key id may be considered. Local records decide when any exist (a local
     * revocation beats every room grant; a local approval beats a room revocation); otherwise any revoked room
     * entry beats every room grant, whenever either was made; otherwise any trusted entry suffices.
     */
    boolean isTrusted(String keyId);
}
