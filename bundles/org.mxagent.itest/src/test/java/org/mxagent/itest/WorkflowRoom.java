package org.mxagent.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mxagent.discovery.api.AgentRegistration;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.discovery.api.AgentSpec;
import org.mxagent.discovery.api.Visibility;
import org.mxagent.discovery.api.WorkspaceService;
import org.mxagent.discovery.api.WorkspaceSpec;
import org.mxagent.policy.api.PolicyService;
import org.mxagent.policy.api.PolicyStatus;
import org.mxagent.policy.api.TrustStore;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.workflow.api.TaskRecord;
import org.mxagent.workflow.api.TaskService;
import org.osgi.framework.BundleContext;

/**
 * One workflow test's world: the runtime logged in as a fresh user, a workspace room, one hosted agent whose key
 * is trusted, a policy letting that user run {@code /bin/sh} in a scratch directory, and that directory.
 */
final class WorkflowRoom implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(90);

    final MatrixClient client;
    final String roomId;
    final String agentId;
    final String userId;
    final Path workDir;
    private final AgentRegistry agents;

    WorkflowRoom(BundleContext context, MatrixAccount account, WorkspaceService workspaces, AgentRegistry agents,
            LocalSigner signer, TrustStore trust, PolicyService policy, RuntimeDirectories directories,
            String name, int maxInvocations) throws Exception {
        this.agents = agents;
        RuntimeLogin login = new RuntimeLogin();
        DevHomeserver.User user = login.register(name);
        client = login.login(context, account, user);
        userId = user.userId();
        roomId = workspaces.create(new WorkspaceSpec("wf-" + name + "-" + login.runId, "Workflow " + name, "",
                Visibility.PRIVATE, false, "", "")).roomId();
        AgentRegistration agent = agents.register(new AgentSpec("", roomId, "", List.of("shell"), List.of(), "", "",
                maxInvocations));
        agentId = agent.agentId();
        Eventually.await("agent.v1 of " + agentId + " accepted", () -> !agents.list(roomId, Set.of()).isEmpty(),
                WAIT);
        trust.approve(agentId, signer.keyId(), "workflow-it");
        workDir = Files.createDirectories(directories.dataDir().resolve("workflow-" + name + "-" + login.runId));
        Files.writeString(directories.configDir().resolve("policy.toml"), String.join("\n",
                "[rooms.\"" + roomId + "\"]",
                "trusted = true",
                "[rooms.\"" + roomId + "\".agents.\"" + userId + "\"]",
                "allow_exec = true",
                "allow_commands = [\"/bin/sh\"]",
                "allow_cwd = [\"" + workDir + "\"]",
                ""), StandardCharsets.UTF_8);
        PolicyStatus status = policy.reload();
        assertThat(status.state()).as("policy reloaded: %s", status.message()).isEqualTo(PolicyStatus.State.OK);
    }

    /** An exec action running {@code /bin/sh -c script} in the scratch directory. */
    com.fasterxml.jackson.databind.node.ObjectNode shell(String script) {
        return exec(List.of("/bin/sh", "-c", script));
    }

    com.fasterxml.jackson.databind.node.ObjectNode exec(List<String> command) {
        com.fasterxml.jackson.databind.node.ObjectNode action = org.mxagent.protocol.api.ProtocolJson.newObject();
        action.put("type", "exec");
        command.forEach(action.putArray("command")::add);
        action.put("cwd", workDir.toString());
        action.putObject("env");
        action.putNull("timeout_ms");
        action.put("stream", false);
        return action;
    }

    /** Waits until {@code task} is in a terminal state and returns it. */
    static TaskRecord awaitTerminal(TaskService tasks, String roomId, String taskId) throws Exception {
        Eventually.await(taskId + " to finish", () -> state(tasks, roomId, taskId)
                .map(r -> Set.of("succeeded", "failed", "cancelled").contains(r.task().state())).orElse(false),
                WAIT);
        return state(tasks, roomId, taskId).orElseThrow();
    }

    static Optional<TaskRecord> state(TaskService tasks, String roomId, String taskId) throws Exception {
        return tasks.list(roomId).stream().filter(r -> r.task().taskId().equals(taskId)).findFirst();
    }

    @Override
    public void close() throws Exception {
        agents.unregister(agentId);
    }
}
