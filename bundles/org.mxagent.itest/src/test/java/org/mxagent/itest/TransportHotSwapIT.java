package org.mxagent.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixSession;
import org.mxagent.transport.api.RoomEventListener;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The reason this module exists: the sync v2 transport bundle is stopped, updated and started again while
 * another user's events keep arriving, and every event reaches the whiteboard listener exactly once. The
 * session and sync position live in the data directory, so the new bundle revision resumes where the old one
 * stopped, without a new login, and registers a fresh {@link MatrixClient} for consumers to re-bind to.
 *
 * <p>Needs the dev homeserver (MX_AGENT_TEST_HOMESERVER, MX_AGENT_TEST_REGISTRATION_SECRET); fails without it.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class TransportHotSwapIT {

    private static final String TRANSPORT_BSN = "org.mxagent.transport.syncv2";
    private static final long WAIT_SECONDS = 60;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10000)
    MatrixAccount account;

    /**
     * 60 pings, one every 100 ms; the bundle is stopped after 20 arrived and started again once 10 more were
     * sent: the new revision picks those up from the stored sync token.
     */
    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void updatingTheTransportBundleLosesAndRepeatsNoEvent() throws Exception {
        hotSwap(new Scenario(60, 100, 20, 10));
    }

    /**
     * More pings arrive while the bundle is down than one sync returns per room (timeline_limit, 100 by
     * default): the first sync after the restart is "limited" and the gap has to be filled from /messages.
     */
    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void anOutageLongerThanTheTimelineLimitIsBackfilled() throws Exception {
        hotSwap(new Scenario(180, 20, 20, 130));
    }

    /** How many pings, how fast, when to stop the bundle and how many pings to send before starting it. */
    private record Scenario(int pings, long paceMillis, int swapAfter, int sentWhileDown) {}

    private void hotSwap(Scenario scenario) throws Exception {
        URI homeserverUrl = URI.create(TestEnvironment.require(TestEnvironment.HOMESERVER));
        DevHomeserver homeserver = new DevHomeserver(homeserverUrl,
                TestEnvironment.require(TestEnvironment.REGISTRATION_SECRET));
        String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        DevHomeserver.User alice = homeserver.register("itest-a-" + runId);
        DevHomeserver.User bob = homeserver.register("itest-b-" + runId);

        // The runtime's transport logs in as A; B is an outside user driven over plain HTTP.
        MatrixSession session = account.login(homeserverUrl, alice.localpart(), alice.password().toCharArray());
        assertThat(session.userId()).isEqualTo(alice.userId());

        ServiceTracker<MatrixClient, MatrixClient> clients = new ServiceTracker<>(context, MatrixClient.class, null);
        ServiceTracker<MatrixAccount, MatrixAccount> accounts = new ServiceTracker<>(context, MatrixAccount.class,
                null);
        clients.open();
        accounts.open();
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "hot-swap ping sender");
            thread.setDaemon(true);
            return thread;
        });
        Bundle transport = transportBundle();
        try {
            MatrixClient client = clients.waitForService(10_000);
            assertThat(client).as("MatrixClient registered after login").isNotNull();
            ServiceReference<MatrixClient> clientBefore = clients.getServiceReference();

            ObjectNode createRoom = homeserver.mapper().createObjectNode();
            createRoom.put("preset", "private_chat");
            createRoom.put("name", "hot swap " + runId);
            String roomId = client.createRoom(createRoom);
            client.invite(roomId, bob.userId());
            homeserver.join(bob, roomId);

            PingRecorder recorder = new PingRecorder(roomId, runId, scenario.pings(), scenario.swapAfter());
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(RoomEventListener.EVENT_TYPES, PingRecorder.TYPE);
            properties.put(RoomEventListener.ROOMS, roomId);
            context.registerService(RoomEventListener.class, recorder, properties);

            PingSender sender = new PingSender(homeserver, bob, roomId, runId, scenario.pings());
            pace.scheduleAtFixedRate(sender::tick, 0, scenario.paceMillis(), TimeUnit.MILLISECONDS);

            await(recorder.swapPoint(), "the first " + scenario.swapAfter() + " pings before the swap", recorder, sender);
            BundleRevision revisionBefore = transport.adapt(BundleRevision.class);
            int deliveredAtStop = recorder.distinctDelivered();
            int sentAtStop = sender.sent();

            transport.stop();
            assertThat(clients.getServiceReference()).as("MatrixClient unregistered while the transport is stopped")
                    .isNull();
            transport.update();
            refresh(transport);
            // Keep it down while pings go on arriving, so the new revision has to catch up from the stored token.
            assertThat(sender.awaitSent(sentAtStop + scenario.sentWhileDown(), WAIT_SECONDS * 1000))
                    .as("%d more pings sent while the transport is down", scenario.sentWhileDown()).isTrue();
            int sentWhileDown = sender.sent() - sentAtStop;
            transport.start();

            MatrixClient clientAfter = clients.waitForService(20_000);
            assertThat(clientAfter).as("MatrixClient registered again after the update").isNotNull();
            ServiceReference<MatrixClient> referenceAfter = clients.getServiceReference();
            System.out.printf("hot swap: stopped after %d pings delivered / %d sent; %d sent while stopped; "
                    + "restarted at %d sent%n", deliveredAtStop, sentAtStop, sentWhileDown, sender.sent());

            List<String> sentIds = sender.allSent().get(WAIT_SECONDS, TimeUnit.SECONDS);
            await(recorder.allPings(), "all " + scenario.pings() + " pings", recorder, sender);
            // A fence sent after the last ping: once it is delivered, any repeat of an earlier batch would have
            // been delivered too (the timeline is delivered in order), so the duplicate check below is complete.
            ObjectNode fence = homeserver.mapper().createObjectNode();
            fence.put("run", runId);
            fence.put("fence", true);
            homeserver.send(bob, roomId, PingRecorder.TYPE, runId + "-fence", fence);
            await(recorder.fence(), "the fence event after the last ping", recorder, sender);

            assertThat(transport.adapt(BundleRevision.class)).as("the bundle was really updated")
                    .isNotSameAs(revisionBefore);
            assertThat(recorder.deliveredIds()).as("delivered event ids").containsExactlyInAnyOrderElementsOf(sentIds);
            assertThat(recorder.duplicates()).as("event ids delivered more than once").isEmpty();
            assertThat(recorder.firstDeliveryOrder()).as("pings delivered in timeline order").isSorted();
            assertThat(recorder.foreign()).as("events the listener's filter should have kept away").isEmpty();

            // Consumers re-bind: a new service from the new bundle revision, for the same session (no new login).
            assertThat(referenceAfter.getProperty(Constants.SERVICE_ID))
                    .isNotEqualTo(clientBefore.getProperty(Constants.SERVICE_ID));
            assertThat(referenceAfter.getBundle()).isEqualTo(transport);
            assertThat(clientAfter.session()).as("session of the restored client").isEqualTo(session);
            MatrixAccount accountAfter = accounts.waitForService(10_000);
            assertThat(accountAfter).isNotNull();
            assertThat(accountAfter.session()).as("session restored from the data directory").contains(session);
        } finally {
            pace.shutdownNow();
            if ((transport.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) {
                transport.start(); // leave the framework as found for the tests that follow
            }
            clients.close();
            accounts.close();
        }
    }

    private Bundle transportBundle() {
        for (Bundle bundle : context.getBundles()) {
            if (TRANSPORT_BSN.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return fail("bundle " + TRANSPORT_BSN + " is not installed in the test framework (see test.bndrun)");
    }

    /** Refreshes just this bundle so the old revision is gone, and waits for the framework to say so. */
    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        List<Throwable> errors = new ArrayList<>();
        context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class)
                .refreshBundles(List.of(bundle), event -> {
                    if (event.getType() == FrameworkEvent.ERROR && event.getThrowable() != null) {
                        errors.add(event.getThrowable());
                    }
                    if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                        refreshed.countDown();
                    }
                });
        assertThat(refreshed.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("refresh of %s finished", bundle).isTrue();
        assertThat(errors).as("errors while refreshing %s", bundle).isEmpty();
    }

    private static void await(CountDownLatch latch, String what, PingRecorder recorder, PingSender sender)
            throws InterruptedException, ExecutionException {
        if (latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            return;
        }
        String sent;
        if (sender.allSent().isDone()) {
            Set<String> missing = new HashSet<>(sender.allSent().join());
            recorder.deliveredIds().forEach(missing::remove);
            sent = "all sent; never delivered: " + missing;
        } else {
            sent = sender.sent() + " sent"
                    + (sender.allSent().isCompletedExceptionally() ? " (sender failed: " + failure(sender) + ")" : "");
        }
        fail("timed out after " + WAIT_SECONDS + " s waiting for " + what + ": " + recorder.distinctDelivered()
                + " distinct pings delivered, duplicates " + recorder.duplicates() + ", " + sent);
    }

    private static String failure(PingSender sender) {
        try {
            sender.allSent().get(0, TimeUnit.SECONDS);
            return "none";
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            return e.toString();
        }
    }
}
