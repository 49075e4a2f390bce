/** Wire-protocol basics: strict JSON parsing, Matrix canonical JSON, ids, nonces and timestamps. */
@Export
@Version("1.0.0")
package org.mxagent.protocol.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
