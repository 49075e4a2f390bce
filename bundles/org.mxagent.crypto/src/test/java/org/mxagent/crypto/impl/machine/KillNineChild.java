package org.mxagent.crypto.impl.machine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.mxagent.crypto.olm.impl.LibolmCryptoProvider;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.e2ee.DecryptionResult;

/**
 * The process {@link KillNineTest} kills: alice sends into a room whose session rotates every 5 messages (so Olm
 * sessions and room keys are written all the time), bob syncs and decrypts. A line {@code ACK <json>} is printed
 * only after both machines returned, i.e. after their stores committed: what the parent treats as acknowledged.
 */
public final class KillNineChild {
    private KillNineChild() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        FakeHomeserver server = new FakeHomeserver();
        TestClock clock = new TestClock();
        LibolmCryptoProvider provider = new LibolmCryptoProvider();
        TestDevice alice = new TestDevice(server, provider, clock, dir, "@alice:localhost", "ALICE1");
        TestDevice bob = new TestDevice(server, provider, clock, dir, "@bob:localhost", "BOB1");
        alice.flush();
        bob.flush();
        alice.sync();
        bob.sync();
        ObjectNode settings = server.mapper().createObjectNode().put("algorithm", "m.megolm.v1.aes-sha2")
                .put("rotation_period_msgs", 5);
        List<String> members = List.of(alice.userId(), bob.userId());
        for (int i = 0; ; i++) {
            RoomEvent sent = alice.send(MachineFixture.ROOM, members, settings, "m.room.message",
                    server.mapper().createObjectNode().put("body", "message " + i));
            bob.sync();
            DecryptionResult result = bob.decrypt(sent);
            if (!result.isDecrypted()) {
                System.out.println("FAIL " + result.failure());
                System.exit(3);
            }
            ObjectNode ack = server.mapper().createObjectNode();
            ack.put("i", i);
            ack.put("session", sent.content().path("session_id").asText());
            ack.put("index", result.event().decryption().orElseThrow().path("message_index").asLong());
            ack.set("event", sent.raw());
            System.out.println("ACK " + ack);
            System.out.flush();
        }
    }
}
