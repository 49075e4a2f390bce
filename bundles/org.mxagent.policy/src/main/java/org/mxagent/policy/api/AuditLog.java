package org.mxagent.policy.api;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * audit.log in the data directory: NDJSON, 0600, append-only. Each line carries {@code prev_hash} and
 * {@code hash} = SHA-256 hex of (prev_hash + canonical JSON of the line without those two fields); the first
 * line's prev_hash is 64 zeros. Editing, inserting or deleting a line breaks the chain at that line.
 */
@ProviderType
public interface AuditLog extends AuditTrail {
    /** Walks the whole file and reports the first line that does not fit the chain. */
    AuditVerification verify() throws IOException;
}
