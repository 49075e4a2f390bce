package org.mxagent.itest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MediaAttachment;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.e2ee.E2eeProvider;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * Encrypted attachments (Matrix {@code EncryptedFile} v2) between our transport and matrix-nio, an independent
 * implementation, in an encrypted room on the dev Synapse: a file we upload is decrypted by nio's own code, a file
 * nio uploads is decrypted by ours, and the homeserver only ever stores ciphertext.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class E2eeAttachmentsIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10000)
    MatrixAccount account;

    @InjectService(timeout = 10000)
    E2eeProvider provider;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void attachmentsTravelEncryptedBothWaysBetweenNioAndMxAgent() throws Exception {
        try (E2eeSession session = new E2eeSession(context, account, "att")) {
            DevHomeserver.User nioUser = session.register("nio-att");
            String roomId = session.createEncryptedRoom(nioUser);
            RoomRecorder recorder = session.record(roomId);
            byte[] ours = ("attachment from mx-agent " + session.runId + "\n").repeat(2000)
                    .getBytes(StandardCharsets.UTF_8);
            byte[] theirs = ("attachment from nio " + session.runId + "\n").repeat(500)
                    .getBytes(StandardCharsets.UTF_8);

            try (NioPeer nio = new NioPeer(session.homeserverUrl, nioUser)) {
                nio.join(roomId);

                MediaAttachment attachment = session.client.uploadAttachment(roomId, ours, "text/plain",
                        "ours.txt");
                assertThat(attachment.encryptedFile()).as("an encrypted room gets an EncryptedFile").isPresent();
                byte[] stored = session.client.downloadMedia(attachment.mxcUri());
                assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                        .as("the homeserver holds ciphertext only").doesNotContain("attachment from mx-agent");
                assertThat(stored).hasSameSizeAs(ours);
                ObjectNode message = session.text("ours.txt").put("msgtype", "m.file");
                message.set("file", attachment.encryptedFile().get());
                session.client.sendEvent(roomId, "m.room.message", message);
                JsonNode fetched = nio.fetchFile(roomId, "ours.txt", 60);
                assertThat(fetched.path("sha256").asText()).as("nio decrypted our file").isEqualTo(sha256(ours));

                JsonNode sent = nio.sendFile(roomId, "theirs.bin", theirs);
                RoomEvent event = E2eeSession.await(recorder.event(e -> e.eventId().equals(
                        sent.path("event_id").asText())), "nio's m.file, decrypted by our sync loop");
                JsonNode file = event.content().path("file");
                byte[] decrypted = session.client.downloadAttachment(file.path("url").asText(), Optional.of(file));
                assertThat(sha256(decrypted)).as("we decrypted nio's file").isEqualTo(sha256(theirs));

                ObjectNode forged = file.deepCopy();
                forged.with("hashes").put("sha256", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
                assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> session.client.downloadAttachment(
                        file.path("url").asText(), Optional.of(forged))))
                        .as("a hash that does not match is refused").hasMessageContaining("does not hash");
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
