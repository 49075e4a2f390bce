/**
 * Approval holds: requests whose policy says {@code requires_approval} wait for signed {@code approval.decision}
 * events from allowed approvers, are denied on expiry, and are released exactly once after a full
 * re-authorization by the consumer that placed them.
 */
@Export
@Version("1.0.0")
package org.mxagent.approval.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
