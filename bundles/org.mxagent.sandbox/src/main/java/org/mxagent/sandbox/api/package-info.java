/**
 * How a child process is isolated: the {@link org.mxagent.sandbox.api.Sandbox} service providers implement (one per
 * {@code sandbox} kind), and the launch description it turns into the command line that really runs.
 */
@Export
@Version("1.0.0")
package org.mxagent.sandbox.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
