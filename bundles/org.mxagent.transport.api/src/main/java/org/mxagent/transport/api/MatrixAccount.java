package org.mxagent.transport.api;

import java.net.URI;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Logs a runtime in and out. The stored session (token included) stays inside the transport; while a
 * session exists the transport also registers a {@link MatrixClient} service.
 */
@ProviderType
public interface MatrixAccount {

    /** The current session, if logged in. */
    Optional<MatrixSession> session();

    /** Password login; replaces any previous session (which is logged out on the server). */
    MatrixSession login(URI homeserver, String user, char[] password) throws MatrixException;

    /**
     * Adopts an access token obtained elsewhere (e.g. shared-secret registration on the dev server);
     * the token is checked with whoami before it is stored.
     */
    MatrixSession adoptToken(URI homeserver, String accessToken) throws MatrixException;

    /**
     * Registers a new account with Synapse's shared-secret admin API (the dev homeserver's way of creating
     * users) and logs in as it. The secret authenticates only this registration and is not stored.
     *
     * @since 1.2
     */
    MatrixSession registerWithSharedSecret(URI homeserver, String user, char[] password, char[] sharedSecret)
            throws MatrixException;

    /** Invalidates the token on the server and forgets the local session and sync position. */
    void logout() throws MatrixException;
}
