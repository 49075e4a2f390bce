package org.mxagent.crypto.impl.machine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.e2ee.DecryptionFailure.Reason;
import org.mxagent.transport.api.e2ee.DecryptionResult;
import org.mxagent.transport.api.e2ee.SyncChanges;

class FailureClassificationTest extends MachineFixture {

    @Test
    void anEventBeforeItsKeyIsKeptAndDeliveredWhenTheKeyArrivesUntilConfirmed() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");
        RoomEvent sent = alice.send(ROOM, List.of(alice.userId(), bob.userId()), settings(), "m.room.message",
                text("early bird"));

        bob.sync(false); // the timeline event comes before the to-device key
        DecryptionResult early = bob.decrypt(sent);
        assertThat(early.failure().reason()).isEqualTo(Reason.MISSING_SESSION);
        bob.machine.retryLater(sent, early.failure());
        assertThat(bob.machine.pendingCount()).isEqualTo(1);
        assertThat(bob.machine.describe()).contains("waiting for keys: 1").contains(sent.eventId());

        SyncChanges withKey = bob.sync(true);
        assertThat(withKey.lateDecrypted()).hasSize(1);
        assertThat(withKey.lateDecrypted().get(0).eventId()).isEqualTo(sent.eventId());
        assertThat(withKey.lateDecrypted().get(0).content().path("body").asText()).isEqualTo("early bird");
        assertThat(bob.machine.pendingCount()).isZero();

        // Not confirmed (a crash before the transport stored its sync position): handed out again, even after
        // a restart.
        bob.restart();
        assertThat(bob.sync().lateDecrypted()).extracting(RoomEvent::eventId).containsExactly(sent.eventId());
        bob.machine.markLateEventsDelivered(List.of(sent.eventId()));
        assertThat(bob.sync().lateDecrypted()).isEmpty();
    }

    @Test
    void aWithheldNoticeClassifiesTheFailureAndUpdatesKeptEvents() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");
        RoomEvent sent = alice.send(ROOM, List.of(alice.userId()), settings(), "m.room.message", text("secret"));
        DecryptionResult missing = bob.decrypt(sent);
        assertThat(missing.failure().reason()).isEqualTo(Reason.MISSING_SESSION);
        bob.machine.retryLater(sent, missing.failure());

        ObjectNode withheld = server.mapper().createObjectNode();
        withheld.put("type", "m.room_key.withheld");
        withheld.put("sender", alice.userId());
        withheld.putObject("content").put("room_id", ROOM).put("session_id", sent.content().path("session_id").asText())
                .put("algorithm", "m.megolm.v1.aes-sha2").put("code", "m.unverified")
                .put("reason", "Your device is not verified");
        server.deliverToDevice(bob.ref, withheld);
        bob.sync();

        DecryptionResult result = bob.decrypt(sent);
        assertThat(result.failure().reason()).isEqualTo(Reason.WITHHELD);
        assertThat(result.failure().message()).contains("m.unverified").contains("Your device is not verified");
        assertThat(bob.machine.describe()).contains("WITHHELD: m.unverified");
    }

    @Test
    void aKeySharedLaterDoesNotOpenEarlierMessages() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");
        TestDevice carol = device("@carol:localhost", "CAROL1");
        RoomEvent before = alice.send(ROOM, List.of(alice.userId(), bob.userId()), settings(), "m.room.message",
                text("before carol"));
        RoomEvent after = alice.send(ROOM, List.of(alice.userId(), bob.userId(), carol.userId()), settings(),
                "m.room.message", text("after carol"));
        carol.sync();

        assertThat(carol.decrypt(after).isDecrypted()).isTrue();
        DecryptionResult earlier = carol.decrypt(before);
        assertThat(earlier.failure().reason()).isEqualTo(Reason.UNKNOWN_MESSAGE_INDEX);
        assertThat(earlier.failure().message()).contains("starts at index 1");
        assertThat(carol.machine.undecryptableByReason()).containsEntry(Reason.UNKNOWN_MESSAGE_INDEX, 1L);
    }

    @Test
    void aSecondEventReusingAMessageIndexIsAReplayButTheSameEventDecryptsAgain() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");
        RoomEvent sent = alice.send(ROOM, List.of(alice.userId(), bob.userId()), settings(), "m.room.message",
                text("once"));
        bob.sync();
        assertThat(bob.decrypt(sent).isDecrypted()).isTrue();
        assertThat(bob.decrypt(sent).isDecrypted()).as("the same event again (a repeated sync batch)").isTrue();

        RoomEvent copy = server.roomEvent(ROOM, alice.userId(), "m.room.encrypted", sent.content().deepCopy());
        DecryptionResult replay = bob.decrypt(copy);
        assertThat(replay.failure().reason()).isEqualTo(Reason.REPLAYED);
        assertThat(replay.failure().message()).contains(sent.eventId());

        bob.restart();
        assertThat(bob.decrypt(copy).failure().reason()).as("the index record survives a restart")
                .isEqualTo(Reason.REPLAYED);
    }

    @Test
    void anEventClaimingAnotherSenderOrRoomIsRefused() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");
        RoomEvent sent = alice.send(ROOM, List.of(alice.userId(), bob.userId()), settings(), "m.room.message",
                text("from alice"));
        bob.sync();

        RoomEvent asBob = server.roomEvent(ROOM, bob.userId(), "m.room.encrypted", sent.content().deepCopy());
        assertThat(bob.decrypt(asBob).failure().reason()).isEqualTo(Reason.MISMATCHED_SENDER_OR_ROOM);
        RoomEvent otherRoom = server.roomEvent("!other:localhost", alice.userId(), "m.room.encrypted",
                sent.content().deepCopy());
        assertThat(bob.decrypt(otherRoom).failure().reason()).as("no key for that room")
                .isEqualTo(Reason.MISSING_SESSION);
    }

    @Test
    void tamperedCiphertextAndUnknownAlgorithmsAreClassified() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");
        RoomEvent sent = alice.send(ROOM, List.of(alice.userId(), bob.userId()), settings(), "m.room.message",
                text("intact"));
        bob.sync();
        ObjectNode tampered = sent.content().deepCopy();
        String ciphertext = tampered.path("ciphertext").asText();
        tampered.put("ciphertext", ciphertext.substring(0, 20) + (ciphertext.charAt(20) == 'A' ? 'B' : 'A')
                + ciphertext.substring(21));
        assertThat(bob.decrypt(server.roomEvent(ROOM, alice.userId(), "m.room.encrypted", tampered)).failure()
                .reason()).isEqualTo(Reason.BAD_CIPHERTEXT);
        ObjectNode other = sent.content().deepCopy().put("algorithm", "m.megolm.v2.aes-sha2");
        assertThat(bob.decrypt(server.roomEvent(ROOM, alice.userId(), "m.room.encrypted", other)).failure()
                .reason()).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    }
}
