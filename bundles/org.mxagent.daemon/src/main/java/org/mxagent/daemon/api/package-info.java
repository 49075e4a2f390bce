/**
 * The daemon's local JSON-RPC door (specs/daemon-ipc.md): capability bundles add CLI-reachable methods by
 * registering {@link org.mxagent.daemon.api.IpcMethod} services.
 */
@Export
@Version("1.0.0")
package org.mxagent.daemon.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
