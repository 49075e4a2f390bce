package org.mxagent.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.annotation.versioning.ProviderType;

/** The context of one request, handed to {@link IpcMethod#call}. */
@ProviderType
public interface IpcCall {

    /** The method name the client asked for. */
    String method();

    /**
     * The uid of the connecting process. The daemon accepts only its own user (checked with SO_PEERCRED),
     * so this is always the daemon's uid; methods may still record it.
     */
    int peerUid();

    /**
     * Sends an intermediate {@code {"id":N,"stream":chunk}} frame before the final result.
     *
     * @throws IpcException if the client is gone or the call has already ended (e.g. it ran out of time)
     */
    void stream(JsonNode chunk) throws IpcException;

    /**
     * Runs {@code action} on the connection's thread right after the final reply frame was written, e.g. to
     * stop the framework only once the client has its answer. Not run if the reply could not be written.
     */
    void afterReply(Runnable action);

    /** Runs {@code cleanup} when the client connection closes, e.g. to release per-connection state. */
    void whenConnectionCloses(Runnable cleanup);
}
