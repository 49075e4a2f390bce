package org.mxagent.crypto.impl.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.e2ee.DecryptionResult;
import org.mxagent.transport.api.e2ee.OutgoingRequest;

class RoundTripTest extends MachineFixture {

    @Test
    void aliceEncryptsAndBobDecryptsWithTheCleartextTypeAndDecryptionDetails() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");

        RoomEvent sent = alice.send(ROOM, List.of(alice.userId(), bob.userId()), settings(), "m.room.message",
                text("hello bob"));
        assertThat(sent.type()).isEqualTo("m.room.encrypted");
        assertThat(sent.content().toString()).doesNotContain("hello bob");
        assertThat(sent.content().path("algorithm").asText()).isEqualTo("m.megolm.v1.aes-sha2");

        assertThat(bob.sync().roomKeysReceived()).isEqualTo(1);
        DecryptionResult result = bob.decrypt(sent);

        assertThat(result.isDecrypted()).as("%s", result.failure()).isTrue();
        RoomEvent clear = result.event();
        assertThat(clear.type()).isEqualTo("m.room.message");
        assertThat(clear.content().path("body").asText()).isEqualTo("hello bob");
        assertThat(clear.eventId()).isEqualTo(sent.eventId());
        assertThat(clear.sender()).isEqualTo(alice.userId());
        assertThat(clear.isDecrypted()).isTrue();
        assertThat(clear.decryption().orElseThrow().path("sender_key").asText())
                .isEqualTo(alice.machine.identityKeys().get("curve25519"));
        assertThat(clear.decryption().orElseThrow().path("message_index").asLong()).isZero();
        assertThat(clear.raw().path("unsigned").path("age").asInt()).as("envelope's unsigned kept").isEqualTo(5);
    }

    @Test
    void theSenderDecryptsItsOwnEchoAndItsOtherDevicesGetTheKey() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice aliceLaptop = device("@alice:localhost", "ALICE2");
        alice.sync(); // learns that alice has a new device

        RoomEvent sent = alice.send(ROOM, List.of(alice.userId()), settings(), "m.room.message", text("note to self"));
        aliceLaptop.sync();

        assertThat(alice.decrypt(sent).event().content().path("body").asText()).isEqualTo("note to self");
        assertThat(aliceLaptop.decrypt(sent).event().content().path("body").asText()).isEqualTo("note to self");
    }

    @Test
    void theRoomKeyIsSharedOncePerDeviceAndSessionThenOnlyNewMembersGetIt() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");
        TestDevice carol = device("@carol:localhost", "CAROL1");

        alice.send(ROOM, List.of(alice.userId(), bob.userId()), settings(), "m.room.message", text("one"));
        long sharesAfterFirst = toDeviceRoomKeys();
        alice.send(ROOM, List.of(alice.userId(), bob.userId()), settings(), "m.room.message", text("two"));
        assertThat(toDeviceRoomKeys()).as("no new room key for the same members").isEqualTo(sharesAfterFirst);

        RoomEvent third = alice.send(ROOM, List.of(alice.userId(), bob.userId(), carol.userId()), settings(),
                "m.room.message", text("three"));
        assertThat(toDeviceRoomKeys()).as("carol joined: one more to-device request").isEqualTo(sharesAfterFirst + 1);
        carol.sync();
        assertThat(carol.decrypt(third).event().content().path("body").asText()).isEqualTo("three");
        assertThat(alice.machine.outboundSessionId(ROOM)).as("a join does not rotate").isPresent();
    }

    private long toDeviceRoomKeys() {
        return server.log.stream().filter(r -> r.kind() == OutgoingRequest.Kind.TO_DEVICE
                && r.path().contains("m.room.encrypted")).count();
    }
}
