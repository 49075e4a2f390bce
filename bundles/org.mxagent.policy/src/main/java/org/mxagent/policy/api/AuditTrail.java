package org.mxagent.policy.api;

import org.osgi.annotation.versioning.ProviderType;

/** The one thing the receive pipeline asks of the audit log. */
@ProviderType
public interface AuditTrail {
    /**
     * Appends a record durably (fsync) before returning.
     *
     * @throws AuditException if it was not written; the caller must then deny the action
     */
    void record(AuditRecord record) throws AuditException;
}
