package org.mxagent.exec.impl.wire;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;

/** The Matrix client of the current session, which comes and goes with login, logout and transport updates. */
public final class ClientRef {
    /** The {@code errcode} of the failure {@link #require()} throws without a session. */
    public static final String NOT_LOGGED_IN = "MX_NOT_LOGGED_IN";

    private final AtomicReference<MatrixClient> current = new AtomicReference<>();

    public void bind(MatrixClient client) {
        current.set(client);
    }

    /** Forgets {@code client} if it is still the current one (a newer binding wins). */
    public void unbind(MatrixClient client) {
        current.compareAndSet(client, null);
    }

    public Optional<MatrixClient> get() {
        return Optional.ofNullable(current.get());
    }

    /** The client, or a {@link MatrixException} with errcode {@value #NOT_LOGGED_IN}. */
    public MatrixClient require() throws MatrixException {
        MatrixClient client = current.get();
        if (client == null) {
            throw new MatrixException(0, NOT_LOGGED_IN, "the runtime is not logged in to a homeserver");
        }
        return client;
    }

    /** The logged-in user id, or empty. */
    public Optional<String> userId() {
        return get().map(client -> client.session().userId());
    }
}
