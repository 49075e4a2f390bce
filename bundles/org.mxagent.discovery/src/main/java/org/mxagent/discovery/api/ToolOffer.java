package org.mxagent.discovery.api;

import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.event.ToolState;

/**
 * One {@code name@version} an agent advertises, with the room's {@code tool.v1} description of it and the
 * account that wrote it ({@code publishedBy}, empty without one). A room holds one {@code tool.v1} per
 * {@code name@version}, so it counts when written by the agent's own account or by the account of another agent
 * of the room advertising the same {@code name@version}; a description by anyone else is left out.
 */
public record ToolOffer(String key, Optional<ToolState> published, String publishedBy) {

    public ToolOffer {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(publishedBy, "publishedBy");
    }

    public String name() {
        int at = key.indexOf('@');
        return at < 0 ? key : key.substring(0, at);
    }

    public String version() {
        int at = key.indexOf('@');
        return at < 0 ? "" : key.substring(at + 1);
    }
}
