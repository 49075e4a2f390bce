package org.mxagent.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.discovery.api.AgentRegistration;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.discovery.api.AgentSpec;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.Liveness;
import org.mxagent.discovery.api.Member;
import org.mxagent.discovery.api.PublicRoom;
import org.mxagent.discovery.api.Visibility;
import org.mxagent.discovery.api.WorkspaceService;
import org.mxagent.discovery.api.WorkspaceSpec;
import org.mxagent.discovery.api.WorkspaceStatus;
import org.mxagent.discovery.api.WorkspaceSummary;
import org.mxagent.protocol.api.Ids;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.RoomEvent;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * Workspaces and agents against the real Synapse: one runtime hosts two agents (two factory configurations),
 * both are listed active, the workspace status shows members, power levels, workspace.v1 and the agents; the
 * same answers come through the daemon's IPC methods and the Gogo commands; heartbeats flow and unregistering
 * publishes status offline.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class DiscoveryIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

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
    ConfigurationAdmin configurationAdmin;

    @InjectService(timeout = 10000)
    RuntimeDirectories directories;

    @InjectService(timeout = 10000)
    CommandProcessor commands;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void oneRuntimeHostsTwoAgentsThatAreListedActiveInTheWorkspace() throws Exception {
        RuntimeLogin login = new RuntimeLogin();
        DevHomeserver.User alice = login.register("disc-a");
        DevHomeserver.User bob = login.register("disc-b");
        MatrixClient client = login.login(context, account, alice);

        WorkspaceSummary created = workspaces.create(new WorkspaceSpec("ws-" + login.runId, "Discovery " + login.runId,
                "agents meet here", Visibility.PRIVATE, false, "", "/src/demo"));
        String roomId = created.roomId();
        assertThat(roomId).startsWith("!");
        assertThat(created.alias()).isEqualTo("#ws-" + login.runId + ":" + alice.userId().split(":", 2)[1]);
        assertThat(created.workspace().path("project_id").asText()).isEqualTo("ws-" + login.runId);
        assertThat(created.workspace().path("attached_by").asText()).isEqualTo(alice.userId());

        List<String> hosted = new ArrayList<>();
        try (RoomEventWaiter events = new RoomEventWaiter(context, roomId, EventTypes.AGENT)) {
            AgentRegistration builder = agents.register(new AgentSpec("", created.alias(), "claude",
                    List.of("shell", "test"), List.of("run_tests@1"), "/src/demo", "demo", 2));
            hosted.add(builder.agentId());
            AgentRegistration reviewer = agents.register(new AgentSpec("", roomId, "", List.of("review"), List.of(),
                    "", "", 0));
            hosted.add(reviewer.agentId());
            assertThat(builder.roomId()).as("alias resolved to the room id").isEqualTo(roomId);
            assertThat(builder.pid()).isEqualTo(AgentRegistry.FACTORY_PID + "~" + builder.agentId());
            assertThat(Ids.isValid(Ids.AGENT, builder.agentId())).isTrue();
            assertThat(configurationAdmin.listConfigurations("(service.factoryPid=" + AgentRegistry.FACTORY_PID
                    + ")")).as("two factory configurations").hasSizeGreaterThanOrEqualTo(2);

            events.await("agent.v1 of " + builder.agentId(), e -> builder.agentId().equals(e.stateKey()), WAIT);
            events.await("agent.v1 of " + reviewer.agentId(), e -> reviewer.agentId().equals(e.stateKey()), WAIT);

            List<AgentView> listed = agents.list(roomId, Set.of());
            assertThat(listed).extracting(AgentView::agentId).containsExactlyInAnyOrderElementsOf(hosted);
            for (AgentView view : listed) {
                assertThat(view.liveness()).as("liveness of %s", view.agentId()).isEqualTo(Liveness.ACTIVE);
                assertThat(view.hosted()).isTrue();
                assertThat(view.state().matrixUserId()).isEqualTo(alice.userId());
                assertThat(view.state().deviceId()).isEqualTo(client.session().deviceId());
                assertThat(view.state().signingKeyId()).isEqualTo(signer.keyId());
                assertThat(view.state().signingPublicKey()).isEqualTo(signer.publicKeyBase64());
                assertThat(view.state().status()).isEqualTo("online");
            }
            AgentView builderView = listed.stream().filter(v -> v.agentId().equals(builder.agentId())).findFirst()
                    .orElseThrow();
            assertThat(builderView.state().kind()).isEqualTo("claude");
            assertThat(builderView.state().tools()).containsExactly("run_tests@1");
            assertThat(builderView.state().load().maxInvocations()).isEqualTo(2);
            assertThat(builderView.state().workspace().cwd()).isEqualTo("/src/demo");
            assertThat(agents.list(roomId, Set.of("review"))).extracting(AgentView::agentId)
                    .containsExactly(reviewer.agentId());
            assertThat(agents.show(builder.agentId())).get().extracting(AgentView::roomId).isEqualTo(roomId);

            // Workspace status: members, power levels of protocol §2.8, workspace.v1, agents.
            client.invite(roomId, bob.userId());
            login.homeserver.join(bob, roomId);
            assertThat(workspaces.grant(roomId, bob.userId(), WorkspaceService.AGENT_LEVEL)).isEqualTo(roomId);
            WorkspaceStatus status = workspaces.status(created.alias());
            assertThat(status.roomId()).isEqualTo(roomId);
            assertThat(status.name()).isEqualTo("Discovery " + login.runId);
            assertThat(status.topic()).isEqualTo("agents meet here");
            assertThat(status.encrypted()).isFalse();
            assertThat(status.powerLevels().path("state_default").asInt()).isEqualTo(100);
            assertThat(status.powerLevels().path("events_default").asInt()).isZero();
            assertThat(status.powerLevels().path("users_default").asInt()).isZero();
            for (String type : EventTypes.STATE) {
                assertThat(status.powerLevels().path("events").path(type).asInt()).as(type).isEqualTo(50);
            }
            assertThat(status.members()).extracting(Member::userId).contains(alice.userId(), bob.userId());
            Member bobMember = status.members().stream().filter(m -> m.userId().equals(bob.userId())).findFirst()
                    .orElseThrow();
            assertThat(bobMember.powerLevel()).isEqualTo(50);
            Member aliceMember = status.members().stream().filter(m -> m.userId().equals(alice.userId()))
                    .findFirst().orElseThrow();
            assertThat(aliceMember.powerLevel()).isEqualTo(100);
            if (!status.creators().isEmpty()) {
                assertThat(status.creators()).containsExactly(alice.userId());
                assertThat(aliceMember.creator()).isTrue();
            }
            assertThat(status.workspace().path("path").asText()).isEqualTo("/src/demo");
            assertThat(status.agents()).extracting(AgentView::agentId).containsExactlyInAnyOrderElementsOf(hosted);
            assertThat(workspaces.list()).extracting(WorkspaceSummary::roomId).contains(roomId);

            // The same through the daemon's IPC methods (what the CLI will call) ...
            JsonNode ipcList = ipc("agent.list", "{\"room\":\"" + roomId + "\",\"capabilities\":[\"shell\"]}");
            assertThat(ipcList.path("agents")).hasSize(1);
            assertThat(ipcList.path("agents").get(0).path("agent_id").asText()).isEqualTo(builder.agentId());
            assertThat(ipcList.path("agents").get(0).path("liveness").asText()).isEqualTo("active");
            assertThat(ipcList.path("agents").get(0).path("fingerprint").asText()).isEqualTo(signer.fingerprint());
            JsonNode ipcStatus = ipc("workspace.status", "{\"room\":\"" + roomId + "\"}");
            assertThat(ipcStatus.path("agents")).hasSize(2);
            assertThat(ipcStatus.path("power_levels").path("state_default").asInt()).isEqualTo(100);
            JsonNode ipcShow = ipc("agent.show", "{\"agent_id\":\"" + reviewer.agentId() + "\"}");
            assertThat(ipcShow.path("kind").asText()).isEqualTo("generic");
            assertThat(ipcShow.path("hosted").asBoolean()).isTrue();

            // ... and through Gogo, hyphenated commands included.
            String gogoStatus = gogo("mx:workspace-status '" + roomId + "'");
            assertThat(gogoStatus).contains(builder.agentId(), reviewer.agentId(), "active", bob.userId());
            assertThat(gogo("agent:list --capabilities review '" + roomId + "'")).contains(reviewer.agentId())
                    .doesNotContain(builder.agentId());
            assertThat(gogo("mx:workspaces")).contains(roomId);
            assertThat(gogo("mx:workspace-grant --level 40 '" + roomId + "' '" + bob.userId() + "'"))
                    .contains("level 40");
            String registered = gogo("agent:register --kind shell --capabilities x,y '" + roomId + "'");
            assertThat(registered).startsWith("registered agt_").contains(roomId);
            String gogoAgent = registered.split(" ")[1];
            hosted.add(gogoAgent);
            assertThat(agents.hosted()).extracting(AgentRegistration::agentId).contains(gogoAgent);
            assertThat(gogo("agent:show " + builder.agentId())).contains("kind:         claude", "hosted here");
            assertThat(gogo("agent:unregister " + gogoAgent)).isEqualTo("unregistered " + gogoAgent);
            hosted.remove(gogoAgent);

            // The heartbeat period: given through Gogo, advertised in agent.v1; outside 1 s..1 h refused with the
            // range, through Gogo and through IPC (a usage error, exit 64).
            String fast = gogo("agent:register --heartbeat-interval 2s '" + roomId + "'");
            String fastAgent = fast.split(" ")[1];
            hosted.add(fastAgent);
            RoomEvent fastState = events.await("agent.v1 of " + fastAgent, e -> fastAgent.equals(e.stateKey()), WAIT);
            assertThat(fastState.content().path("heartbeat_interval_ms").asLong()).isEqualTo(2_000L);
            // Registered again without a period (as the exec bundle does to add tools): the period is kept.
            agents.register(new AgentSpec(fastAgent, roomId, "", List.of("more"), List.of(), "", "", 1));
            RoomEvent updated = events.await("agent.v1 of " + fastAgent + " with capability more",
                    e -> fastAgent.equals(e.stateKey()) && e.content().path("capabilities").toString().contains("more"),
                    WAIT);
            assertThat(updated.content().path("heartbeat_interval_ms").asLong()).isEqualTo(2_000L);
            assertThatThrownBy(() -> gogo("agent:register --heartbeat-interval 500ms '" + roomId + "'"))
                    .hasMessageContaining("heartbeat interval must be between 1 s and 1 h");
            assertThatThrownBy(() -> ipc("agent.register", "{\"room\":\"" + roomId
                    + "\",\"heartbeat_interval_ms\":7200000}"))
                    .isInstanceOfSatisfying(IpcException.class, e -> assertThat(e.exitCode()).isEqualTo(64))
                    .hasMessageContaining("got 7200000 ms");

            // Unregistering: the configuration goes away and the agent says it is offline.
            agents.unregister(reviewer.agentId());
            hosted.remove(reviewer.agentId());
            events.await("agent.v1 status offline of " + reviewer.agentId(), e -> reviewer.agentId().equals(
                    e.stateKey()) && "offline".equals(e.content().path("status").asText()), WAIT);
            events.fence(client, WAIT);
            AgentView gone = agents.show(reviewer.agentId()).orElseThrow();
            assertThat(gone.liveness()).isEqualTo(Liveness.OFFLINE);
            assertThat(gone.hosted()).isFalse();
            assertThat(agents.hosted()).extracting(AgentRegistration::agentId).doesNotContain(reviewer.agentId());
        } finally {
            for (String agentId : hosted) {
                agents.unregister(agentId);
            }
        }
    }

    /**
     * An agent configured directly (as a Configurator or fileinstall would) without an id gets one generated and
     * kept in the data dir, and sends heartbeats at its configured pace, which the liveness view counts.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aConfiguredAgentGetsAStableIdAndSendsHeartbeats() throws Exception {
        RuntimeLogin login = new RuntimeLogin();
        DevHomeserver.User alice = login.register("hb-a");
        MatrixClient client = login.login(context, account, alice);
        String roomId = workspaces.create(new WorkspaceSpec("", "Heartbeats " + login.runId, "", Visibility.PRIVATE,
                false, "", "")).roomId();

        Configuration configuration = configurationAdmin.getFactoryConfiguration(AgentRegistry.FACTORY_PID,
                "itest-" + login.runId, "?");
        String pid = configuration.getPid();
        try (RoomEventWaiter events = new RoomEventWaiter(context, roomId, EventTypes.AGENT, EventTypes.HEARTBEAT)) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("room", roomId);
            properties.put("capabilities", new String[] {"shell"});
            properties.put("heartbeat.interval.ms", 1_000L);
            configuration.update(properties);

            RoomEvent state = events.await("agent.v1", e -> EventTypes.AGENT.equals(e.type()), WAIT);
            String agentId = state.stateKey();
            assertThat(Ids.isValid(Ids.AGENT, agentId)).as("generated id %s", agentId).isTrue();
            assertThat(state.content().path("heartbeat_interval_ms").asLong()).as("advertised period")
                    .isEqualTo(1_000L);
            Path idFile = directories.dataDir().resolve("agent-ids")
                    .resolve(URLEncoder.encode(pid, StandardCharsets.UTF_8));
            assertThat(Files.readString(idFile, StandardCharsets.UTF_8)).isEqualTo(agentId);

            RoomEvent heartbeat = events.await("a heartbeat", e -> EventTypes.HEARTBEAT.equals(e.type())
                    && agentId.equals(e.content().path("agent_id").asText()), WAIT);
            assertThat(heartbeat.sender()).isEqualTo(alice.userId());
            assertThat(heartbeat.content().path("ts").asLong())
                    .isGreaterThan(state.content().path("last_seen_ts").asLong());
            events.fence(client, WAIT);
            AgentView view = agents.list(roomId, Set.of("shell")).get(0);
            assertThat(view.agentId()).isEqualTo(agentId);
            assertThat(view.liveness()).isEqualTo(Liveness.ACTIVE);
            assertThat(view.lastActiveMillis()).as("heartbeat counted over last_seen_ts")
                    .isGreaterThan(view.state().lastSeenTs());
            assertThat(view.hosted()).as("configured outside the registry: not in agents.json").isFalse();

            configuration.delete();
            events.await("agent.v1 status offline", e -> EventTypes.AGENT.equals(e.type())
                    && "offline".equals(e.content().path("status").asText()), WAIT);
        } finally {
            Configuration[] left = configurationAdmin.listConfigurations("(service.pid=" + pid + ")");
            if (left != null) {
                left[0].delete();
            }
        }
    }

    /**
     * A registration outlives the configuration store: the launcher may start each run with a clean framework
     * storage area, so {@code agents.json} in the data dir is what brings a hosted agent back. Here its
     * configuration is deleted behind the registry's back (the agent says offline) and the discovery bundle is
     * restarted: the registry recreates the configuration and the agent publishes again, same id, next revision.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aRegistrationComesBackAfterTheConfigurationStoreLostIt() throws Exception {
        RuntimeLogin login = new RuntimeLogin();
        MatrixClient client = login.login(context, account, login.register("restore-a"));
        String roomId = workspaces.create(new WorkspaceSpec("", "Restore " + login.runId, "", Visibility.PRIVATE,
                false, "", "")).roomId();
        String agentId = null;
        try (RoomEventWaiter events = new RoomEventWaiter(context, roomId, EventTypes.AGENT)) {
            AgentRegistration registration = agents.register(new AgentSpec("", roomId, "", List.of(), List.of(), "",
                    "", 1));
            agentId = registration.agentId();
            String id = agentId;
            events.await("agent.v1 online", e -> id.equals(e.stateKey()), WAIT);

            configurationAdmin.getConfiguration(registration.pid(), "?").delete();
            RoomEvent offline = events.await("agent.v1 offline", e -> id.equals(e.stateKey())
                    && "offline".equals(e.content().path("status").asText()), WAIT);

            Bundle discovery = bundle("org.mxagent.discovery");
            discovery.stop();
            discovery.start();
            RoomEvent back = events.await("agent.v1 online again", e -> id.equals(e.stateKey())
                    && "online".equals(e.content().path("status").asText())
                    && e.content().path("state_rev").asLong() > offline.content().path("state_rev").asLong(), WAIT);
            assertThat(back.content().path("agent_id").asText()).isEqualTo(agentId);
            assertThat(configurationAdmin.listConfigurations("(service.pid=" + registration.pid() + ")"))
                    .as("configuration recreated from agents.json").hasSize(1);
            events.fence(client, WAIT);
            AgentRegistry restarted = context.getService(context.getServiceReference(AgentRegistry.class));
            AgentView view = restarted.list(roomId, Set.of()).get(0);
            assertThat(view.liveness()).isEqualTo(Liveness.ACTIVE);
            assertThat(view.hosted()).isTrue();
        } finally {
            if (agentId != null) {
                context.getService(context.getServiceReference(AgentRegistry.class)).unregister(agentId);
            }
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle candidate : context.getBundles()) {
            if (symbolicName.equals(candidate.getSymbolicName())) {
                return candidate;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }

    /**
     * A public workspace created from Gogo. If the homeserver lists it (its room_list_publication_rules allow
     * this account), the directory search finds it and recognises it as a workspace; if it refuses (Synapse's
     * default, and the dev homeserver's), the create says so instead of pretending.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aPublicWorkspaceIsListedInTheRoomDirectoryOrTheRefusalIsReported() throws Exception {
        RuntimeLogin login = new RuntimeLogin();
        login.login(context, account, login.register("pub-a"));
        String alias = "pub-" + login.runId;
        String created = gogo("mx:workspace-create --alias " + alias + " --name 'Public " + login.runId
                + "' --visibility public --project-id proj-" + login.runId);
        assertThat(created).startsWith("created !").contains("#" + alias + ":", "project proj-" + login.runId);
        WorkspaceSummary summary = workspaces.list().stream().filter(w -> w.alias().startsWith("#" + alias + ":"))
                .findFirst().orElseThrow();

        if (summary.directoryVisibility() == Visibility.PUBLIC) {
            Eventually.await("the directory to index " + alias, () -> !workspaces.discover(alias, 10).isEmpty(),
                    WAIT);
            PublicRoom found = workspaces.discover(alias, 10).get(0);
            assertThat(found.roomId()).isEqualTo(summary.roomId());
            assertThat(found.joined()).isTrue();
            assertThat(found.workspace()).isTrue();
            JsonNode ipcFound = ipc("workspace.discover", "{\"search\":\"" + alias + "\"}");
            assertThat(ipcFound.path("rooms").get(0).path("workspace").asBoolean()).isTrue();
        } else {
            assertThat(created).contains("warning: the homeserver did not list it in its public directory");
            assertThat(workspaces.discover(alias, 10)).extracting(PublicRoom::roomId)
                    .doesNotContain(summary.roomId());
            assertThat(ipc("workspace.discover", "{\"search\":\"" + alias + "\"}").path("rooms").isArray())
                    .isTrue();
        }
        assertThatThrownBy(() -> gogo("mx:workspace-create --visibility secret"))
                .hasMessageContaining("visibility must be private or public");
    }

    private JsonNode ipc(String method, String params) throws Exception {
        Collection<ServiceReference<IpcMethod>> references = context.getServiceReferences(IpcMethod.class,
                "(" + IpcMethod.METHOD + "=" + method + ")");
        assertThat(references).as("IPC method %s registered", method).hasSize(1);
        IpcMethod ipcMethod = context.getService(references.iterator().next());
        return ipcMethod.call(ProtocolJson.parse(params), new NoStreamCall(method));
    }

    private String gogo(String line) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession session = commands.createSession(System.in, print, print);
        try {
            Object result = session.execute(line);
            return (result == null ? "" : String.valueOf(result)) + out.toString(StandardCharsets.UTF_8);
        } finally {
            session.close();
        }
    }

    /** An IPC call context for invoking methods directly, without a socket. */
    static final class NoStreamCall implements IpcCall {
        private final String method;

        NoStreamCall(String method) {
            this.method = method;
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public int peerUid() {
            return 0;
        }

        @Override
        public void stream(JsonNode chunk) {
            throw new UnsupportedOperationException("no streaming in this test");
        }

        @Override
        public void afterReply(Runnable action) {
            action.run();
        }

        @Override
        public void whenConnectionCloses(Runnable cleanup) {
            cleanup.run();
        }
    }
}
