package org.mxagent.crypto.impl.machine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mxagent.crypto.impl.store.OutboundSessionRecord;
import org.mxagent.crypto.impl.store.SqliteCryptoStore;
import org.mxagent.crypto.olm.impl.LibolmCryptoProvider;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.e2ee.DecryptionResult;

/**
 * {@code kill -9} of a process in the middle of its crypto work loses nothing it acknowledged: after the kill,
 * both stores open, every acknowledged message still decrypts from bob's store, and alice's outbound session never
 * reuses an acknowledged message index. The child ({@link KillNineChild}) is killed with SIGKILL right after the
 * n-th acknowledgement, while it is already writing the next message's state.
 */
class KillNineTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {7, 23, 61})
    void nothingAcknowledgedIsLostAndNoMessageIndexIsReused(int acknowledgementsBeforeKill) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KillNineChild.class.getName(), dir.toString()).redirectError(dir.resolve("child.err").toFile()).start();
        List<JsonNode> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < acknowledgementsBeforeKill && (line = out.readLine()) != null) {
                assertThat(line).as("child output (stderr: %s)", dir.resolve("child.err")).startsWith("ACK ");
                acknowledged.add(mapper.readTree(line.substring(4)));
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks, no close()
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("stderr: %s", Files.exists(dir.resolve("child.err"))
                ? Files.readString(dir.resolve("child.err")) : "").hasSize(acknowledgementsBeforeKill);

        FakeHomeserver server = new FakeHomeserver();
        TestClock clock = new TestClock();
        LibolmCryptoProvider provider = new LibolmCryptoProvider();
        try (TestDevice bob = new TestDevice(server, provider, clock, dir, "@bob:localhost", "BOB1")) {
            for (JsonNode ack : acknowledged) {
                ObjectNode raw = (ObjectNode) ack.get("event");
                RoomEvent event = new RoomEvent(MachineFixture.ROOM, raw.path("event_id").asText(),
                        raw.path("sender").asText(), raw.path("type").asText(), null,
                        raw.path("origin_server_ts").asLong(), raw);
                DecryptionResult result = bob.decrypt(event);
                assertThat(result.isDecrypted()).as("acknowledged message %s after the kill: %s", ack.path("i"),
                        result.failure()).isTrue();
                assertThat(result.event().content().path("body").asText()).isEqualTo("message " + ack.path("i"));
            }
        }
        JsonNode last = acknowledged.get(acknowledged.size() - 1);
        try (SqliteCryptoStore alice = SqliteCryptoStore.open(dir.resolve("ALICE1.sqlite3"), "@alice:localhost",
                "ALICE1")) {
            OutboundSessionRecord outbound = alice.outboundSessions().get(0);
            if (outbound.sessionId().equals(last.path("session").asText())) {
                assertThat(outbound.messageCount()).as("next index of the acknowledged session")
                        .isGreaterThan(last.path("index").asLong());
            }
            assertThat(alice.account()).isPresent();
        }
    }
}
