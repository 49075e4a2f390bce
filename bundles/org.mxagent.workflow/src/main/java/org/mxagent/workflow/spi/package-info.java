/** How a won task reaches an executor: locally through LocalExec, later remotely over Matrix. */
@Export
@Version("1.0.0")
package org.mxagent.workflow.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
