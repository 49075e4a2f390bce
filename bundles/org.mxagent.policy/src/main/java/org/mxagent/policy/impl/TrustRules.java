package org.mxagent.policy.impl;

import java.util.List;
import org.mxagent.policy.api.TrustEntry;
import org.mxagent.policy.api.TrustStatus;

/**
 * Whether a key id is trusted, given all entries. Local records decide if there are any: a local revocation
 * beats everything, and a local approval beats room revocations. Without a local record, any revocation beats
 * every room grant, earlier or later, so a room cannot re-enable a key once it was revoked.
 */
final class TrustRules {
    private TrustRules() {}

    static boolean isTrusted(List<TrustEntry> entries, String keyId) {
        List<TrustEntry> forKey = entries.stream().filter(e -> e.keyId().equals(keyId)).toList();
        List<TrustEntry> local = forKey.stream().filter(TrustEntry::isLocal).toList();
        List<TrustEntry> deciding = local.isEmpty() ? forKey : local;
        return !deciding.isEmpty() && deciding.stream().noneMatch(e -> e.status() == TrustStatus.REVOKED);
    }
}
