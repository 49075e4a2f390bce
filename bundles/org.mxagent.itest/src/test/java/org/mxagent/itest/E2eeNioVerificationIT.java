package org.mxagent.itest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mxagent.crypto.api.DeviceVerification;
import org.mxagent.crypto.api.SasEmoji;
import org.mxagent.crypto.api.VerificationInfo;
import org.mxagent.crypto.api.VerificationState;
import org.mxagent.policy.api.DeviceCheck;
import org.mxagent.transport.api.MatrixAccount;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Interactive SAS verification ({@code m.sas.v1}) between our runtime and matrix-nio (0.20, which speaks the
 * start-without-request flow and the {@code hkdf-hmac-sha256} MAC): once nio starts and we accept, once we start
 * and nio accepts. Both sides show the same emoji and decimals, both reach the end, both mark the other device
 * verified, and the {@code DeviceCheck} service policy uses says so.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class E2eeNioVerificationIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final ObjectMapper mapper = new ObjectMapper();

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10000)
    MatrixAccount account;

    @InjectService(timeout = 10000)
    DeviceVerification verification;

    @InjectService(timeout = 10000)
    DeviceCheck deviceCheck;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void sasVerificationWithNioCompletesInBothDirectionsWithMatchingEmojiAndDecimals() throws Exception {
        try (E2eeSession session = new E2eeSession(context, account, "sas")) {
            DevHomeserver.User nioUser = session.register("nio-sas");
            String roomId = session.createEncryptedRoom(nioUser);
            try (NioPeer nio = new NioPeer(session.homeserverUrl, nioUser)) {
                String nioDevice = nio.ready().path("device_id").asText();
                String ourUser = session.us.userId();
                String ourDevice = session.client.session().deviceId();
                nio.command(mapper.createObjectNode().put("cmd", "join").put("room", roomId), "joined", 60);
                // Our machine tracks the members of the encrypted room and queries nio's device keys.
                session.currentClient().sendEvent(roomId, "m.room.message", session.text("hello nio"));
                Eventually.await("nio's device in our device list", () -> verification.device(nioUser.userId(),
                        nioDevice).isPresent(), WAIT);
                assertThat(verification.isVerified(nioUser.userId(), nioDevice)).isFalse();
                assertThat(deviceCheck.isVerified(nioUser.userId(), Optional.of(nioDevice))).isFalse();

                // 1. nio starts, we accept.
                String txn = nio.command(mapper.createObjectNode().put("cmd", "verify_start").put("user", ourUser)
                        .put("device", ourDevice), "verification_started", 60).path("transaction_id").asText();
                Eventually.await("nio's start reached us", () -> verification.verification(txn).isPresent(), WAIT);
                assertThat(verification.verification(txn).orElseThrow().state())
                        .isEqualTo(VerificationState.START_RECEIVED);
                verification.accept(txn);
                JsonNode nioSas = nio.command(sas(txn), "sas", 90);
                VerificationInfo ours = verification.await(txn, VerificationInfo::hasSas, WAIT);
                assertSameSas(ours, nioSas);
                verification.confirm(txn);
                JsonNode nioEnd = nio.command(confirm(txn), "verification_end", 90);
                VerificationInfo done = verification.await(txn, v -> v.state().isFinal(), WAIT);
                System.out.printf("sas interop (nio started): %s; nio: %s%n", done, nioEnd);
                assertThat(done.state()).as("%s", done).isEqualTo(VerificationState.DONE);
                assertThat(done.macMethod()).contains("hkdf-hmac-sha256");
                assertThat(nioEnd.path("verified").asBoolean()).as("nio: %s", nioEnd).isTrue();
                assertThat(nioEnd.path("device_verified").asBoolean()).as("nio marks our device verified").isTrue();
                assertThat(verification.isVerified(nioUser.userId(), nioDevice)).isTrue();
                assertThat(deviceCheck.isVerified(nioUser.userId(), Optional.of(nioDevice))).isTrue();
                assertThat(deviceCheck.isVerified(nioUser.userId(), Optional.empty())).as("fail closed").isFalse();

                // 2. we start (directly: nio 0.20 does not answer m.key.verification.request), nio accepts.
                VerificationInfo started = verification.start(nioUser.userId(), nioDevice, false);
                assertThat(started.state()).isEqualTo(VerificationState.STARTED);
                JsonNode nioSas2 = nio.command(sas(null), "sas", 90);
                assertThat(nioSas2.path("transaction_id").asText()).isEqualTo(started.transactionId());
                VerificationInfo ours2 = verification.await(started.transactionId(), VerificationInfo::hasSas, WAIT);
                assertSameSas(ours2, nioSas2);
                verification.confirm(started.transactionId());
                JsonNode nioEnd2 = nio.command(confirm(started.transactionId()), "verification_end", 90);
                VerificationInfo done2 = verification.await(started.transactionId(), v -> v.state().isFinal(), WAIT);
                System.out.printf("sas interop (we started): %s; nio: %s%n", done2, nioEnd2);
                assertThat(done2.state()).as("%s", done2).isEqualTo(VerificationState.DONE);
                assertThat(nioEnd2.path("verified").asBoolean()).as("nio: %s", nioEnd2).isTrue();

                String list = gogo("device:list " + nioUser.userId());
                System.out.println("sas interop: device:list\n" + list);
                assertThat(list).contains(nioDevice).contains("verified").doesNotContain("NOT verified");
            }
        }
    }

    private ObjectNode sas(String txn) {
        ObjectNode command = mapper.createObjectNode().put("cmd", "verify_sas").put("timeout", 60);
        if (txn != null) {
            command.put("transaction_id", txn);
        }
        return command;
    }

    private ObjectNode confirm(String txn) {
        return mapper.createObjectNode().put("cmd", "verify_confirm").put("transaction_id", txn).put("timeout", 60);
    }

    private static void assertSameSas(VerificationInfo ours, JsonNode nio) {
        assertThat(ours.hasSas()).as("our SAS: %s", ours).isTrue();
        List<Integer> nioDecimals = new ArrayList<>();
        nio.path("decimals").forEach(d -> nioDecimals.add(d.asInt()));
        List<String> nioEmoji = new ArrayList<>();
        nio.path("emoji").forEach(e -> nioEmoji.add(e.path(0).asText()));
        System.out.printf("sas interop: ours %s %s, nio's %s %s%n", ours.decimals(),
                ours.emoji().stream().map(SasEmoji::emoji).toList(), nioDecimals, nioEmoji);
        assertThat(ours.decimals()).hasSize(3).isEqualTo(nioDecimals);
        assertThat(ours.emoji().stream().map(SasEmoji::emoji).toList()).hasSize(7).isEqualTo(nioEmoji);
    }

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
}
