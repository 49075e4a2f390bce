package org.mxagent.protocol.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mxagent.protocol.api.event.AgentState;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.InvocationState;
import org.mxagent.protocol.api.event.InvocationStatus;
import org.mxagent.protocol.api.event.Load;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.TaskState;
import org.mxagent.protocol.api.event.ToolState;
import org.mxagent.protocol.api.event.TrustState;
import org.mxagent.protocol.api.event.TrustStatus;
import org.mxagent.protocol.api.event.WorkspaceState;

/** JSON ↔ record for the six state event types. */
final class StateMappings {
    private StateMappings() {}

    static List<EventMapping<?>> all() {
        return List.of(
                EventMapping.of(EventTypes.AGENT, AgentState.class,
                        StateMappings::readAgentState, StateMappings::writeAgentState),
                EventMapping.of(EventTypes.TASK, TaskState.class,
                        StateMappings::readTaskState, StateMappings::writeTaskState),
                EventMapping.of(EventTypes.INVOCATION, InvocationState.class,
                        StateMappings::readInvocationState, StateMappings::writeInvocationState),
                EventMapping.of(EventTypes.WORKSPACE, WorkspaceState.class,
                        StateMappings::readWorkspaceState, StateMappings::writeWorkspaceState),
                EventMapping.of(EventTypes.TOOL, ToolState.class,
                        StateMappings::readToolState, StateMappings::writeToolState),
                EventMapping.of(EventTypes.TRUST, TrustState.class,
                        StateMappings::readTrustState, StateMappings::writeTrustState));
    }

    static AgentState readAgentState(FieldReader r) throws MalformedEventException {
        return new AgentState(
                r.string("agent_id"),
                r.optionalString("kind").orElse("generic"),
                r.string("matrix_user_id"),
                r.nullableString("device_id"),
                r.string("signing_key_id"),
                r.string("signing_public_key"),
                r.string("status"),
                r.stringListOr("capabilities", List.of()),
                r.stringListOr("tools", List.of()),
                r.nullableObject("workspace", NestedMappings::readAgentWorkspace),
                r.optionalObject("load", NestedMappings::readLoad).orElse(Load.DEFAULT),
                r.integer("last_seen_ts", 0, Long.MAX_VALUE),
                r.integer("state_rev", 0, Long.MAX_VALUE),
                r.extra());
    }

    static ObjectNode writeAgentState(AgentState e) {
        return new FieldWriter()
                .string("agent_id", e.agentId())
                .string("kind", e.kind())
                .string("matrix_user_id", e.matrixUserId())
                .string("device_id", e.deviceId())
                .string("signing_key_id", e.signingKeyId())
                .string("signing_public_key", e.signingPublicKey())
                .string("status", e.status())
                .stringList("capabilities", e.capabilities())
                .stringList("tools", e.tools())
                .json("workspace", e.workspace() == null ? null : NestedMappings.writeAgentWorkspace(e.workspace()))
                .json("load", NestedMappings.writeLoad(e.load()))
                .integer("last_seen_ts", e.lastSeenTs())
                .integer("state_rev", e.stateRev())
                .extra(e.extra())
                .build();
    }

    static TaskState readTaskState(FieldReader r) throws MalformedEventException {
        return new TaskState(
                r.string("task_id"),
                r.string("title"),
                r.nullableString("description"),
                r.string("state"),
                r.nullableString("assigned_to"),
                r.string("created_by"),
                r.stringListOr("depends_on", List.of()),
                r.stringListOr("blocks", List.of()),
                r.nullableString("invocation_id"),
                r.string("created_at"),
                r.string("updated_at"),
                r.integer("state_rev", 0, Long.MAX_VALUE),
                r.nullableString("previous_event_id"),
                r.nullableObject("result", NestedMappings::readTaskResult),
                r.optionalObject("action", NestedMappings::readAction),
                r.extra());
    }

