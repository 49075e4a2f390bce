package org.mxagent.crypto.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An object holding key material, usually in native memory. {@link #close()} wipes and frees it at once,
 * whatever the garbage collector does; callers use try-with-resources or own the handle explicitly.
 * Handles are safe to share between threads (operations on one handle are serialised) but are not meant
 * for concurrent use.
 */
@ConsumerType
public interface CryptoHandle extends AutoCloseable {
    /**
     * Wipes and frees the object. Idempotent: a second call does nothing. Every other method of a closed
     * handle throws {@link IllegalStateException}.
     */
    @Override
    void close();

    /** Whether {@link #close()} has been called. */
    boolean isClosed();
}
