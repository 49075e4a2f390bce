/**
 * What other bundles contribute to the {@code agent.v1} of every agent this runtime hosts: capabilities that come
 * and go with the bundles that provide them (e.g. {@code adapter:claude} while the Claude Code adapter runs).
 */
@Export
@Version("1.0.0")
package org.mxagent.discovery.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