    static ObjectNode writeTaskState(TaskState e) {
        return new FieldWriter()
                .string("task_id", e.taskId())
                .string("title", e.title())
                .string("description", e.description())
                .string("state", e.state())
                .string("assigned_to", e.assignedTo())
                .string("created_by", e.createdBy())
                .stringList("depends_on", e.dependsOn())
                .stringList("blocks", e.blocks())
                .string("invocation_id", e.invocationId())
                .string("created_at", e.createdAt())
                .string("updated_at", e.updatedAt())
                .integer("state_rev", e.stateRev())
                .string("previous_event_id", e.previousEventId())
                .json("result", e.result() == null ? null : NestedMappings.writeTaskResult(e.result()))
                .optionalJson("action", e.action().map(NestedMappings::writeAction))
                .extra(e.extra())
                .build();
    }

    static InvocationState readInvocationState(FieldReader r) throws MalformedEventException {
        return new InvocationState(
                r.string("invocation_id"),
                r.nullableString("task_id"),
                r.string("requester"),
                r.string("target"),
                r.wire("state", InvocationStatus.class),
                r.string("created_at"),
                r.string("updated_at"),
                Checks.toInteger(r.nullableInteger("exit_code", Integer.MIN_VALUE, Integer.MAX_VALUE)),
                r.integer("state_rev", 0, Long.MAX_VALUE),
                r.extra());
    }

    static ObjectNode writeInvocationState(InvocationState e) {
        return new FieldWriter()
                .string("invocation_id", e.invocationId())
                .string("task_id", e.taskId())
                .string("requester", e.requester())
                .string("target", e.target())
                .wire("state", e.state())
                .string("created_at", e.createdAt())
                .string("updated_at", e.updatedAt())
                .nullableInteger("exit_code", e.exitCode())
                .integer("state_rev", e.stateRev())
                .extra(e.extra())
                .build();
    }

    static WorkspaceState readWorkspaceState(FieldReader r) throws MalformedEventException {
        return new WorkspaceState(
                r.string("project_id"),
                r.string("path"),
                r.nullableObject("repo", NestedMappings::readWorkspaceRepo),
                r.string("attached_by"),
                r.integer("attached_at", 0, Long.MAX_VALUE),
                r.integer("state_rev", 0, Long.MAX_VALUE),
                r.extra());
    }

    static ObjectNode writeWorkspaceState(WorkspaceState e) {
        return new FieldWriter()
                .string("project_id", e.projectId())
                .string("path", e.path())
                .json("repo", e.repo() == null ? null : NestedMappings.writeWorkspaceRepo(e.repo()))
                .string("attached_by", e.attachedBy())
                .integer("attached_at", e.attachedAt())
                .integer("state_rev", e.stateRev())
                .extra(e.extra())
                .build();
    }

    static ToolState readToolState(FieldReader r) throws MalformedEventException {
        return new ToolState(
                r.string("name"),
                r.string("version"),
                r.string("description"),
                r.json("input_schema"),
                r.json("output_schema"),
                r.extra());
    }

    static ObjectNode writeToolState(ToolState e) {
        return new FieldWriter()
                .string("name", e.name())
                .string("version", e.version())
                .string("description", e.description())
                .json("input_schema", e.inputSchema())
                .json("output_schema", e.outputSchema())
                .extra(e.extra())
                .build();
    }

    static TrustState readTrustState(FieldReader r) throws MalformedEventException {
        return new TrustState(
                r.string("agent_id"),
                r.string("key_id"),
                r.string("fingerprint"),
                r.wire("status", TrustStatus.class),
                r.string("trusted_by"),
                r.integer("created_at", 0, Long.MAX_VALUE),
                r.nullableInteger("expires_at", 0, Long.MAX_VALUE),
                r.nullableInteger("revoked_at", 0, Long.MAX_VALUE),
                r.extra());
    }

    static ObjectNode writeTrustState(TrustState e) {
        return new FieldWriter()
                .string("agent_id", e.agentId())
                .string("key_id", e.keyId())
                .string("fingerprint", e.fingerprint())
                .wire("status", e.status())
                .string("trusted_by", e.trustedBy())
                .integer("created_at", e.createdAt())
                .nullableInteger("expires_at", e.expiresAt())
                .nullableInteger("revoked_at", e.revokedAt())
                .extra(e.extra())
                .build();
    }
}
