package org.mxagent.crypto.impl.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mxagent.crypto.impl.store.SqliteCryptoStore;
import org.mxagent.crypto.spi.CryptoProvider;
import org.mxagent.transport.api.MatrixSession;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.e2ee.DecryptionResult;
import org.mxagent.transport.api.e2ee.E2eeException;
import org.mxagent.transport.api.e2ee.OutgoingRequest;
import org.mxagent.transport.api.e2ee.SyncChanges;

/**
 * One device in a unit test: a machine over a real SQLite store in a temp dir, and the transport's part of the
 * protocol done against {@link FakeHomeserver} (send what the machine asks for, report the replies).
 */
final class TestDevice implements AutoCloseable {
    static final byte[] PICKLE_KEY = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    final FakeHomeserver server;
    final FakeHomeserver.DeviceRef ref;
    final MatrixSession session;
    final CryptoProvider provider;
    final TestClock clock;
    final Path storeFile;
    final RecordingLog log;
    OlmMachine machine;

    TestDevice(FakeHomeserver server, CryptoProvider provider, TestClock clock, Path dir, String user, String device)
            throws E2eeException {
        this.server = server;
        this.ref = new FakeHomeserver.DeviceRef(user, device);
        this.session = new MatrixSession(URI.create("http://127.0.0.1:1"), user, device);
        this.provider = provider;
        this.clock = clock;
        this.storeFile = dir.resolve(device + ".sqlite3");
        this.log = new RecordingLog(user + "/" + device);
        open();
    }

    void open() throws E2eeException {
        machine = OlmMachine.open(session, provider, SqliteCryptoStore.open(storeFile, session.userId(),
                session.deviceId()), PICKLE_KEY, clock, log);
    }

    /** Closes and opens the machine again from its store, like a process restart. */
    void restart() throws E2eeException {
        machine.close();
        open();
    }

    String userId() {
        return session.userId();
    }

    /** Sends every outgoing request and reports the replies, until the machine wants nothing more. */
    void flush() {
        for (int round = 0; round < 10; round++) {
            List<OutgoingRequest> requests = machine.outgoingRequests();
            if (requests.isEmpty()) {
                return;
            }
            requests.forEach(this::send);
        }
        throw new AssertionError("the machine keeps asking for requests");
    }

    private void send(OutgoingRequest request) {
        JsonNode response = server.handle(ref, request);
        machine.markRequestAsSent(request.id(), response);
    }

    SyncChanges sync() {
        return sync(true);
    }

    /** One sync: feed the machine, then send what it asks for. */
    SyncChanges sync(boolean withToDevice) {
        SyncChanges changes = machine.receiveSyncChanges(server.sync(ref, withToDevice));
        flush();
        return changes;
    }

    /** The transport's send path into an encrypted room; returns the event as the server stores it. */
    RoomEvent send(String roomId, List<String> members, ObjectNode settings, String type, ObjectNode content)
            throws E2eeException {
        machine.updateTrackedUsers(members);
        flush();
        Optional<OutgoingRequest> claim = machine.missingSessions(members);
        claim.ifPresent(this::send);
        for (OutgoingRequest share : machine.shareRoomKey(roomId, members, settings)) {
            send(share);
        }
        ObjectNode encrypted = machine.encryptRoomEvent(roomId, type, content);
        return server.roomEvent(roomId, userId(), "m.room.encrypted", encrypted);
    }

    DecryptionResult decrypt(RoomEvent event) {
        return machine.decryptRoomEvent(event);
    }

    @Override
    public void close() {
        machine.close();
    }
}
