package org.mxagent.policy.impl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mxagent.policy.api.AgentPolicy;
import org.mxagent.policy.api.PolicyException;
import org.mxagent.policy.api.RawExecDefault;
import org.mxagent.policy.api.RoomPolicy;

/** Reads one {@code [rooms."!room:server"]} table with its agents. */
final class RoomSection {
    static final Set<String> KEYS = Set.of("trusted", "raw_exec_default", "require_verified_device", "approvers",
            "agents");

    private RoomSection() {}

    static RoomPolicy read(TomlTable table, PolicyValues values) throws PolicyException {
        table.rejectUnknownKeys(KEYS);
        Map<String, AgentPolicy> agents = new LinkedHashMap<>();
        Optional<TomlTable> agentTables = table.table("agents");
        if (agentTables.isPresent()) {
            for (Map.Entry<String, TomlTable> agent : agentTables.get().subTables().entrySet()) {
                values.userId(agent.getKey(), agent.getValue().path());
                agents.put(agent.getKey(), AgentSection.read(agent.getValue(), values));
            }
        }
        return new RoomPolicy(
                table.bool("trusted").orElse(false),
                table.string("raw_exec_default", values::rawExecDefault).orElse(RawExecDefault.DENY),
                table.bool("require_verified_device").orElse(false),
                table.strings("approvers", values::userId),
                agents);
    }
}
