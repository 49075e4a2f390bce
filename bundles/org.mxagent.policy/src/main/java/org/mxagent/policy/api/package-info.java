/**
 * Deny-by-default authorization of privileged requests: policy.toml, trust store, replay cache, audit log,
 * child environment and the receive pipeline that ties them together.
 */
@Export
@Version("1.1.0")
package org.mxagent.policy.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
