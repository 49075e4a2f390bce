/** Task graphs in a workspace room: create, update, list, graph and cancel {@code task.v1} tasks. */
@Export
@Version("1.1.0")
package org.mxagent.workflow.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
