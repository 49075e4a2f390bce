package org.mxagent.discovery.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.discovery.api.AgentSpec;
import org.mxagent.protocol.api.Ids;

class RegistrationStoreTest {
    @TempDir
    Path dataDir;

    @Test
    void registrationsSurviveANewStoreOnTheSameDirectory() throws IOException {
        StoredAgent agent = StoredAgent.of(Ids.newAgentId(), "!room", new AgentSpec("", "!room", "claude",
                List.of("shell"), List.of("run_tests@1"), "/src", "p", 3), 2_000);
        new RegistrationStore(dataDir).put(agent);

        RegistrationStore reopened = new RegistrationStore(dataDir);
        assertEquals(List.of(agent), reopened.all());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve(RegistrationStore.FILE_NAME))));
        assertTrue(reopened.remove(agent.agentId()).isPresent());
        assertTrue(new RegistrationStore(dataDir).all().isEmpty());
        assertFalse(reopened.remove(agent.agentId()).isPresent());
    }

    @Test
    void aBrokenFileIsAnErrorNotAnEmptyRegistry() throws IOException {
        Files.writeString(dataDir.resolve(RegistrationStore.FILE_NAME), "{\"agents\":[{\"agent_id\":\"\"}]}");
        IOException e = assertThrows(IOException.class, () -> new RegistrationStore(dataDir).all());
        assertTrue(e.getMessage().contains("not a valid registration file"), e.getMessage());
    }

    @Test
    void configurationPropertiesUseTheDsNames() {
        StoredAgent agent = StoredAgent.of("agt_X", "!room", new AgentSpec("", "!room", "", List.of("a"), List.of(),
                "", "proj", 0), 30_000);
        var properties = agent.properties();
        assertEquals("agt_X", properties.get("agent.id"));
        assertEquals("proj", properties.get("project.id"));
        assertEquals(1, properties.get("max.invocations"));
        assertEquals("generic", properties.get("kind"));
        assertEquals("!room", properties.get("room"));
        assertEquals(30_000L, properties.get("heartbeat.interval.ms"));
    }

    @Test
    void aFileWithoutHeartbeatPeriodsReadsAsTheProtocolDefault() throws IOException {
        String agentId = Ids.newAgentId();
        Files.writeString(dataDir.resolve(RegistrationStore.FILE_NAME), "{\"agents\":[{\"agent_id\":\"" + agentId
                + "\",\"room_id\":\"!room\",\"kind\":\"generic\",\"max_invocations\":1}]}");
        assertEquals(30_000, new RegistrationStore(dataDir).get(agentId).orElseThrow().heartbeatIntervalMillis());
    }

    @Test
    void generatedIdsAreKeptPerConfiguration() throws IOException {
        AgentIdStore ids = new AgentIdStore(dataDir);
        String first = ids.idFor("org.mxagent.discovery.agent~one");
        assertTrue(Ids.isValid(Ids.AGENT, first));
        assertEquals(first, new AgentIdStore(dataDir).idFor("org.mxagent.discovery.agent~one"));
        assertFalse(first.equals(ids.idFor("org.mxagent.discovery.agent~two")));
    }
}
