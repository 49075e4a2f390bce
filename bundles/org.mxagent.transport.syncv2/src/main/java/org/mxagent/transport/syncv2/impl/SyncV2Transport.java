package org.mxagent.transport.syncv2.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.MatrixSession;
import org.mxagent.transport.api.RoomEventListener;
import org.mxagent.transport.api.SyncListener;
import org.mxagent.transport.api.e2ee.E2eeProvider;
import org.mxagent.transport.api.e2ee.UndecryptableEventListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The sync v2 transport: owns the stored session, and while one exists runs the sync loop and registers a
 * {@link MatrixClient} service. Listeners are a dynamic whiteboard, so capability bundles come and go
 * without restarting the transport, and the transport can be updated without restarting them.
 */
@Component(service = MatrixAccount.class, immediate = true, configurationPid = SyncV2Transport.PID)
@Designate(ocd = SyncV2Transport.Config.class)
public final class SyncV2Transport implements MatrixAccount {
    static final String PID = "org.mxagent.transport.syncv2";

    @ObjectClassDefinition(name = "mx-agent Matrix transport (sync v2)",
            description = "Long-poll /sync transport. The homeserver and account come from 'auth login'.")
    public @interface Config {
        @AttributeDefinition(description = "Server-side long-poll timeout of /sync, in milliseconds")
        int sync_timeout_ms() default 30_000;

        @AttributeDefinition(description = "Timeline events per room per sync before the server cuts it short")
        int timeline_limit() default 100;

        @AttributeDefinition(description = "Largest pause between failed syncs, in milliseconds")
        int max_backoff_ms() default 60_000;

        @AttributeDefinition(description = "Timeout of ordinary (non-sync) requests, in milliseconds")
        int request_timeout_ms() default 90_000;

        @AttributeDefinition(description = "Device name shown to other users after login")
        String device_display_name() default "mx-agent";
    }

    private final Logger log;
    private final BundleContext context;
    private final Config config;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final SessionStore sessions;
    private final SyncTokenStore syncTokens;
    private final ListenerRegistry listeners;
    private final E2eeSupport e2ee;
    private final StopSignal componentStop = new StopSignal();

    private StoredSession session;
    private RunningSession running;

    /** The sync thread and client registration of the current session. */
    private record RunningSession(SyncLoop loop, Thread thread, StopSignal stop,
            ServiceRegistration<MatrixClient> registration) {}

    @Activate
    public SyncV2Transport(@Reference(service = LoggerFactory.class) Logger log,
            @Reference RuntimeDirectories directories, Config config, BundleContext context) throws IOException {
        this.log = log;
        this.context = context;
        this.config = config;
        this.sessions = new SessionStore(directories.dataDir(), mapper);
        this.syncTokens = new SyncTokenStore(directories.dataDir());
        this.listeners = new ListenerRegistry((where, e) -> log.error("{} failed: {}", where, e.toString(), e));
        this.e2ee = new E2eeSupport(log, Clock.systemUTC());
    }

