/**
 * Running agents: {@link org.mxagent.adapter.api.AdapterRunner} (provided by this bundle) runs an adapter's plan
 * through {@code LocalExec} and reports {@link org.mxagent.adapter.spi.Progress}. Callers use it; they do not
 * implement it.
 */
@Export
@Version("1.1.0")
package org.mxagent.adapter.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
