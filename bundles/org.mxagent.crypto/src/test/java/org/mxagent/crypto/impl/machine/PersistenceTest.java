package org.mxagent.crypto.impl.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mxagent.crypto.impl.store.CryptoStoreException;
import org.mxagent.crypto.impl.store.SqliteCryptoStore;
import org.mxagent.crypto.impl.store.StoreKey;
import org.mxagent.transport.api.RoomEvent;

class PersistenceTest extends MachineFixture {

    @Test
    void afterARestartOldEventsDecryptAndSessionsContinue() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");
        List<String> members = List.of(alice.userId(), bob.userId());
        RoomEvent old = alice.send(ROOM, members, settings(), "m.room.message", text("before the restart"));
        bob.sync();
        String curveBefore = alice.machine.identityKeys().get("curve25519");

        alice.restart();
        bob.restart();

        assertThat(alice.machine.identityKeys().get("curve25519")).isEqualTo(curveBefore);
        assertThat(bob.decrypt(old).event().content().path("body").asText()).isEqualTo("before the restart");
        assertThat(alice.decrypt(old).event().content().path("body").asText()).as("own echo").isEqualTo(
                "before the restart");
        long toDeviceBefore = server.log.stream().filter(r -> r.path().contains("sendToDevice")).count();
        RoomEvent next = alice.send(ROOM, members, settings(), "m.room.message", text("after the restart"));
        assertThat(server.log.stream().filter(r -> r.path().contains("sendToDevice")).count())
                .as("the outbound session and who holds it survived: no new key").isEqualTo(toDeviceBefore);
        assertThat(next.content().path("session_id").asText()).isEqualTo(old.content().path("session_id").asText());
        assertThat(bob.decrypt(next).event().decryption().orElseThrow().path("message_index").asLong())
                .as("the message index went on, never reused").isEqualTo(1);
        assertThat(alice.machine.outgoingRequests()).as("keys are not uploaded again").isEmpty();
    }

    @Test
    void olmSessionsSurviveARestartOnBothSides() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");
        alice.send(ROOM, List.of(alice.userId(), bob.userId()), settings().put("rotation_period_msgs", 1),
                "m.room.message", text("1"));
        bob.sync();
        alice.restart();
        bob.restart();
        int claimsBefore = claims();
        RoomEvent second = alice.send(ROOM, List.of(alice.userId(), bob.userId()),
                settings().put("rotation_period_msgs", 1), "m.room.message", text("2"));
        assertThat(claims()).as("the existing Olm session was reused").isEqualTo(claimsBefore);
        bob.sync();
        assertThat(bob.decrypt(second).isDecrypted()).isTrue();
    }

    @Test
    void storeFilesArePrivateAndAStoreOfAnotherDeviceIsRefused() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(alice.storeFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        Path wal = alice.storeFile.resolveSibling(alice.storeFile.getFileName() + "-wal");
        assertThat(wal).as("the open store's write-ahead log").exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wal))).isEqualTo("rw-------");
        try {
            SqliteCryptoStore.open(alice.storeFile, "@alice:localhost", "OTHER").close();
            throw new AssertionError("opened another device's store");
        } catch (CryptoStoreException expected) {
            assertThat(expected.getMessage()).contains("belongs to @alice:localhost device ALICE1");
        }
        byte[] key = StoreKey.loadOrCreate(dir);
        assertThat(key).hasSize(32);
        assertThat(StoreKey.loadOrCreate(dir)).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("crypto-store-key"))))
                .isEqualTo("rw-------");
        Files.setPosixFilePermissions(dir.resolve("crypto-store-key"), PosixFilePermissions.fromString("rw-r--r--"));
        try {
            StoreKey.loadOrCreate(dir);
            throw new AssertionError("accepted a key file others can read");
        } catch (java.io.IOException expected) {
            assertThat(expected.getMessage()).contains("readable by others");
        }
    }

    @Test
    void everyPickleInTheStoreNeedsTheStoreKey() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");
        RoomEvent sent = alice.send(ROOM, List.of(alice.userId(), bob.userId()), settings(), "m.room.message",
                text("x"));
        bob.sync();
        assertThat(bob.decrypt(sent).isDecrypted()).isTrue();
        bob.close();
        byte[] wrongKey = "another key, another key, 32 b.!".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (SqliteCryptoStore store = SqliteCryptoStore.open(bob.storeFile, bob.userId(), "BOB1")) {
            String account = store.account().orElseThrow().pickle();
            String inbound = store.inboundSession(ROOM, sent.content().path("session_id").asText()).orElseThrow()
                    .pickle();
            String olm = store.olmSessions().get(0).pickle();
            assertThat(badKey(() -> PROVIDER.unpickleAccount(account, wrongKey).close())).isTrue();
            assertThat(badKey(() -> PROVIDER.unpickleInboundGroupSession(inbound, wrongKey).close())).isTrue();
            assertThat(badKey(() -> PROVIDER.unpickleSession(olm, wrongKey).close())).isTrue();
            PROVIDER.unpickleInboundGroupSession(inbound, TestDevice.PICKLE_KEY).close();
        }
        bob.open();
    }

    private interface Unpickle {
        void run() throws org.mxagent.crypto.spi.OlmException;
    }

    private static boolean badKey(Unpickle unpickle) {
        try {
            unpickle.run();
            return false;
        } catch (org.mxagent.crypto.spi.OlmException e) {
            return e.error() == org.mxagent.crypto.spi.OlmError.BAD_ACCOUNT_KEY;
        }
    }

    private int claims() {
        return (int) server.log.stream().filter(r -> r.path().endsWith("/keys/claim")).count();
    }
}
