package org.mxagent.exec.api;

import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/** A remote exec that was sent: its invocation id, how it ends, and a way to stop it. */
@ProviderType
public interface RemoteInvocation {

    /** The {@code invocation_id} of the request, which the target's {@code invocation.v1} shows. */
    String invocationId();

    /** Completes once with the final result; never exceptionally. */
    CompletionStage<RemoteExecResult> result();

    /** Sends a signed {@code exec.cancel}; false if the invocation had already ended. */
    boolean cancel(String reason);
}
