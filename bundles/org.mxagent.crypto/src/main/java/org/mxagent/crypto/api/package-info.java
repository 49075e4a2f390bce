/**
 * Device verification: interactive SAS ({@code m.sas.v1}) between this runtime's device and another Matrix
 * device, and the persistent list of devices the operator verified.
 */
@Export
@Version("1.0.0")
package org.mxagent.crypto.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
