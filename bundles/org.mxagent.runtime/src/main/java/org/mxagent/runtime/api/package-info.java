/** Where a runtime keeps its data, config and socket, and how private files are written. */
@Export
@Version("1.0.0")
package org.mxagent.runtime.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
