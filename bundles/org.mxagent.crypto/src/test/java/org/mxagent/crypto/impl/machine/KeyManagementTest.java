package org.mxagent.crypto.impl.machine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mxagent.crypto.spi.Utility;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.e2ee.DecryptionFailure;
import org.mxagent.transport.api.e2ee.OutgoingRequest;

class KeyManagementTest extends MachineFixture {

    @Test
    void firstUploadCarriesSelfSignedDeviceKeysSignedOneTimeKeysAndAFallbackKey() throws Exception {
        TestDevice alice = new TestDevice(server, PROVIDER, clock, dir, "@alice:localhost", "ALICE1");
        try {
            List<OutgoingRequest> requests = alice.machine.outgoingRequests();
            OutgoingRequest upload = requests.stream().filter(r -> r.kind() == OutgoingRequest.Kind.KEYS_UPLOAD)
                    .findFirst().orElseThrow();
            assertThat(alice.machine.outgoingRequests()).as("same request until marked").contains(upload);

            JsonNode deviceKeys = upload.body().path("device_keys");
            String ed = alice.machine.identityKeys().get("ed25519");
            assertThat(deviceKeys.path("keys").path("ed25519:ALICE1").asText()).isEqualTo(ed);
            assertThat(deviceKeys.path("keys").path("curve25519:ALICE1").asText())
                    .isEqualTo(alice.machine.identityKeys().get("curve25519"));
            assertThat(deviceKeys.path("algorithms").toString()).contains("m.olm.v1.curve25519-aes-sha2",
                    "m.megolm.v1.aes-sha2");
            try (Utility utility = PROVIDER.createUtility()) {
                assertThat(Signatures.verify(utility, deviceKeys, "@alice:localhost", "ALICE1", ed)).isTrue();
                ObjectNode tampered = deviceKeys.deepCopy();
                tampered.put("device_id", "OTHER");
                assertThat(Signatures.verify(utility, tampered, "@alice:localhost", "ALICE1", ed)).isFalse();
                upload.body().path("one_time_keys").forEach(key ->
                        assertThat(Signatures.verify(utility, key, "@alice:localhost", "ALICE1", ed)).isTrue());
            }
            assertThat(upload.body().path("one_time_keys").size()).isEqualTo(50);
            JsonNode fallback = upload.body().path("fallback_keys").elements().next();
            assertThat(fallback.path("fallback").asBoolean()).isTrue();

            alice.machine.markRequestAsSent(upload.id(), server.handle(alice.ref, upload));
            assertThat(alice.machine.outgoingRequests()).noneMatch(r -> r.kind() == OutgoingRequest.Kind.KEYS_UPLOAD);
        } finally {
            alice.close();
        }
    }

    @Test
    void oneTimeKeysAreReplenishedToTheTargetWhenTheSyncCountDrops() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");
        TestDevice carol = device("@carol:localhost", "CAROL1");
        assertThat(server.oneTimeKeyCount(alice.ref)).isEqualTo(50);

        bob.send(ROOM, List.of(bob.userId(), alice.userId()), settings(), "m.room.message", text("x"));
        carol.send(ROOM, List.of(carol.userId(), alice.userId()), settings(), "m.room.message", text("y"));
        assertThat(server.oneTimeKeyCount(alice.ref)).as("two claimed").isEqualTo(48);

        alice.sync(); // count 48 in the sync: upload 2 more
        assertThat(server.oneTimeKeyCount(alice.ref)).isEqualTo(50);
        assertThat(alice.machine.describe()).contains("one-time keys 50");
    }

    @Test
    void aClaimedFallbackKeyStillMakesASessionAndIsReplacedAfterwards() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");
        String fallbackBefore = server.fallbackKeyId(alice.ref);
        assertThat(fallbackBefore).isNotNull();
        server.exhaustOneTimeKeys(alice.ref);

        RoomEvent sent = bob.send(ROOM, List.of(bob.userId(), alice.userId()), settings(), "m.room.message",
                text("via the fallback key"));
        assertThat(server.oneTimeKeyCount(alice.ref)).as("no one-time key was there to use").isZero();
        alice.sync();

        assertThat(alice.decrypt(sent).event().content().path("body").asText()).isEqualTo("via the fallback key");
        assertThat(server.fallbackKeyId(alice.ref)).as("a new fallback key uploaded").isNotEqualTo(fallbackBefore);
        assertThat(server.oneTimeKeyCount(alice.ref)).as("one-time keys replenished").isEqualTo(50);
    }

    @Test
    void aDeviceWithNoKeyToClaimIsToldTheKeyIsWithheldWithNoOlm() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");
        server.exhaustKeys(alice.ref);

        RoomEvent sent = bob.send(ROOM, List.of(bob.userId(), alice.userId()), settings(), "m.room.message",
                text("unreachable"));
        alice.sync();

        var failure = alice.decrypt(sent).failure();
        assertThat(failure.reason()).isEqualTo(DecryptionFailure.Reason.WITHHELD);
        assertThat(failure.message()).contains("m.no_olm");
        assertThat(bob.log.contains("sent m.room_key.withheld (m.no_olm)")).isTrue();
    }

    @Test
    void deviceListChangesAreQueriedAgainAndDeletedDevicesForgotten() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");
        alice.machine.updateTrackedUsers(List.of(bob.userId()));
        alice.flush();
        assertThat(alice.machine.describe()).contains("known devices 2");

        TestDevice bobPhone = device("@bob:localhost", "BOB2");
        alice.sync(); // device_lists.changed: bob
        assertThat(alice.machine.describe()).contains("known devices 3").contains("0 outdated");

        server.deleteDevice(bobPhone.ref);
        alice.sync();
        assertThat(alice.machine.describe()).contains("known devices 2");
    }

    @Test
    void deviceKeysWithABadSelfSignatureAreRefused() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice mallory = new TestDevice(server, PROVIDER, clock, dir, "@mallory:localhost", "M1");
        try {
            OutgoingRequest upload = mallory.machine.outgoingRequests().get(0);
            ObjectNode body = upload.body().deepCopy();
            ((ObjectNode) body.get("device_keys")).withObject("keys").put("ed25519:M1",
                    alice.machine.identityKeys().get("ed25519")); // claims alice's signing key
            server.handle(mallory.ref, new OutgoingRequest("forged", OutgoingRequest.Kind.KEYS_UPLOAD, "POST",
                    upload.path(), body));
            alice.machine.updateTrackedUsers(List.of("@mallory:localhost"));
            alice.flush();
            assertThat(alice.log.contains("device keys of @mallory:localhost/M1 refused: self-signature")).isTrue();
            assertThat(alice.machine.describe()).contains("known devices 1");
        } finally {
            mallory.close();
        }
    }
}
