package org.mxagent.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Hashtable;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.RoomEventListener;
import org.mxagent.transport.api.e2ee.UndecryptableEventListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * What every end-to-end encryption test starts from: the dev homeserver, a fresh user logged in as this runtime
 * (a new device, so a new crypto store), its {@link MatrixClient} once the first sync is done (our device keys are
 * uploaded before the first sync), and helpers to make encrypted rooms and record what the sync loop delivers.
 */
final class E2eeSession implements AutoCloseable {
    static final long WAIT_SECONDS = 90;

    final URI homeserverUrl;
    final DevHomeserver homeserver;
    final String runId;
    final DevHomeserver.User us;
    final MatrixClient client;
    private final BundleContext context;
    private final ServiceTracker<MatrixClient, MatrixClient> clients;
    private final java.util.List<ServiceRegistration<?>> registrations = new java.util.ArrayList<>();

    E2eeSession(BundleContext context, MatrixAccount account, String prefix) throws Exception {
        this.context = context;
        this.homeserverUrl = URI.create(TestEnvironment.require(TestEnvironment.HOMESERVER));
        this.homeserver = new DevHomeserver(homeserverUrl, TestEnvironment.require(TestEnvironment.REGISTRATION_SECRET));
        this.runId = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        this.us = homeserver.register(prefix + "-a-" + runId);
        account.login(homeserverUrl, us.localpart(), us.password().toCharArray());
        clients = new ServiceTracker<>(context, MatrixClient.class, null);
        clients.open();
        MatrixClient found = clients.waitForService(20_000);
        assertThat(found).as("MatrixClient after login").isNotNull();
        this.client = found;
        try (SyncStatusWatcher watcher = new SyncStatusWatcher(client)) {
            watcher.await(status -> status.completedSyncs() >= 1, "the first sync", WAIT_SECONDS);
        }
    }

    DevHomeserver.User register(String role) throws Exception {
        return homeserver.register(role + "-" + runId);
    }

    /** A private room with {@code m.room.encryption} from the start, the given users invited. */
    String createEncryptedRoom(DevHomeserver.User... invited) throws Exception {
        ObjectNode body = homeserver.mapper().createObjectNode();
        body.put("preset", "private_chat");
        body.put("name", "e2ee " + runId);
        ObjectNode encryption = body.putArray("initial_state").addObject();
        encryption.put("type", "m.room.encryption");
        encryption.put("state_key", "");
        encryption.putObject("content").put("algorithm", "m.megolm.v1.aes-sha2");
        String roomId = client.createRoom(body);
        for (DevHomeserver.User user : invited) {
            client.invite(roomId, user.userId());
        }
        return roomId;
    }

    /** Records the room's deliveries (room events and undecryptable ones) from now on. */
    RoomRecorder record(String roomId) {
        RoomRecorder recorder = new RoomRecorder(roomId);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(RoomEventListener.ROOMS, roomId);
        registrations.add(context.registerService(new String[] {RoomEventListener.class.getName(),
            UndecryptableEventListener.class.getName()}, recorder, properties));
        return recorder;
    }

    ObjectNode text(String body) {
        return homeserver.mapper().createObjectNode().put("msgtype", "m.text").put("body", body);
    }

    /** The current client (a new one after the transport bundle restarted). */
    MatrixClient currentClient() throws InterruptedException {
        MatrixClient current = clients.waitForService(20_000);
        assertThat(current).as("MatrixClient").isNotNull();
        return current;
    }

    static <T> T await(CompletableFuture<T> future, String what) throws InterruptedException {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return fail("timed out after " + WAIT_SECONDS + " s waiting for " + what);
        } catch (ExecutionException e) {
            return fail("failed waiting for " + what, e.getCause());
        }
    }

    @Override
    public void close() {
        registrations.forEach(ServiceRegistration::unregister);
        clients.close();
    }
}
