package org.mxagent.exec.impl.tools;

import java.util.List;
import org.mxagent.policy.api.AgentPolicy;
import org.mxagent.policy.api.PolicyService;
import org.mxagent.tool.spi.PathScope;

/** The paths a tool may read or run in for a call: the requester's {@code allow_cwd} in the room. */
public final class CallScopes {
    private CallScopes() {}

    public static PathScope of(PolicyService policy, String roomId, String requester) {
        return PathScope.within(policy.policy().room(roomId).flatMap(room -> room.agent(requester))
                .map(AgentPolicy::allowCwd).orElse(List.of()));
    }
}
