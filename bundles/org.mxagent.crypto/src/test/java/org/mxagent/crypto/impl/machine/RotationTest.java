package org.mxagent.crypto.impl.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.e2ee.DecryptionFailure.Reason;

class RotationTest extends MachineFixture {

    @Test
    void theSessionRotatesAfterRotationPeriodMsgs() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");
        var settings = settings().put("rotation_period_msgs", 2);
        List<String> members = List.of(alice.userId(), bob.userId());
        RoomEvent one = alice.send(ROOM, members, settings, "m.room.message", text("1"));
        RoomEvent two = alice.send(ROOM, members, settings, "m.room.message", text("2"));
        RoomEvent three = alice.send(ROOM, members, settings, "m.room.message", text("3"));

        assertThat(session(one)).isEqualTo(session(two));
        assertThat(session(three)).isNotEqualTo(session(two));
        bob.sync();
        for (RoomEvent event : List.of(one, two, three)) {
            assertThat(bob.decrypt(event).isDecrypted()).isTrue();
        }
    }

    @Test
    void theSessionRotatesAfterRotationPeriodMs() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");
        var settings = settings().put("rotation_period_ms", 60_000);
        List<String> members = List.of(alice.userId(), bob.userId());
        RoomEvent one = alice.send(ROOM, members, settings, "m.room.message", text("1"));
        clock.advance(Duration.ofSeconds(59));
        RoomEvent two = alice.send(ROOM, members, settings, "m.room.message", text("2"));
        clock.advance(Duration.ofSeconds(2));
        RoomEvent three = alice.send(ROOM, members, settings, "m.room.message", text("3"));

        assertThat(session(two)).isEqualTo(session(one));
        assertThat(session(three)).isNotEqualTo(session(two));
        assertThat(alice.log.contains("older than rotation_period_ms 60000")).isTrue();
    }

    @Test
    void aMemberLeavingRotatesAndTheLeaverCannotReadWhatFollows() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");
        TestDevice carol = device("@carol:localhost", "CAROL1");
        alice.machine.receiveRoomEvent(server.stateEvent(ROOM, alice.userId(), "m.room.encryption", "", settings()));
        RoomEvent before = alice.send(ROOM, List.of(alice.userId(), bob.userId(), carol.userId()), settings(),
                "m.room.message", text("all three"));

        alice.machine.receiveRoomEvent(server.stateEvent(ROOM, carol.userId(), "m.room.member", carol.userId(),
                server.mapper().createObjectNode().put("membership", "leave")));
        RoomEvent after = alice.send(ROOM, List.of(alice.userId(), bob.userId()), settings(), "m.room.message",
                text("carol is gone"));

        assertThat(session(after)).isNotEqualTo(session(before));
        assertThat(alice.log.contains("@carol:localhost left")).isTrue();
        bob.sync();
        carol.sync();
        assertThat(bob.decrypt(after).isDecrypted()).isTrue();
        assertThat(carol.decrypt(before).isDecrypted()).isTrue();
        assertThat(carol.decrypt(after).failure().reason()).isEqualTo(Reason.MISSING_SESSION);
    }

    @Test
    void aMemberMissingFromTheListOrADeletedDeviceAlsoRotates() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");
        TestDevice bobPhone = device("@bob:localhost", "BOB2");
        List<String> members = List.of(alice.userId(), bob.userId());
        RoomEvent one = alice.send(ROOM, members, settings(), "m.room.message", text("1"));
        server.deleteDevice(bobPhone.ref);
        alice.sync();
        RoomEvent two = alice.send(ROOM, members, settings(), "m.room.message", text("2"));
        assertThat(session(two)).as("bob's phone is gone").isNotEqualTo(session(one));

        RoomEvent three = alice.send(ROOM, List.of(alice.userId()), settings(), "m.room.message", text("3"));
        assertThat(session(three)).as("bob is no longer in the member list").isNotEqualTo(session(two));
    }

    private static String session(RoomEvent event) {
        return event.content().path("session_id").asText();
    }
}
