package org.mxagent.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.e2ee.DecryptionFailure;
import org.mxagent.transport.api.e2ee.E2eeProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The transport's side of end-to-end encryption with the crypto bundle coming and going: without it a send into an
 * encrypted room fails (and nothing reaches the server in plaintext) and encrypted events are reported as
 * undecryptable, never handed to room event listeners; with it back, an event whose key never came is reported
 * with the reason "missing session".
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class E2eeTransportIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10000)
    MatrixAccount account;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void withoutCryptoNothingIsSentInPlaintextAndUndecryptableEventsAreReportedWithAReason() throws Exception {
        try (E2eeSession session = new E2eeSession(context, account, "nocrypto")) {
            DevHomeserver.User bob = session.register("nocrypto-b");
            String roomId = session.createEncryptedRoom(bob);
            session.homeserver.join(bob, roomId);
            RoomRecorder recorder = session.record(roomId);
            String secret = "must not leak " + session.runId;

            Bundle crypto = bundle("org.mxagent.crypto");
            ServiceTracker<E2eeProvider, E2eeProvider> providers = new ServiceTracker<>(context, E2eeProvider.class,
                    null);
            providers.open();
            String whileDown;
            try {
                crypto.stop();
                MatrixException refused = assertThrows(MatrixException.class,
                        () -> session.client.sendEvent(roomId, "m.room.message", session.text(secret)));
                assertThat(refused.getMessage()).contains("end-to-end encrypted")
                        .contains("no end-to-end encryption service").contains("never sent in plaintext");

                whileDown = session.homeserver.send(bob, roomId, "m.room.encrypted", "down-" + session.runId,
                        fakeMegolm(session, "NoSuchSessionWhileDown"));
                RoomRecorder.Undecryptable noCrypto = E2eeSession.await(
                        recorder.undecryptable(u -> u.event().eventId().equals(whileDown)), "the NO_CRYPTO report");
                assertThat(noCrypto.failure().reason()).isEqualTo(DecryptionFailure.Reason.NO_CRYPTO);
            } finally {
                crypto.start();
            }
            assertThat(providers.waitForService(20_000)).as("crypto provider back").isNotNull();
            providers.close();

            String keyNeverCame = session.homeserver.send(bob, roomId, "m.room.encrypted", "up-" + session.runId,
                    fakeMegolm(session, "NoSuchSessionAtAll"));
            RoomRecorder.Undecryptable missing = E2eeSession.await(
                    recorder.undecryptable(u -> u.event().eventId().equals(keyNeverCame)), "the MISSING_SESSION report");
            assertThat(missing.failure().reason()).isEqualTo(DecryptionFailure.Reason.MISSING_SESSION);
            assertThat(missing.failure().sessionId()).isEqualTo("NoSuchSessionAtAll");

            // A plaintext fence after both: once it is delivered, the encrypted ones would have been too.
            ObjectNode fence = session.homeserver.mapper().createObjectNode().put("fence", session.runId);
            String fenceId = session.homeserver.send(bob, roomId, "org.mxagent.test.fence", "fence-" + session.runId,
                    fence);
            E2eeSession.await(recorder.event(e -> e.eventId().equals(fenceId)), "the fence");
            assertThat(recorder.delivered()).extracting(RoomEvent::eventId).doesNotContain(whileDown, keyNeverCame);
            assertThat(recorder.delivered()).noneMatch(e -> e.type().equals("m.room.encrypted"));
            assertThat(session.client.messages(roomId, null, true, 50).events())
                    .as("the refused send never reached the room").noneMatch(e -> e.raw().toString().contains(secret));
            System.out.printf("e2ee transport: refused plaintext send; reported %s and %s%n",
                    recorder.undecryptable().get(0).failure(), missing.failure());
        }
    }

    private static ObjectNode fakeMegolm(E2eeSession session, String sessionId) {
        return session.homeserver.mapper().createObjectNode().put("algorithm", "m.megolm.v1.aes-sha2")
                .put("ciphertext", "AwgAEhAAAAAAAAAAAAAAAAAAAAAA").put("session_id", sessionId)
                .put("sender_key", "bm90IGEga2V5").put("device_id", "FAKE");
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return fail("bundle " + symbolicName + " is not installed (see test.bndrun)");
    }
}
