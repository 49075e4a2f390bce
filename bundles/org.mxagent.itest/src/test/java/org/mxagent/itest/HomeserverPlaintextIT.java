package org.mxagent.itest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.RoomEvent;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * "The homeserver cannot read an encrypted room", checked where it matters: a unique string sent through
 * {@code MatrixClient.sendEvent} into an encrypted room appears in no column of any table of Synapse's database,
 * while a control string sent into a plaintext room is found there (so the search does find what is stored).
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class HomeserverPlaintextIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10000)
    MatrixAccount account;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void synapsesDatabaseHoldsNoPlaintextOfAnEncryptedSend() throws Exception {
        try (E2eeSession session = new E2eeSession(context, account, "plaintext")) {
            DevHomeserver.User bob = session.register("plaintext-b");
            String encryptedRoom = session.createEncryptedRoom(bob);
            session.homeserver.join(bob, encryptedRoom);
            RoomRecorder recorder = session.record(encryptedRoom);
            String secret = "mxagent-secret-" + UUID.randomUUID();
            String control = "mxagent-control-" + UUID.randomUUID();

            ObjectNode content = session.text(secret);
            content.putObject("com.mxagent.exec").put("command", "echo " + secret);
            String secretId = session.client.sendEvent(encryptedRoom, "m.room.message", content);
            ObjectNode plain = session.homeserver.mapper().createObjectNode().put("preset", "private_chat");
            String plainRoom = session.client.createRoom(plain);
            String controlId = session.client.sendEvent(plainRoom, "m.room.message", session.text(control));
            RoomEvent echo = E2eeSession.await(recorder.event(e -> e.eventId().equals(secretId)),
                    "the echo of the encrypted send");
            assertThat(echo.content().path("body").asText()).as("we can read it").isEqualTo(secret);

            try (SynapseDatabase database = new SynapseDatabase()) {
                Map<String, Integer> storedEvent = database.tablesContaining(secretId);
                Map<String, Integer> secretHits = database.tablesContaining(secret);
                Map<String, Integer> controlHits = database.tablesContaining(control);
                System.out.printf("homeserver plaintext: %s, %d text columns scanned; encrypted event %s stored in"
                        + " %s; secret found in %s; plaintext control %s found in %s%n", database.file(),
                        database.columnsScanned(), secretId, storedEvent.keySet(), secretHits, controlId,
                        controlHits.keySet());
                assertThat(storedEvent).as("the encrypted event is in this database").containsKey("event_json.event_id");
                assertThat(controlHits).as("the search finds plaintext").containsKey("event_json.json");
                assertThat(secretHits).as("tables holding the encrypted message's text").isEmpty();
            }
        }
    }
}
