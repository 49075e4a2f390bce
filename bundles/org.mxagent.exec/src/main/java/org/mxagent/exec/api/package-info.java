/**
 * Remote exec for other bundles: {@link org.mxagent.exec.api.RemoteExec} sends a signed {@code exec.request} to an
 * agent in a room as one of this runtime's agents and reports how it ended; the target's receive pipeline
 * (signature, trust, policy, replay, audit) decides whether it runs. {@link org.mxagent.exec.api.LocalCalls} (1.1) runs this runtime's own tools for a
 * user in a room under that room's {@code allow_tools}, as a remote {@code call.request} would.
 */
@Export
@Version("1.1.0")
package org.mxagent.exec.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
