/**
 * Workspaces (rooms with {@code workspace.v1} state), the agents this runtime hosts and the agents of a room
 * with their liveness. Implemented by the discovery bundle; used by the daemon's CLI methods, Gogo and the
 * context bundle (which pins shares to registered agents).
 *
 * <p>1.1: {@link org.mxagent.discovery.api.InvocationLoad}, the running-invocations count agents publish.
 */
@Export
@Version("1.2.0")
package org.mxagent.discovery.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
