package org.mxagent.crypto.impl.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.mxagent.crypto.api.VerificationInfo;
import org.mxagent.crypto.api.VerificationState;
import org.mxagent.crypto.impl.verification.SasEmojiTable;

class SasVerificationTest extends MachineFixture {

    /** Two devices that know each other's keys. */
    private TestDevice[] pair() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        TestDevice bob = device("@bob:localhost", "BOB1");
        alice.machine.updateTrackedUsers(java.util.List.of(bob.userId()));
        bob.machine.updateTrackedUsers(java.util.List.of(alice.userId()));
        alice.flush();
        bob.flush();
        return new TestDevice[] {alice, bob};
    }

    @Test
    void requestReadyStartAcceptKeyMacDoneVerifiesBothSidesWithTheSameSasAndSurvivesARestart() throws Exception {
        TestDevice[] pair = pair();
        TestDevice alice = pair[0];
        TestDevice bob = pair[1];
        assertThat(alice.machine.isDeviceVerified(bob.userId(), "BOB1")).isFalse();

        VerificationInfo started = alice.machine.startVerification(bob.userId(), "BOB1", true);
        assertThat(started.state()).isEqualTo(VerificationState.REQUESTED);
        String txn = started.transactionId();
        alice.flush();
        bob.sync();
        assertThat(bob.machine.verification(txn).orElseThrow().state()).isEqualTo(VerificationState.REQUEST_RECEIVED);

        bob.machine.acceptVerification(txn); // ready
        bob.flush();
        alice.sync(); // ready -> start
        bob.sync(); // start -> accept (bob already agreed)
        alice.sync(); // accept -> key
        bob.sync(); // key -> key
        alice.sync();

        VerificationInfo a = alice.machine.verification(txn).orElseThrow();
        VerificationInfo b = bob.machine.verification(txn).orElseThrow();
        assertThat(a.state()).isEqualTo(VerificationState.KEYS_EXCHANGED);
        assertThat(b.state()).isEqualTo(VerificationState.KEYS_EXCHANGED);
        assertThat(a.macMethod()).contains("hkdf-hmac-sha256.v2");
        assertThat(a.decimals()).hasSize(3).isEqualTo(b.decimals());
        assertThat(a.decimals()).allSatisfy(d -> assertThat(d).isBetween(1000, 9191));
        assertThat(a.emoji()).hasSize(7).isEqualTo(b.emoji());

        alice.machine.confirmVerification(txn);
        alice.flush();
        bob.sync(); // alice's MAC, checked before bob confirmed
        assertThat(bob.machine.verification(txn).orElseThrow().state()).isEqualTo(VerificationState.KEYS_EXCHANGED);
        assertThat(bob.machine.isDeviceVerified(alice.userId(), "ALICE1")).isFalse();
        bob.machine.confirmVerification(txn);
        bob.flush();
        alice.sync();
        bob.sync();

        assertThat(alice.machine.verification(txn).orElseThrow().state()).isEqualTo(VerificationState.DONE);
        assertThat(bob.machine.verification(txn).orElseThrow().state()).isEqualTo(VerificationState.DONE);
        assertThat(alice.machine.isDeviceVerified(bob.userId(), "BOB1")).isTrue();
        assertThat(bob.machine.isDeviceVerified(alice.userId(), "ALICE1")).isTrue();
        assertThat(alice.machine.deviceInfos(bob.userId())).singleElement()
                .satisfies(d -> assertThat(d.verified()).isTrue());

        alice.restart();
        assertThat(alice.machine.isDeviceVerified(bob.userId(), "BOB1")).as("stored").isTrue();
        assertThat(alice.machine.describe()).contains("verified devices 1");
    }

    @Test
    void aDirectStartWithoutRequestWorksAsWithMatrixNio() throws Exception {
        TestDevice[] pair = pair();
        TestDevice alice = pair[0];
        TestDevice bob = pair[1];
        String txn = alice.machine.startVerification(bob.userId(), "BOB1", false).transactionId();
        assertThat(alice.machine.verification(txn).orElseThrow().state()).isEqualTo(VerificationState.STARTED);
        alice.flush();
        bob.sync();
        assertThat(bob.machine.verification(txn).orElseThrow().state()).isEqualTo(VerificationState.START_RECEIVED);
        bob.machine.acceptVerification(txn);
        bob.flush();
        alice.sync();
        bob.sync();
        alice.sync();
        assertThat(alice.machine.verification(txn).orElseThrow().decimals())
                .isEqualTo(bob.machine.verification(txn).orElseThrow().decimals()).isNotEmpty();
        bob.machine.confirmVerification(txn);
        alice.machine.confirmVerification(txn);
        bob.flush();
        alice.flush();
        alice.sync();
        bob.sync();
        assertThat(alice.machine.isDeviceVerified(bob.userId(), "BOB1")).isTrue();
        assertThat(bob.machine.isDeviceVerified(alice.userId(), "ALICE1")).isTrue();
    }

    @Test
    void aMismatchCancelsBothSidesAndNobodyIsVerified() throws Exception {
        TestDevice[] pair = pair();
        TestDevice alice = pair[0];
        TestDevice bob = pair[1];
        String txn = alice.machine.startVerification(bob.userId(), "BOB1", false).transactionId();
        alice.flush();
        bob.sync();
        bob.machine.acceptVerification(txn);
        bob.flush();
        alice.sync();
        bob.sync();
        alice.sync();
        VerificationInfo cancelled = bob.machine.cancelVerification(txn, true);
        assertThat(cancelled.state()).isEqualTo(VerificationState.CANCELLED);
        assertThat(cancelled.decimals()).isEmpty();
        bob.flush();
        alice.sync();
        VerificationInfo a = alice.machine.verification(txn).orElseThrow();
        assertThat(a.state()).isEqualTo(VerificationState.CANCELLED);
        assertThat(a.cancelCode()).contains("m.mismatched_sas");
        assertThat(a.cancelledByUs()).isFalse();
        assertThatThrownBy(() -> alice.machine.confirmVerification(txn)).isInstanceOf(IllegalStateException.class);
        assertThat(alice.machine.isDeviceVerified(bob.userId(), "BOB1")).isFalse();
        assertThat(bob.machine.isDeviceVerified(alice.userId(), "ALICE1")).isFalse();
    }

    @Test
    void aForgedMacIsRefusedWithKeyMismatch() throws Exception {
        TestDevice[] pair = pair();
        TestDevice alice = pair[0];
        TestDevice bob = pair[1];
        String txn = alice.machine.startVerification(bob.userId(), "BOB1", false).transactionId();
        alice.flush();
        bob.sync();
        bob.machine.acceptVerification(txn);
        bob.flush();
        alice.sync();
        bob.sync();
        alice.sync();
        alice.machine.confirmVerification(txn);
        ObjectNode forged = server.mapper().createObjectNode();
        forged.put("type", "m.key.verification.mac").put("sender", bob.userId());
        ObjectNode content = forged.putObject("content").put("transaction_id", txn).put("keys", "AAAA");
        content.putObject("mac").put("ed25519:BOB1", "AAAA");
        server.deliverToDevice(new FakeHomeserver.DeviceRef(alice.userId(), "ALICE1"), forged);
        alice.sync();
        VerificationInfo a = alice.machine.verification(txn).orElseThrow();
        assertThat(a.state()).isEqualTo(VerificationState.CANCELLED);
        assertThat(a.cancelCode()).contains("m.key_mismatch");
        assertThat(alice.machine.isDeviceVerified(bob.userId(), "BOB1")).isFalse();
    }

    @Test
    void anUnknownDeviceCannotBeVerifiedYet() throws Exception {
        TestDevice alice = device("@alice:localhost", "ALICE1");
        assertThatThrownBy(() -> alice.machine.startVerification("@carol:localhost", "CAROL1", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not known");
    }

    @Test
    void sasEncodingsFollowTheSpec() {
        // Spec example bits: all-ones bytes give the last emoji (63, "Pin") and 8191+1000.
        byte[] ones = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThat(SasEmojiTable.emoji(ones)).hasSize(7).allSatisfy(e -> assertThat(e.description()).isEqualTo("Pin"));
        assertThat(SasEmojiTable.decimals(ones)).containsExactly(9191, 9191, 9191);
        byte[] zeros = new byte[6];
        assertThat(SasEmojiTable.decimals(zeros)).containsExactly(1000, 1000, 1000);
        assertThat(SasEmojiTable.emoji(zeros)).allSatisfy(e -> assertThat(e.description()).isEqualTo("Dog"));
        // The emoji are the FIRST 42 bits: 000001 000010 000011 ... -> Cat, Lion, Horse, ...
        byte[] counting = {0x04, 0x20, (byte) 0xc4, 0x14, 0x61, (byte) 0xc0};
        assertThat(SasEmojiTable.emoji(counting)).extracting(e -> e.number()).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }
}
