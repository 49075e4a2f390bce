package org.mxagent.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MessagesPage;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.e2ee.E2eeProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Our runtime and an independent client, matrix-nio (with libolm, its own Olm/Megolm implementation and crypto
 * store), in one encrypted room on the dev Synapse: nio's encrypted message reaches our listeners decrypted, ours
 * reaches nio decrypted. Then the crypto bundle is restarted (its machine reopened from the SQLite store) and the
 * old messages still decrypt from the room history.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class E2eeNioInteropIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10000)
    MatrixAccount account;

    @InjectService(timeout = 10000)
    E2eeProvider provider;

    @InjectService(timeout = 10000)
    RuntimeDirectories directories;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void nioAndMxAgentReadEachOthersEncryptedMessagesAlsoAfterARestart() throws Exception {
        try (E2eeSession session = new E2eeSession(context, account, "nio")) {
            DevHomeserver.User nioUser = session.register("nio-b");
            String roomId = session.createEncryptedRoom(nioUser);
            RoomRecorder recorder = session.record(roomId);
            String fromNio = "from nio " + session.runId;
            String fromUs = "from mx-agent " + session.runId;

            long started = System.nanoTime();
            try (NioPeer nio = new NioPeer(session.homeserverUrl, nioUser)) {
                JsonNode joined = nio.join(roomId);
                assertThat(joined.path("encrypted").asBoolean()).as("nio sees the room encrypted").isTrue();

                String nioEventId = nio.send(roomId, fromNio);
                RoomEvent received = E2eeSession.await(recorder.event(e -> e.eventId().equals(nioEventId)),
                        "nio's message, decrypted by our sync loop");
                assertThat(received.type()).isEqualTo("m.room.message");
                assertThat(received.content().path("body").asText()).isEqualTo(fromNio);
                assertThat(received.isDecrypted()).isTrue();
                assertThat(received.decryption().orElseThrow().path("sender_key").asText())
                        .as("decrypted with the key of nio's device").isEqualTo(nio.ready().path("curve25519").asText());
                assertThat(received.sender()).isEqualTo(nioUser.userId());

                String ourEventId = session.client.sendEvent(roomId, "m.room.message", session.text(fromUs));
                JsonNode nioGot = nio.expect(roomId, fromUs, 60);
                assertThat(nioGot.path("event").asText()).as("nio's answer %s", nioGot).isEqualTo("received");
                assertThat(nioGot.path("event_id").asText()).isEqualTo(ourEventId);
                assertThat(nioGot.path("decrypted").asBoolean()).as("nio decrypted it").isTrue();
                assertThat(nioGot.path("sender").asText()).isEqualTo(session.us.userId());

                RoomEvent echo = E2eeSession.await(recorder.event(e -> e.eventId().equals(ourEventId)),
                        "the echo of our own encrypted message");
                assertThat(echo.isDecrypted()).isTrue();
                assertThat(echo.content().path("body").asText()).isEqualTo(fromUs);
                assertThat(recorder.undecryptable()).as("undecryptable events").isEmpty();
                assertThat(recorder.delivered()).as("no listener saw ciphertext")
                        .noneMatch(e -> e.type().equals("m.room.encrypted"));
                System.out.printf("e2ee interop: nio -> mx-agent and mx-agent -> nio in %d ms (room %s)%n",
                        (System.nanoTime() - started) / 1_000_000, roomId);

                String status = gogo("crypto:status");
                System.out.println("e2ee interop: crypto:status\n" + status);
                assertThat(status).contains(session.client.session().deviceId()).contains("device keys uploaded")
                        .contains("outbound " + roomId).containsPattern("decrypted [1-9]")
                        .contains("undecryptable none");
                assertPrivate(directories.dataDir().resolve("crypto-store-key"), "rw-------");
                Path crypto = directories.dataDir().resolve("crypto");
                assertPrivate(crypto, "rwx------");
                try (Stream<Path> files = Files.walk(crypto)) {
                    files.filter(Files::isRegularFile).forEach(file -> assertPrivate(file, "rw-------"));
                }

                restartCryptoBundle();
                MessagesPage history = session.currentClient().messages(roomId, null, true, 50);
                assertThat(history.events()).filteredOn(e -> e.eventId().equals(nioEventId)).singleElement()
                        .satisfies(e -> {
                            assertThat(e.isDecrypted()).as("nio's message after the crypto restart").isTrue();
                            assertThat(e.content().path("body").asText()).isEqualTo(fromNio);
                        });
                assertThat(history.events()).filteredOn(e -> e.eventId().equals(ourEventId)).singleElement()
                        .satisfies(e -> assertThat(e.content().path("body").asText()).isEqualTo(fromUs));

                // After the restart both directions still work (Olm sessions and Megolm sessions from the store).
                String again = "after restart " + session.runId;
                String againId = session.currentClient().sendEvent(roomId, "m.room.message", session.text(again));
                JsonNode nioAgain = nio.expect(roomId, again, 60);
                assertThat(nioAgain.path("event_id").asText()).as("nio's answer %s", nioAgain).isEqualTo(againId);
                String nioAgainId = nio.send(roomId, "nio " + again);
                assertThat(E2eeSession.await(recorder.event(e -> e.eventId().equals(nioAgainId)), "nio's second message")
                        .content().path("body").asText()).isEqualTo("nio " + again);
            }
        }
    }

    private static void assertPrivate(Path path, String mode) {
        try {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as("mode of %s", path)
                    .isEqualTo(mode);
        } catch (java.io.IOException e) {
            fail("cannot read the mode of " + path, e);
        }
    }

    /** Runs a Gogo command as the shell would and returns what it printed. */
    private String gogo(String command) throws Exception {
        ServiceTracker<CommandProcessor, CommandProcessor> processors = new ServiceTracker<>(context,
                CommandProcessor.class, null);
        processors.open();
        try {
            CommandProcessor processor = processors.waitForService(10_000);
            assertThat(processor).as("Gogo CommandProcessor").isNotNull();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            try (CommandSession shell = processor.createSession(new ByteArrayInputStream(new byte[0]), print, print)) {
                Object result = shell.execute(command);
                if (result != null) {
                    print.println(shell.format(result, Converter.INSPECT));
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            processors.close();
        }
    }

    /** Stops and starts the crypto bundle: the provider goes away and comes back; the transport rebinds. */
    private void restartCryptoBundle() throws Exception {
        Bundle crypto = bundle("org.mxagent.crypto");
        ServiceTracker<E2eeProvider, E2eeProvider> providers = new ServiceTracker<>(context, E2eeProvider.class, null);
        providers.open();
        try {
            crypto.stop();
            assertThat(providers.getService()).as("no provider while stopped").isNull();
            crypto.start();
            assertThat(providers.waitForService(20_000)).as("provider back").isNotNull();
        } finally {
            providers.close();
        }
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
