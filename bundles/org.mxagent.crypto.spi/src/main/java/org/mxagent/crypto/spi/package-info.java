/**
 * The Olm/Megolm primitives a Matrix crypto machine needs, as a provider SPI: libolm through JNA is one
 * implementation, a pure-Java one can replace it at run time. Every native-backed object is a
 * {@link org.mxagent.crypto.spi.CryptoHandle} freed by {@code close()}; failures reported by the
 * primitives are {@link org.mxagent.crypto.spi.OlmException}s carrying an {@link org.mxagent.crypto.spi.OlmError}.
 */
@Export
@Version("1.0.0")
package org.mxagent.crypto.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
