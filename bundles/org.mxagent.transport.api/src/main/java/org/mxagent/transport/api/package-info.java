/**
 * The Matrix client-server transport as seen by capability bundles: an account that logs in, a client
 * that exists while a session does, and a whiteboard of room event listeners fed by the sync loop.
 * Knows nothing about mx-agent events; implementations (sync v2, sliding sync) are swappable bundles.
 *
 * <p>1.1: {@link org.mxagent.transport.api.RoomEvent#isDecrypted()} and
 * {@link org.mxagent.transport.api.RoomEvent#decryption()} for events an end-to-end encryption machine
 * ({@code org.mxagent.transport.api.e2ee}) decrypted.
 *
 * <p>1.3: {@link org.mxagent.transport.api.MatrixClient#sendEvent(String, String, String,
 * com.fasterxml.jackson.databind.node.ObjectNode)} with the caller's transaction id, and
 * {@link org.mxagent.transport.api.MatrixException#isTransient()}.
 *
 * <p>1.4: {@link org.mxagent.transport.api.RoomEvent#decryptionFailure()} for history events that could not be
 * decrypted.
 */
@Export
@Version("1.4.0")
package org.mxagent.transport.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