    /**
     * Resumes a stored session. Runs after DS has bound the listener references (the constructor runs
     * before), so the first batch after a restart or bundle update reaches every listener.
     */
    @Activate
    synchronized void resumeStoredSession() throws IOException {
        Optional<StoredSession> stored = sessions.load();
        if (stored.isPresent()) {
            startSession(stored.get());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRoomEventListener(RoomEventListener listener, Map<String, Object> properties) {
        listeners.add(listener, ListenerFilter.fromProperties(properties));
    }

    void removeRoomEventListener(RoomEventListener listener) {
        listeners.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSyncListener(SyncListener listener) {
        listeners.add(listener);
    }

    void removeSyncListener(SyncListener listener) {
        listeners.remove(listener);
    }

    /**
     * End-to-end encryption, if a provider is running: optional and dynamic, so the crypto bundle can be
     * installed, updated or removed without restarting the transport. Without it, sends into encrypted rooms fail
     * and encrypted events are reported as undecryptable.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindE2eeProvider(E2eeProvider provider) {
        e2ee.bind(provider);
        log.info("end-to-end encryption provider bound: {}", provider.getClass().getName());
    }

    void unbindE2eeProvider(E2eeProvider provider) {
        e2ee.unbind(provider);
        log.info("end-to-end encryption provider unbound: {}", provider.getClass().getName());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addUndecryptableListener(UndecryptableEventListener listener) {
        e2ee.add(listener);
    }

    void removeUndecryptableListener(UndecryptableEventListener listener) {
        e2ee.remove(listener);
    }

    @Deactivate
    synchronized void deactivate() {
        componentStop.stop();
        stopSession();
    }

    @Override
    public synchronized Optional<MatrixSession> session() {
        return Optional.ofNullable(session).map(StoredSession::publicView);
    }

    @Override
    public MatrixSession login(URI homeserver, String user, char[] password) throws MatrixException {
        ObjectNode body = mapper.createObjectNode();
        body.put("type", "m.login.password");
        body.putObject("identifier").put("type", "m.id.user").put("user", user);
        body.put("password", new String(password));
        body.put("initial_device_display_name", config.device_display_name());
        JsonNode reply = anonymousApi(homeserver).json("POST", "/_matrix/client/v3/login", Map.of(), body);
        body.remove("password");
        return adopt(new StoredSession(homeserver, Replies.requiredText(reply, "user_id"), Replies.requiredText(reply, "device_id"),
                Replies.requiredText(reply, "access_token")), true);
    }

    @Override
    public MatrixSession adoptToken(URI homeserver, String accessToken) throws MatrixException {
        JsonNode whoami = anonymousApi(homeserver).withToken(accessToken)
                .json("GET", "/_matrix/client/v3/account/whoami", Map.of(), null);
        return adopt(new StoredSession(homeserver, Replies.requiredText(whoami, "user_id"), Replies.requiredText(whoami, "device_id"),
                accessToken), false);
    }

    @Override
    public MatrixSession registerWithSharedSecret(URI homeserver, String user, char[] password, char[] sharedSecret)
            throws MatrixException {
        HttpMatrixApi api = anonymousApi(homeserver);
        String nonce = Replies.requiredText(api.json("GET", SharedSecretRegistration.PATH, Map.of(), null), "nonce");
        ObjectNode body = new SharedSecretRegistration(user, password, sharedSecret).body(mapper, nonce);
        JsonNode reply = api.json("POST", SharedSecretRegistration.PATH, Map.of(), body);
        return adopt(new StoredSession(homeserver, Replies.requiredText(reply, "user_id"),
                Replies.requiredText(reply, "device_id"), Replies.requiredText(reply, "access_token")), true);
    }

    @Override
    public void logout() throws MatrixException {
        StoredSession ending;
        synchronized (this) {
            ending = session;
            if (ending == null) {
                return;
            }
            stopSession();
            forgetSession();
        }
        anonymousApi(ending.homeserver()).withToken(ending.accessToken())
                .json("POST", "/_matrix/client/v3/logout", Map.of(), mapper.createObjectNode());
    }

    private MatrixSession adopt(StoredSession fresh, boolean logoutPrevious) throws MatrixException {
        StoredSession previous;
        synchronized (this) {
            previous = session;
            stopSession();
            try {
                if (previous == null || !previous.userId().equals(fresh.userId())) {
                    syncTokens.delete(); // another account: its sync position means nothing here
                }
                sessions.save(fresh);
            } catch (IOException e) {
                throw new MatrixException(0, null, "cannot store the session: " + e.getMessage(), -1, e);
            }
            startSession(fresh);
        }
        if (logoutPrevious && previous != null && !previous.accessToken().equals(fresh.accessToken())) {
            try {
                anonymousApi(previous.homeserver()).withToken(previous.accessToken())
                        .json("POST", "/_matrix/client/v3/logout", Map.of(), mapper.createObjectNode());
            } catch (MatrixException e) {
                log.warn("could not log out the previous session of {}: {}", previous.userId(), e.getMessage());
            }
        }
        log.info("logged in as {} (device {}) on {}", fresh.userId(), fresh.deviceId(), fresh.homeserver());
        return fresh.publicView();
    }

    private void startSession(StoredSession stored) {
        session = stored;
        StopSignal stop = new StopSignal();
        SyncHealth health = new SyncHealth(Clock.systemUTC());
        HttpMatrixApi api = new HttpMatrixApi(stored.homeserver(), stored.accessToken(), http, mapper, stop,
                Duration.ofMillis(config.request_timeout_ms()), health::rateLimited);
        RoomEncryptionStates encryptedRooms = new RoomEncryptionStates();
        CryptoRequests cryptoRequests = new CryptoRequests(api);
        SyncDecryptor decryptor = new SyncDecryptor(e2ee, stored.publicView(), encryptedRooms, cryptoRequests, health,
                log);
        SyncLoop loop = new SyncLoop(api, syncTokens, listeners, health, stop,
                new SyncLoop.Settings(Duration.ofMillis(config.sync_timeout_ms()), config.timeline_limit(),
                        Duration.ofMillis(config.max_backoff_ms())), mapper, log, decryptor);
        Thread thread = new Thread(loop, "mx-agent-sync " + stored.userId());
        thread.setDaemon(true);
        HttpMatrixClient client = new HttpMatrixClient(api, stored.publicView(), mapper, health::snapshot,
                new EncryptingSender(api, stored.publicView(), e2ee, encryptedRooms, cryptoRequests), decryptor);
        thread.start();
        ServiceRegistration<MatrixClient> registration = context.registerService(MatrixClient.class, client,
                null);
        running = new RunningSession(loop, thread, stop, registration);
    }

    private void stopSession() {
        RunningSession current = running;
        running = null;
        if (current == null) {
            return;
        }
        try {
            current.registration().unregister();
        } catch (IllegalStateException alreadyGone) {
            log.debug("client registration already gone: {}", alreadyGone.getMessage());
        }
        current.stop().stop();
        current.loop().abortPoll();
        try {
            current.thread().join(Duration.ofSeconds(15).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (current.thread().isAlive()) {
            log.error("sync thread {} did not stop within 15 s", current.thread().getName());
        }
        e2ee.closeMachine();
    }

    private void forgetSession() {
        session = null;
        try {
            sessions.delete();
            syncTokens.delete();
        } catch (IOException e) {
            log.error("could not delete the stored session: {}", e.getMessage(), e);
        }
    }

    private HttpMatrixApi anonymousApi(URI homeserver) {
        return new HttpMatrixApi(homeserver, null, http, mapper, componentStop,
                Duration.ofMillis(config.request_timeout_ms()), wait -> { });
    }


    @Override
    public String toString() {
        return "SyncV2Transport[" + session + "]";
    }
}
