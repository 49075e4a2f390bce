/**
 * Named calls ({@code call.request}/{@code call.response}) are answered by {@link org.mxagent.tool.spi.Tool}
 * services: any bundle may offer tools, which come and go dynamically.
 */
@Export
@Version("1.0.0")
package org.mxagent.tool.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
