/**
 * End-to-end encryption as a transport sees it: an {@link org.mxagent.transport.api.e2ee.E2eeProvider}
 * service (the crypto bundle registers one) opens an {@link org.mxagent.transport.api.e2ee.E2eeMachine} per
 * logged-in device. The machine does no I/O: the transport feeds it sync data and room events, performs the
 * {@link org.mxagent.transport.api.e2ee.OutgoingRequest}s it produces and reports their results, as in
 * matrix-rust-sdk's {@code OlmMachine}. Transports bind the provider optionally and dynamically; without one,
 * sending into an encrypted room fails and encrypted events are reported as undecryptable.
 */
@Export
@Version("1.0.0")
package org.mxagent.transport.api.e2ee;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
