package org.mxagent.exec.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Named calls to this runtime's own tools on behalf of a Matrix user in a room (e.g. a {@code tool} task action
 * whose authorizing agent runs as {@code requesterUserId}). The room's {@code allow_tools} for that user decides,
 * exactly as for a remote {@code call.request}; the tool then runs with the allowance's timeout and the user's
 * {@code allow_cwd} as its path scope. A call that policy would hold for approval is refused
 * ({@link LocalCallOutcome#APPROVAL_REQUIRED}): local calls are never held.
 */
@ProviderType
public interface LocalCalls {

    /**
     * @param tool      {@code name} (highest version offered) or {@code name@version}
     * @param args      the tool's arguments (a JSON object)
     * @param timeoutMs requested timeout; policy caps it, and without one policy's default applies
     * @return completes with the outcome, never exceptionally
     */
    CompletionStage<LocalCallOutcome> call(String roomId, String requesterUserId, String tool, JsonNode args,
            OptionalLong timeoutMs);
}
