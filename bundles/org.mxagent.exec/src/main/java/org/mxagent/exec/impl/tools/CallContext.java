package org.mxagent.exec.impl.tools;

import java.util.Objects;
import java.util.Optional;
import org.mxagent.policy.api.Allowance;
import org.mxagent.tool.spi.PathScope;
import org.mxagent.tool.spi.ToolContext;

/** The {@link ToolContext} of one call. */
public record CallContext(String invocationId, Optional<String> roomId, Optional<String> requester,
        Allowance allowance, PathScope paths) implements ToolContext {

    public CallContext {
        Objects.requireNonNull(invocationId, "invocationId");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(allowance, "allowance");
        Objects.requireNonNull(paths, "paths");
    }
}
