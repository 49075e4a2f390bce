package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.mxagent.protocol.impl.Copies;

/** {@code workspace.v1.repo}: every member may be {@code null}. */
public record WorkspaceRepo(
        String remoteUrl,
        String branch,
        String commit,
        Map<String, JsonNode> extra) {

    public WorkspaceRepo {
        extra = Copies.extra(extra);
    }
}
