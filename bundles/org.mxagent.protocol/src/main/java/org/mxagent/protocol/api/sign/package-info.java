/** Ed25519 keys, key ids, event signatures, detached task-action authorizations and the local signer service. */
@Export
@Version("1.1.0")
package org.mxagent.protocol.api.sign;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
