package org.mxagent.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.MatrixSession;
import org.mxagent.transport.api.MessagesPage;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.RoomEventListener;
import org.mxagent.transport.api.SyncStatus;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The sync v2 transport against a real Synapse that misbehaves: a second, private server (its own state
 * directory and port, started through {@code dev/matrix/homeserver}) with a tight {@code rc_message} limit, which
 * the tests also restart and whose sessions they revoke, so the shared dev server is never disturbed.
 * <ol>
 * <li>429: sends as fast as possible, one after the other and from 8 threads at once, all succeed (the client
 * waits out {@code retry_after_ms}), each event is stored and delivered exactly once, and rate limiting really
 * happened.</li>
 * <li>A homeserver restart while another user sends: the sync loop records the outage, recovers by itself and
 * delivers every event exactly once.</li>
 * <li>A revoked access token: the sync loop stops and says to log in again.</li>
 * </ol>
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransportResilienceIT {

    /** rc_message of the private server: 2 messages per second after a burst of 3. */
    private static final double RATE_PER_SECOND = 2;
    private static final int RATE_BURST = 3;
    private static final String RC_MESSAGE = "2:" + RATE_BURST;

    private static final long WAIT_SECONDS = 60;

    private static PrivateHomeserver server;
    /** The private server seen from outside the runtime (registration, other users), over plain HTTP. */
    private static DevHomeserver outside;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10000)
    MatrixAccount account;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private ServiceTracker<MatrixClient, MatrixClient> clients;
    private SyncStatusWatcher watcher;
    private ScheduledExecutorService pace;
    private ExecutorService senders;

    /** Whether to keep the private server's state directory (its logs) for a look after the run. */
    private static final AtomicBoolean somethingFailed = new AtomicBoolean();

    @RegisterExtension
    static final TestWatcher failureWatcher = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext extensionContext, Throwable cause) {
            somethingFailed.set(true);
        }
    };

    @BeforeAll
    static void startPrivateHomeserver() throws Exception {
        try {
            BundleContext bundleContext = FrameworkUtil.getBundle(TransportResilienceIT.class).getBundleContext();
            server = PrivateHomeserver.configured(bundleContext, RC_MESSAGE);
            long started = System.nanoTime();
            server.restart();
            System.out.printf("resilience: private homeserver %s ready in %d ms%n", server, millisSince(started));
            outside = new DevHomeserver(server.url(), server.registrationSecret());
        } catch (Exception | AssertionError e) {
            somethingFailed.set(true);
            throw e;
        }
    }

    /** Stops the private server even when a test failed; deletes its state (about 5 MB) only after a green run. */
    @AfterAll
    static void stopPrivateHomeserver() throws Exception {
        if (server == null) {
            return;
        }
        if (somethingFailed.get()) {
            server.down();
            System.out.println("resilience: kept " + server.stateDir() + " (homeserver.log, synapse.out) for a look");
        } else {
            server.deleteState();
        }
    }

    @AfterEach
    void cleanUp() {
        if (pace != null) {
            pace.shutdownNow();
        }
        if (senders != null) {
            senders.shutdownNow();
        }
        if (watcher != null) {
            watcher.close();
        }
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
        // Leave the runtime logged out: never pointing at the private server, which stops after this class.
        try {
            account.logout();
        } catch (MatrixException e) {
            System.out.println("resilience: server-side logout after the test failed (expected for a revoked "
                    + "token): " + e.getMessage());
        }
        if (clients != null) {
            clients.close();
        }
    }

    /**
     * 15 sends in a row through {@link MatrixClient#sendEvent}, against a limit of 2 per second: every call
     * returns an event id, the room holds each event once, the listener gets each once, and the transport did meet
     * 429s (SyncStatus.rateLimitedUntil, Synapse's access log, and the time the sends took).
     */
    @Test
    @Order(1)
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void sendsThatHitTheRateLimitAllSucceedAndArriveExactlyOnce() throws Exception {
        final int sends = 15;
        String runId = runId();
        DevHomeserver.User alice = outside.register("rl-a-" + runId);
        MatrixClient client = logIn(alice);
        String roomId = createRoom(client, "rate limit " + runId);
        PingRecorder recorder = listen(roomId, runId, sends);

        Instant sendsStarted = Instant.now();
        long started = System.nanoTime();
        List<String> eventIds = new ArrayList<>();
        for (int seq = 0; seq < sends; seq++) {
            eventIds.add(client.sendEvent(roomId, PingRecorder.TYPE, ping(runId, seq)));
        }
        long sendMillis = millisSince(started);
        SyncStatus afterSends = client.syncStatus();
        long serverSide429s = server.rateLimitedSends(alice.userId());

        await(recorder.allPings(), "all " + sends + " pings", recorder);
        ObjectNode fence = ping(runId, -1).put("fence", true);
        client.sendEvent(roomId, PingRecorder.TYPE, fence);
        await(recorder.fence(), "the fence event after the last ping", recorder);
        List<String> inRoom = pingsInRoom(client, roomId, runId);

        // The limiter lets burst + 1 through at once, then one per 1/rate s: 11 * 0.5 s = 5.5 s at the least.
        long minimumMillis = (long) ((sends - RATE_BURST - 1) / RATE_PER_SECOND * 1000) - 500;
        System.out.printf("resilience: rate limit %s: %d sends in %d ms (limiter minimum ~%d ms), %d x 429 in "
                + "Synapse's log, rateLimitedUntil %s; delivered %d distinct, duplicates %s; /messages holds %d%n",
                RC_MESSAGE, sends, sendMillis, minimumMillis + 500, serverSide429s, afterSends.rateLimitedUntil(),
                recorder.distinctDelivered(), recorder.duplicates(), inRoom.size());

        assertThat(eventIds).as("event ids returned by sendEvent").hasSize(sends).doesNotHaveDuplicates();
        assertThat(afterSends.rateLimitedUntil()).as("SyncStatus.rateLimitedUntil, set when a request gets 429")
                .isNotNull().isAfter(sendsStarted);
        assertThat(serverSide429s).as("429 replies to %s's sends in Synapse's access log", alice.userId())
                .isPositive();
        assertThat(sendMillis).as("time for %d sends under rc_message %s", sends, RC_MESSAGE)
                .isGreaterThanOrEqualTo(minimumMillis);
        assertThat(recorder.deliveredIds()).as("event ids delivered to the listener")
                .containsExactlyInAnyOrderElementsOf(eventIds);
        assertThat(recorder.duplicates()).as("event ids delivered more than once").isEmpty();
        assertThat(recorder.firstDeliveryOrder()).as("pings delivered in sending order").isSorted();
        assertThat(recorder.foreign()).as("events the listener's filter should have kept away").isEmpty();
        assertThat(inRoom).as("ping events stored in the room (read back with /messages)")
                .containsExactlyInAnyOrderElementsOf(eventIds);
    }

    /**
     * 16 sends from 8 threads at once through one {@link MatrixClient}: the limiter refuses most of them several
     * times in a row (only one waiting sender wins each time a slot frees up), yet every call returns an event id
     * and every event is stored and delivered once. Before HttpMatrixApi stopped counting 429s against its
     * network-retry budget (6 attempts), 3 of these 16 sends failed here with M_LIMIT_EXCEEDED.
     */
    @Test
    @Order(2)
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void concurrentSendersAllGetThroughTheRateLimit() throws Exception {
        final int sends = 16;
        final int threadCount = 8;
        String runId = runId();
        DevHomeserver.User alice = outside.register("rc-a-" + runId);
        MatrixClient client = logIn(alice);
        String roomId = createRoom(client, "concurrent sends " + runId);
        PingRecorder recorder = listen(roomId, runId, sends);

        senders = Executors.newFixedThreadPool(threadCount);
        List<Future<String>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < sends; i++) {
            int seq = i;
            results.add(senders.submit(() -> client.sendEvent(roomId, PingRecorder.TYPE, ping(runId, seq))));
        }
        List<String> eventIds = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Future<String> result : results) {
            try {
                eventIds.add(result.get(WAIT_SECONDS * 3, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                failures.add(String.valueOf(e.getCause()));
            }
        }
        long sendMillis = millisSince(started);
        long serverSide429s = server.rateLimitedSends(alice.userId());
        assertThat(failures).as("sends that failed instead of waiting out the rate limit").isEmpty();

        await(recorder.allPings(), "all " + sends + " pings", recorder);
        client.sendEvent(roomId, PingRecorder.TYPE, ping(runId, -1).put("fence", true));
        await(recorder.fence(), "the fence event after the last ping", recorder);
        List<String> inRoom = pingsInRoom(client, roomId, runId);
        System.out.printf("resilience: rate limit %s: %d sends from %d threads in %d ms, %d x 429 in Synapse's log; "
                + "delivered %d distinct, duplicates %s; /messages holds %d%n", RC_MESSAGE, sends, threadCount,
                sendMillis, serverSide429s, recorder.distinctDelivered(), recorder.duplicates(), inRoom.size());

        assertThat(eventIds).as("event ids returned by sendEvent").hasSize(sends).doesNotHaveDuplicates();
        assertThat(serverSide429s).as("429 replies to %s's sends in Synapse's access log", alice.userId())
                .isPositive();
        assertThat(client.syncStatus().rateLimitedUntil()).as("SyncStatus.rateLimitedUntil").isNotNull();
        assertThat(recorder.deliveredIds()).as("event ids delivered to the listener")
                .containsExactlyInAnyOrderElementsOf(eventIds);
        assertThat(recorder.duplicates()).as("event ids delivered more than once").isEmpty();
        assertThat(recorder.foreign()).as("events the listener's filter should have kept away").isEmpty();
        assertThat(inRoom).as("ping events stored in the room (read back with /messages)")
                .containsExactlyInAnyOrderElementsOf(eventIds);
    }

    /**
     * Bob sends 20 pings over plain HTTP, one attempt every 250 ms; after 6 reached the runtime's listener the
     * homeserver is restarted. The last 8 pings are held back until the restart is over, so they can only arrive
     * through the recovered sync loop. Sends that fail during the outage are repeated with their transaction id.
     */
    @Test
    @Order(3)
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void theSyncLoopRecoversFromAHomeserverRestartAndLosesOrRepeatsNoEvent() throws Exception {
        final int pings = 20;
        final int beforeRestart = 6;
        final int heldBack = 8;
        String runId = runId();
        DevHomeserver.User alice = outside.register("rs-a-" + runId);
        DevHomeserver.User bob = outside.register("rs-b-" + runId);
        MatrixClient client = logIn(alice);
        watcher = new SyncStatusWatcher(client);
        String roomId = createRoom(client, "restart " + runId, bob);
        PingRecorder recorder = new PingRecorder(roomId, runId, pings, beforeRestart);
        register(recorder, roomId);
        watcher.await(s -> s.running() && s.completedSyncs() > 0, "a first completed sync", WAIT_SECONDS);

        RetryingPingSender sender = new RetryingPingSender(outside, bob, roomId, runId, pings, pings - heldBack);
        pace = pacer("restart ping sender");
        pace.scheduleWithFixedDelay(sender::tick, 0, 250, TimeUnit.MILLISECONDS);
        await(recorder.swapPoint(), "the first " + beforeRestart + " pings before the restart", recorder);

        SyncStatus healthy = client.syncStatus();
        assertThat(healthy.consecutiveFailures()).as("sync failures before the restart").isZero();
        assertThat(healthy.lastError()).as("sync error before the restart").isNull();
        CompletableFuture<SyncStatus> failing = watcher.when(s -> s.consecutiveFailures() > 0);
        int deliveredAtRestart = recorder.distinctDelivered();
        int sentAtRestart = sender.sent();
        long restartStarted = System.nanoTime();
        server.restart();
        long restartMillis = millisSince(restartStarted);
        int sentWhenBackUp = sender.sent();
        sender.allowUpTo(pings);

        SyncStatus failed = watcher.await(failing, "the sync loop to record a failure during the restart",
                WAIT_SECONDS);
        SyncStatus recovered = watcher.await(s -> s.running() && s.consecutiveFailures() == 0
                && s.completedSyncs() > failed.completedSyncs(), "the sync loop to recover on its own", WAIT_SECONDS);
        long recoveryMillis = millisSince(restartStarted);
        List<String> sentIds = allSent(sender, recorder);
        await(recorder.allPings(), "all " + pings + " pings", recorder);
        await(recorder.fence(), "the fence event after the last ping", recorder);

        System.out.printf("resilience: restart after %d pings delivered / %d sent; `homeserver restart` took %d ms; "
                + "sync loop failed (up to %d in a row, last error \"%s\") and recovered %d ms after the restart "
                + "began (syncs %d -> %d); bob: %d sent when back up, %d network errors, %d x 5xx, %d x 429; "
                + "delivered %d distinct, duplicates %s%n",
                deliveredAtRestart, sentAtRestart, restartMillis, watcher.mostConsecutiveFailures(),
                failed.lastError(), recoveryMillis, failed.completedSyncs(), recovered.completedSyncs(),
                sentWhenBackUp, sender.networkErrors(), sender.serverErrors(), sender.rateLimited(),
                recorder.distinctDelivered(), recorder.duplicates());

        assertThat(failed.lastError()).as("SyncStatus.lastError during the outage").isNotBlank();
        assertThat(recovered.lastSuccessAt()).as("last successful sync").isNotNull();
        assertThat(sentIds).as("pings bob sent").hasSize(pings).doesNotHaveDuplicates();
        assertThat(pings - sentWhenBackUp).as("pings sent only after the restart").isGreaterThanOrEqualTo(heldBack);
        assertThat(recorder.deliveredIds()).as("event ids delivered to the listener")
                .containsExactlyInAnyOrderElementsOf(sentIds);
        assertThat(recorder.duplicates()).as("event ids delivered more than once").isEmpty();
        assertThat(recorder.firstDeliveryOrder()).as("pings delivered in timeline order").isSorted();
        assertThat(recorder.foreign()).as("events the listener's filter should have kept away").isEmpty();
        SyncStatus end = client.syncStatus();
        assertThat(end.running()).as("sync loop still running").isTrue();
        assertThat(end.consecutiveFailures()).as("sync failures at the end").isZero();
    }

    /**
     * Alice's tokens are revoked on the server (a second login over plain HTTP, then {@code /logout/all}); an
     * event from Bob ends the long-poll that was authorised before, and the next {@code /sync} is refused: the
     * loop stops with an error that says to log in again, and the client's requests fail as unknown token.
     */
    @Test
    @Order(4)
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aRevokedAccessTokenStopsTheSyncLoopAndSaysToLogInAgain() throws Exception {
        String runId = runId();
        DevHomeserver.User alice = outside.register("rt-a-" + runId);
        DevHomeserver.User bob = outside.register("rt-b-" + runId);
        MatrixClient client = logIn(alice);
        watcher = new SyncStatusWatcher(client);
        String roomId = createRoom(client, "revoked " + runId, bob);
        watcher.await(s -> s.running() && s.completedSyncs() > 0, "a first completed sync", WAIT_SECONDS);

        CompletableFuture<SyncStatus> stopping = watcher.when(s -> !s.running());
        long revoked = System.nanoTime();
        outside.logoutAll(outside.login(alice));
        RetryingPingSender wakeUp = new RetryingPingSender(outside, bob, roomId, runId, 1, 1);
        pace = pacer("wake-up sender");
        pace.scheduleWithFixedDelay(wakeUp::tick, 0, 250, TimeUnit.MILLISECONDS);
        SyncStatus stopped = watcher.await(stopping, "the sync loop to stop after the token was revoked",
                WAIT_SECONDS);
        long stopMillis = millisSince(revoked);
        System.out.printf("resilience: token revoked; sync loop stopped after %d ms: \"%s\"%n", stopMillis,
                stopped.lastError());

        assertThat(stopped.lastError()).as("SyncStatus.lastError after the token was revoked")
                .contains("M_UNKNOWN_TOKEN").contains("log in again");
        assertThat(client.syncStatus().running()).as("MatrixClient.syncStatus().running()").isFalse();
        assertThatThrownBy(() -> client.sendEvent(roomId, PingRecorder.TYPE, ping(runId, 99)))
                .as("a send with the revoked token").isInstanceOfSatisfying(MatrixException.class, e -> {
                    assertThat(e.isUnknownToken()).as("isUnknownToken of %s", e.getMessage()).isTrue();
                    assertThat(e.status()).isEqualTo(401);
                });
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private MatrixClient logIn(DevHomeserver.User user) throws Exception {
        MatrixSession session = account.login(server.url(), user.localpart(), user.password().toCharArray());
        assertThat(session.userId()).isEqualTo(user.userId());
        clients = new ServiceTracker<>(context, MatrixClient.class, null);
        clients.open();
        MatrixClient client = clients.waitForService(10_000);
        assertThat(client).as("MatrixClient registered after login").isNotNull();
        assertThat(client.session()).as("session of the registered client").isEqualTo(session);
        return client;
    }

    /** A private room created by the runtime's user, which each guest is invited to and joins. */
    private String createRoom(MatrixClient client, String name, DevHomeserver.User... guests) throws Exception {
        ObjectNode body = outside.mapper().createObjectNode();
        body.put("preset", "private_chat");
        body.put("name", name);
        String roomId = client.createRoom(body);
        for (DevHomeserver.User guest : guests) {
            client.invite(roomId, guest.userId());
            outside.join(guest, roomId);
        }
        return roomId;
    }

    private PingRecorder listen(String roomId, String runId, int pings) {
        PingRecorder recorder = new PingRecorder(roomId, runId, pings, pings);
        register(recorder, roomId);
        return recorder;
    }

    private void register(PingRecorder recorder, String roomId) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(RoomEventListener.EVENT_TYPES, PingRecorder.TYPE);
        properties.put(RoomEventListener.ROOMS, roomId);
        registrations.add(context.registerService(RoomEventListener.class, recorder, properties));
    }

    private static ObjectNode ping(String runId, int seq) {
        ObjectNode content = outside.mapper().createObjectNode();
        content.put("run", runId);
        content.put("seq", seq);
        return content;
    }

    /** Event ids of this run's pings (not the fence) in the room's timeline, read back page by page. */
    private static List<String> pingsInRoom(MatrixClient client, String roomId, String runId) throws Exception {
        List<String> ids = new ArrayList<>();
        String from = null;
        for (int page = 0; page < 20; page++) {
            MessagesPage messages = client.messages(roomId, from, true, 100);
            for (RoomEvent event : messages.events()) {
                if (PingRecorder.TYPE.equals(event.type()) && runId.equals(event.content().path("run").asText())
                        && !event.content().path("fence").asBoolean(false)) {
                    ids.add(event.eventId());
                }
            }
            if (messages.events().isEmpty() || messages.end() == null) {
                return ids;
            }
            from = messages.end();
        }
        return fail("the room's timeline did not end within 20 pages");
    }

    private static List<String> allSent(RetryingPingSender sender, PingRecorder recorder) throws Exception {
        try {
            return sender.allSent().get(WAIT_SECONDS + RetryingPingSender.STALL_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("bob's sender failed after " + sender.sent() + " pings", e.getCause());
        } catch (TimeoutException e) {
            return fail("bob's sender did not finish: " + sender.sent() + " sent, " + recorder.distinctDelivered()
                    + " delivered");
        }
    }

    private static void await(CountDownLatch latch, String what, PingRecorder recorder) throws InterruptedException {
        if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            fail("timed out after " + WAIT_SECONDS + " s waiting for " + what + ": " + recorder.distinctDelivered()
                    + " distinct pings delivered, duplicates " + recorder.duplicates());
        }
    }

    private static ScheduledExecutorService pacer(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    private static String runId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }
}
