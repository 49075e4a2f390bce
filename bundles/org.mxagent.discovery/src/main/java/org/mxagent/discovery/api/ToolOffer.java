package org.mxagent.discovery.api;

import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.event.ToolState;

/**
 * One {@code name@version} an agent advertises, with the room's {@code tool.v1} description of it when the
 * agent's own account published one (a description written by anyone else is not the agent's word).
 */
public record ToolOffer(String key, Optional<ToolState> published) {

    public ToolOffer {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(published, "published");
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
