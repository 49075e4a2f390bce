package org.mxagent.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.discovery.api.WorkspaceService;
import org.mxagent.policy.api.PolicyService;
import org.mxagent.policy.api.TrustStore;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MessagesPage;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.workflow.api.GraphFormat;
import org.mxagent.workflow.api.TaskChange;
import org.mxagent.workflow.api.TaskDraft;
import org.mxagent.workflow.api.TaskRecord;
import org.mxagent.workflow.api.TaskService;
import org.mxagent.workflow.api.WorkflowException;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * Task graphs against the real Synapse: a DAG runs in dependency order through the hosted agent's scheduler and
 * LocalExec; three schedulers racing for the same 20 tasks run each exactly once; a policy denial fails a task
 * with policy_denied; invalid transitions and cycles are refused; the graph of a real run renders as SVG.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class WorkflowIT {
    private static final String SCHEDULER_PID = "org.mxagent.workflow.scheduler";

    @InjectBundleContext
    BundleContext context;
    @InjectService(timeout = 10000)
    MatrixAccount account;
    @InjectService(timeout = 10000)
    WorkspaceService workspaces;
    @InjectService(timeout = 10000)
    AgentRegistry agents;
    @InjectService(timeout = 10000)
    LocalSigner signer;
    @InjectService(timeout = 10000)
    TrustStore trust;
    @InjectService(timeout = 10000)
    PolicyService policy;
    @InjectService(timeout = 10000)
    RuntimeDirectories directories;
    @InjectService(timeout = 10000)
    TaskService tasks;
    @InjectService(timeout = 10000)
    ConfigurationAdmin configurationAdmin;

    private WorkflowRoom room(String name, int maxInvocations) throws Exception {
        return new WorkflowRoom(context, account, workspaces, agents, signer, trust, policy, directories, name,
                maxInvocations);
    }

    private TaskRecord create(WorkflowRoom room, String title, List<String> dependsOn, String script)
            throws WorkflowException {
        return tasks.create(new TaskDraft(room.roomId, title, null, dependsOn, List.of(), room.agentId, "",
                Optional.of(room.shell(script))));
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aSmallDagRunsToCompletionInDependencyOrder() throws Exception {
        try (WorkflowRoom room = room("dag", 2)) {
            Path log = room.workDir.resolve("order.log");
            TaskRecord a = create(room, "build", List.of(), "echo build >> order.log");
            TaskRecord b = create(room, "test", List.of(a.task().taskId()), "echo test >> order.log");
            TaskRecord c = create(room, "package", List.of(b.task().taskId()), "echo package >> order.log");
            TaskRecord d = create(room, "lint", List.of(a.task().taskId()), "echo lint >> order.log");
            for (TaskRecord t : List.of(a, b, c, d)) {
                TaskRecord done = WorkflowRoom.awaitTerminal(tasks, room.roomId, t.task().taskId());
                assertThat(done.task().state()).as("%s: %s", t.task().title(), done.task().result())
                        .isEqualTo("succeeded");
                assertThat(done.task().result().reason()).isEqualTo("process_exit");
                assertThat(done.task().result().exitCode()).isZero();
                assertThat(done.task().result().completedBy()).isEqualTo(room.agentId);
                assertThat(done.task().invocationId()).startsWith("inv_");
                JsonNode invocation = room.client.getState(room.roomId, EventTypes.INVOCATION,
                        done.task().invocationId()).orElseThrow();
                assertThat(invocation.path("state").asText()).isEqualTo("succeeded");
                assertThat(invocation.path("task_id").asText()).isEqualTo(t.task().taskId());
            }
            List<String> order = Files.readAllLines(log, StandardCharsets.UTF_8);
            System.out.println("workflow: dag order " + order);
            assertThat(order).hasSize(4).startsWith("build");
            assertThat(order.indexOf("test")).isLessThan(order.indexOf("package"));
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void threeRacingSchedulersExecuteEachOfTwentyTasksExactlyOnce() throws Exception {
        List<Configuration> replicas = new ArrayList<>();
        try (WorkflowRoom room = room("race", 4)) {
            for (int i = 1; i <= 2; i++) {
                Configuration replica = configurationAdmin.getFactoryConfiguration(SCHEDULER_PID,
                        room.agentId + "-replica-" + i, "?");
                Hashtable<String, Object> properties = new Hashtable<>();
                properties.put("agent.id", room.agentId);
                properties.put("room.id", room.roomId);
                properties.put("mxagent.rooms", room.roomId);
                properties.put("max.invocations", 4);
                replica.update(properties);
                replicas.add(replica);
            }
            Eventually.await("three schedulers for " + room.agentId, () -> {
                Configuration[] all = configurationAdmin.listConfigurations("(&(service.factoryPid=" + SCHEDULER_PID
                        + ")(agent.id=" + room.agentId + "))");
                return all != null && all.length == 3;
            }, WorkflowRoom.WAIT);
            RoomEventWaiter fence = new RoomEventWaiter(context, room.roomId);
            fence.fence(room.client, WorkflowRoom.WAIT);
            fence.close();

            List<TaskRecord> created = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                created.add(create(room, "race-" + i, List.of(), "echo ran >> race-" + i + ".count"));
            }
            for (TaskRecord t : created) {
                TaskRecord done = WorkflowRoom.awaitTerminal(tasks, room.roomId, t.task().taskId());
                assertThat(done.task().state()).as("%s: %s", t.task().title(), done.task().result())
                        .isEqualTo("succeeded");
            }
            for (int i = 0; i < 20; i++) {
                assertThat(Files.readAllLines(room.workDir.resolve("race-" + i + ".count")))
                        .as("executions of race-%d", i).containsExactly("ran");
            }
            int claims = countClaims(room);
            System.out.println("workflow: race: 20 tasks, 3 schedulers, " + claims + " claim events, "
                    + (claims - 20) + " lost claims, 0 double executions");
            assertThat(claims).as("every task was claimed, and the schedulers did race").isGreaterThan(20);
        } finally {
            for (Configuration replica : replicas) {
                replica.delete();
            }
        }
    }

    private static int countClaims(WorkflowRoom room) throws Exception {
        int claims = 0;
        String from = null;
        for (int page = 0; page < 20; page++) {
            MessagesPage messages = room.client.messages(room.roomId, from, true, 100);
            for (RoomEvent event : messages.events()) {
                if ("com.mxagent.task.claim.v1".equals(event.type())) {
                    claims++;
                }
            }
            if (messages.end() == null || messages.events().isEmpty()) {
                break;
            }
            from = messages.end();
        }
        return claims;
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aPolicyDenialFailsTheTaskWithPolicyDenied() throws Exception {
        try (WorkflowRoom room = room("deny", 1)) {
            TaskRecord denied = tasks.create(new TaskDraft(room.roomId, "not allowed", null, List.of(), List.of(),
                    room.agentId, "", Optional.of(room.exec(List.of("/usr/bin/env")))));
            TaskRecord done = WorkflowRoom.awaitTerminal(tasks, room.roomId, denied.task().taskId());
            assertThat(done.task().state()).isEqualTo("failed");
            assertThat(done.task().result().reason()).isEqualTo("policy_denied");
            assertThat(done.task().result().exitCode()).isNull();
            assertThat(room.workDir.resolve("never")).doesNotExist();
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void anInvalidTransitionIsRejectedNamingFromAndTo() throws Exception {
        try (WorkflowRoom room = room("trans", 1)) {
            TaskRecord manual = tasks.create(new TaskDraft(room.roomId, "manual", "by hand", List.of(), List.of(),
                    null, "", Optional.empty()));
            assertThatThrownBy(() -> tasks.update(room.roomId, manual.task().taskId(), TaskChange.state("succeeded")))
                    .isInstanceOf(WorkflowException.class)
                    .hasMessageContaining("invalid task transition pending -> succeeded");
            TaskRecord cancelled = tasks.cancel(room.roomId, manual.task().taskId());
            assertThat(cancelled.task().state()).isEqualTo("cancelled");
            assertThat(cancelled.task().stateRev()).isEqualTo(1);
            assertThat(cancelled.task().previousEventId()).isEqualTo(manual.eventId());
            IpcMethod update = context.getService(context.getServiceReferences(IpcMethod.class,
                    "(" + IpcMethod.METHOD + "=task.update)").iterator().next());
            assertThatThrownBy(() -> update.call(ProtocolJson.parse("{\"room\":\"" + room.roomId
                    + "\",\"task_id\":\"" + manual.task().taskId() + "\",\"state\":\"pending\"}"),
                    new DiscoveryIT.NoStreamCall("task.update")))
                    .isInstanceOf(IpcException.class)
                    .hasMessageContaining("cancelled -> pending").hasMessageContaining("terminal");
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aDependencyCycleIsRejectedWithItsPath() throws Exception {
        try (WorkflowRoom room = room("cycle", 1)) {
            TaskRecord a = tasks.create(new TaskDraft(room.roomId, "a", null, List.of(), List.of(), null, "",
                    Optional.empty()));
            TaskRecord b = tasks.create(new TaskDraft(room.roomId, "b", null, List.of(a.task().taskId()), List.of(),
                    null, "", Optional.empty()));
            String ida = a.task().taskId();
            String idb = b.task().taskId();
            assertThatThrownBy(() -> tasks.create(new TaskDraft(room.roomId, "c", null, List.of(idb), List.of(ida),
                    null, "", Optional.empty())))
                    .isInstanceOf(WorkflowException.class)
                    .hasMessageContaining("cycle")
                    .hasMessageMatching("(?s).*" + ida + " -> " + idb + " -> task_\\w+ -> " + ida + ".*");
            assertThat(tasks.list(room.roomId)).hasSize(2);
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void theGraphOfARealRunRendersAsSvg() throws Exception {
        try (WorkflowRoom room = room("svg", 1)) {
            TaskRecord fetch = create(room, "fetch sources", List.of(), "true");
            TaskRecord compile = create(room, "compile all", List.of(fetch.task().taskId()), "true");
            TaskRecord manual = tasks.create(new TaskDraft(room.roomId, "review by hand", null,
                    List.of(compile.task().taskId()), List.of(), null, "", Optional.empty()));
            assertThat(WorkflowRoom.awaitTerminal(tasks, room.roomId, compile.task().taskId()).task().state())
                    .isEqualTo("succeeded");
            String text = tasks.graph(room.roomId, GraphFormat.TEXT);
            assertThat(text).contains("fetch sources", "[succeeded]", "manual task (no action)",
                    "blocks: " + compile.task().taskId(), manual.task().taskId());
            String dot = tasks.graph(room.roomId, GraphFormat.DOT);
            assertThat(dot).startsWith("digraph").contains("\"" + fetch.task().taskId() + "\" -> \""
                    + compile.task().taskId() + "\"");
            String svg = tasks.graph(room.roomId, GraphFormat.SVG);
            assertThat(svg).contains("<svg").contains("</svg>").contains("fetch sources", "compile all",
                    "review by hand");
            Path file = room.workDir.resolve("graph.svg");
            Files.writeString(file, svg);
            System.out.println("workflow: graph svg " + file + " (" + svg.length() + " chars)");
        }
    }
}
