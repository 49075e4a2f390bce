/** Ed25519 keys, key ids, event signatures and detached task-action authorizations. */
@Export
@Version("1.0.0")
package org.mxagent.protocol.api.sign;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
