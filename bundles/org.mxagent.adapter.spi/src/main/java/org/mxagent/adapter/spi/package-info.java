/**
 * The agent-adapter SPI (specs/adapters.md): third parties implement {@link org.mxagent.adapter.spi.AgentAdapter}
 * (detect the agent's CLI, plan a launch, parse its streaming output into {@link org.mxagent.adapter.spi.Progress})
 * and register it as an OSGi service. Only {@code java.*} types appear here, so an adapter compiles against this
 * package alone.
 */
@Export
@Version("1.1.0")
package org.mxagent.adapter.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
