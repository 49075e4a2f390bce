package org.mxagent.transport.syncv2.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mxagent.transport.api.MatrixSession;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.e2ee.DecryptionFailure;
import org.mxagent.transport.api.e2ee.E2eeException;
import org.mxagent.transport.api.e2ee.E2eeMachine;
import org.mxagent.transport.api.e2ee.E2eeProvider;
import org.mxagent.transport.api.e2ee.UndecryptableEventListener;
import org.osgi.service.log.Logger;

/**
 * The transport's hold on end-to-end encryption: the bound {@link E2eeProvider} (optional, dynamic) and the
 * machine it opened for the running session, opened on first need and closed when the provider goes away or
 * the session ends. An open failure is logged and retried after {@link #REOPEN_AFTER}, never hidden: sends into
 * encrypted rooms then fail with the reason. Also the whiteboard of {@link UndecryptableEventListener}s.
 */
final class E2eeSupport {
    static final Duration REOPEN_AFTER = Duration.ofSeconds(30);

    private final Logger log;
    private final Clock clock;
    private final List<UndecryptableEventListener> undecryptableListeners = new CopyOnWriteArrayList<>();
    private E2eeProvider provider;
    private E2eeMachine machine;
    private String openError;
    private Instant openFailedAt;

    E2eeSupport(Logger log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    synchronized void bind(E2eeProvider bound) {
        closeMachine();
        provider = bound;
        openError = null;
        openFailedAt = null;
    }

    synchronized void unbind(E2eeProvider unbound) {
        if (provider == unbound) {
            closeMachine();
            provider = null;
        }
    }

    /** The machine of {@code session}, opening it if needed; empty without a provider or after an open failure. */
    synchronized Optional<E2eeMachine> machine(MatrixSession session) {
        if (provider == null) {
            return Optional.empty();
        }
        if (machine != null && machine.session().equals(session)) {
            return Optional.of(machine);
        }
        closeMachine();
        if (openFailedAt != null && clock.instant().isBefore(openFailedAt.plus(REOPEN_AFTER))) {
            return Optional.empty();
        }
        try {
            machine = provider.open(session);
            openError = null;
            openFailedAt = null;
            return Optional.of(machine);
        } catch (E2eeException | RuntimeException e) {
            openError = e.getMessage();
            openFailedAt = clock.instant();
            log.error("end-to-end encryption unavailable for {}: {}", session.userId(), e.getMessage(), e);
            return Optional.empty();
        }
    }

    /** Why there is no machine, for error messages. */
    synchronized String unavailableReason() {
        if (provider == null) {
            return "no end-to-end encryption service is running (install and start org.mxagent.crypto with a"
                    + " crypto provider such as org.mxagent.crypto.olm)";
        }
        return "the end-to-end encryption service could not open this device's crypto store: " + openError;
    }

    synchronized void closeMachine() {
        if (machine != null) {
            try {
                machine.close();
            } catch (RuntimeException e) {
                log.error("closing the crypto machine failed: {}", e.toString(), e);
            }
            machine = null;
        }
    }

    void add(UndecryptableEventListener listener) {
        undecryptableListeners.add(listener);
    }

    void remove(UndecryptableEventListener listener) {
        undecryptableListeners.remove(listener);
    }

    /** Logs an event that is not delivered to room event listeners and tells the undecryptable whiteboard. */
    void reportUndecryptable(RoomEvent event, DecryptionFailure failure) {
        log.warn("undecryptable event {} in {} from {}: {}", event.eventId(), event.roomId(), event.sender(), failure);
        for (UndecryptableEventListener listener : undecryptableListeners) {
            try {
                listener.onUndecryptable(event, failure);
            } catch (RuntimeException e) {
                log.error("undecryptable-event listener {} failed on {}: {}", listener.getClass().getName(),
                        event.eventId(), e.toString(), e);
            }
        }
    }
}
