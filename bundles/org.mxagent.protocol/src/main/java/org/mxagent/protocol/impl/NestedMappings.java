package org.mxagent.protocol.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.mxagent.protocol.api.event.AgentAction;
import org.mxagent.protocol.api.event.AgentWorkspace;
import org.mxagent.protocol.api.event.ExecAction;
import org.mxagent.protocol.api.event.Load;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.TaskAction;
import org.mxagent.protocol.api.event.TaskResult;
import org.mxagent.protocol.api.event.ToolAction;
import org.mxagent.protocol.api.event.WorkspaceRepo;
import org.mxagent.protocol.api.sign.EventSignature;
import org.mxagent.protocol.api.sign.TaskAuthorization;

/** JSON ↔ record for the objects nested in events: load, workspace, repo, task result/action/authorization. */
final class NestedMappings {
    private NestedMappings() {}

    /**
     * The {@code signature} member. Unknown members inside it are dropped: the signature is never part of the
     * signed bytes.
     */
    static EventSignature readSignature(FieldReader r) throws MalformedEventException {
        return new EventSignature(r.string("alg"), r.string("key_id"), r.string("sig"));
    }

    static TaskAction readAction(FieldReader r) throws MalformedEventException {
        String type = r.string("type");
        switch (type) {
            case TaskAction.EXEC:
                return readExecAction(r);
            case TaskAction.TOOL:
                return readToolAction(r);
            case TaskAction.AGENT:
                return readAgentAction(r);
            default:
                throw r.malformed("type", "is not a known action type: \"" + type + "\"");
        }
    }

    static ObjectNode writeAction(TaskAction action) {
        if (action instanceof ExecAction exec) {
            return writeExecAction(exec);
        }
        if (action instanceof AgentAction agent) {
            return writeAgentAction(agent);
        }
        return writeToolAction((ToolAction) action);
    }

    static TaskAuthorization readAuthorization(FieldReader r) throws MalformedEventException {
        return new TaskAuthorization(
                r.string("requesting_agent"),
                r.string("target_agent"),
                r.string("created_at"),
                r.string("expires_at"),
                r.string("nonce"),
                r.optionalObject("signature", NestedMappings::readSignature),
                r.extra());
    }

    static ObjectNode writeAuthorization(TaskAuthorization e) {
        return new FieldWriter()
                .string("requesting_agent", e.requestingAgent())
                .string("target_agent", e.targetAgent())
                .string("created_at", e.createdAt())
                .string("expires_at", e.expiresAt())
                .string("nonce", e.nonce())
                .signature(e.signature())
                .extra(e.extra())
                .build();
    }

    static Load readLoad(FieldReader r) throws MalformedEventException {
        return new Load(
                r.integerOr("running_invocations", 0, 0, Long.MAX_VALUE),
                r.integerOr("max_invocations", 1, 0, Long.MAX_VALUE),
                r.extra());
    }

    static ObjectNode writeLoad(Load e) {
        return new FieldWriter()
                .integer("running_invocations", e.runningInvocations())
                .integer("max_invocations", e.maxInvocations())
                .extra(e.extra())
                .build();
    }

    static AgentWorkspace readAgentWorkspace(FieldReader r) throws MalformedEventException {
        return new AgentWorkspace(
                r.nullableString("cwd"),
                r.nullableString("project_id"),
                r.nullableString("git_commit"),
                r.extra());
    }

    static ObjectNode writeAgentWorkspace(AgentWorkspace e) {
        return new FieldWriter()
                .string("cwd", e.cwd())
                .string("project_id", e.projectId())
                .string("git_commit", e.gitCommit())
                .extra(e.extra())
                .build();
    }

    static WorkspaceRepo readWorkspaceRepo(FieldReader r) throws MalformedEventException {
        return new WorkspaceRepo(
                r.nullableString("remote_url"),
                r.nullableString("branch"),
                r.nullableString("commit"),
                r.extra());
    }

    static ObjectNode writeWorkspaceRepo(WorkspaceRepo e) {
        return new FieldWriter()
                .string("remote_url", e.remoteUrl())
                .string("branch", e.branch())
                .string("commit", e.commit())
                .extra(e.extra())
                .build();
    }

    static TaskResult readTaskResult(FieldReader r) throws MalformedEventException {
        return new TaskResult(
                r.string("status"),
                r.string("completed_by"),
                r.string("completed_at"),
                r.nullableString("invocation_id"),
                r.nullableJson("action"),
                r.nullableString("reason"),
                Checks.toInteger(r.nullableInteger("exit_code", Integer.MIN_VALUE, Integer.MAX_VALUE)),
                r.nullableString("summary"),
                r.nullableString("artifact_mxc"),
                r.extra());
    }

    static ObjectNode writeTaskResult(TaskResult e) {
        return new FieldWriter()
                .string("status", e.status())
                .string("completed_by", e.completedBy())
                .string("completed_at", e.completedAt())
                .string("invocation_id", e.invocationId())
                .json("action", e.action())
                .string("reason", e.reason())
                .nullableInteger("exit_code", e.exitCode())
                .string("summary", e.summary())
                .string("artifact_mxc", e.artifactMxc())
                .extra(e.extra())
                .build();
    }

    static ExecAction readExecAction(FieldReader r) throws MalformedEventException {
        return new ExecAction(
                r.stringList("command"),
                r.nullableString("cwd"),
                r.stringMapOr("env", Map.of()),
                r.nullableInteger("timeout_ms", 0, Long.MAX_VALUE),
                r.boolOr("stream", false),
                r.optionalObject("authorization", NestedMappings::readAuthorization),
                r.extra());
    }

    static ObjectNode writeExecAction(ExecAction e) {
        return new FieldWriter()
                .string("type", TaskAction.EXEC)
                .stringList("command", e.command())
                .string("cwd", e.cwd())
                .stringMap("env", e.env())
                .nullableInteger("timeout_ms", e.timeoutMs())
                .bool("stream", e.stream())
                .optionalJson("authorization", e.authorization().map(NestedMappings::writeAuthorization))
                .extra(e.extra())
                .build();
    }

    static ToolAction readToolAction(FieldReader r) throws MalformedEventException {
        return new ToolAction(
                r.string("tool"),
                r.json("args"),
                r.optionalObject("authorization", NestedMappings::readAuthorization),
                r.extra());
    }

    static ObjectNode writeToolAction(ToolAction e) {
        return new FieldWriter()
                .string("type", TaskAction.TOOL)
                .string("tool", e.tool())
                .json("args", e.args())
                .optionalJson("authorization", e.authorization().map(NestedMappings::writeAuthorization))
                .extra(e.extra())
                .build();
    }

    static AgentAction readAgentAction(FieldReader r) throws MalformedEventException {
        return new AgentAction(
                r.string("adapter"),
                r.string("prompt"),
                r.nullableString("cwd"),
                r.nullableString("model"),
                r.stringListOr("allowed_tools", java.util.List.of()),
                r.nullableInteger("timeout_ms", 0, Long.MAX_VALUE),
                r.optionalObject("authorization", NestedMappings::readAuthorization),
                r.extra());
    }

    static ObjectNode writeAgentAction(AgentAction e) {
        return new FieldWriter()
                .string("type", TaskAction.AGENT)
                .string("adapter", e.adapter())
                .string("prompt", e.prompt())
                .string("cwd", e.cwd())
                .string("model", e.model())
                .stringList("allowed_tools", e.allowedTools())
                .nullableInteger("timeout_ms", e.timeoutMs())
                .optionalJson("authorization", e.authorization().map(NestedMappings::writeAuthorization))
                .extra(e.extra())
                .build();
    }
}
