/** The com.mxagent.*.v1 event types as records, and the codec between them and event content JSON. */
@Export
@Version("1.1.0")
package org.mxagent.protocol.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
