package org.mxagent.bench.crypto;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.mxagent.crypto.impl.machine.CryptoLog;
import org.mxagent.crypto.impl.machine.OlmMachine;
import org.mxagent.crypto.impl.store.SqliteCryptoStore;
import org.mxagent.crypto.spi.CryptoProvider;
import org.mxagent.transport.api.MatrixSession;
import org.mxagent.transport.api.e2ee.E2eeException;
import org.mxagent.transport.api.e2ee.OutgoingRequest;

/** One device: a machine over its own SQLite store, talking to {@link BenchServer} as a transport would. */
final class BenchDevice implements AutoCloseable {
    private static final byte[] PICKLE_KEY = new byte[32];
    private static final CryptoLog QUIET = new CryptoLog() {
        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
            System.err.println("WARN " + message);
        }

        @Override
        public void error(String message, Throwable cause) {
            System.err.println("ERROR " + message + ": " + cause);
        }
    };

    final BenchServer server;
    final BenchServer.Device id;
    final OlmMachine machine;

    BenchDevice(BenchServer server, CryptoProvider provider, Path dir, String user, String device)
            throws E2eeException {
        this.server = server;
        this.id = new BenchServer.Device(user, device);
        MatrixSession session = new MatrixSession(URI.create("http://bench"), user, device);
        this.machine = OlmMachine.open(session, provider, SqliteCryptoStore.open(dir.resolve(device + ".sqlite3"),
                user, device), PICKLE_KEY, Clock.systemUTC(), QUIET);
        flush();
    }

    void flush() {
        List<OutgoingRequest> requests;
        while (!(requests = machine.outgoingRequests()).isEmpty()) {
            requests.forEach(this::send);
        }
    }

    void send(OutgoingRequest request) {
        machine.markRequestAsSent(request.id(), server.handle(id, request));
    }

    /** Feeds the to-device messages waiting for this device; returns how many room keys they brought. */
    int sync() {
        int keys = machine.receiveSyncChanges(server.sync(id)).roomKeysReceived();
        flush();
        return keys;
    }

    /** Everything a transport does before the first encrypted message to these members. */
    void shareRoomKey(String roomId, List<String> members, ObjectNode settings) throws E2eeException {
        machine.updateTrackedUsers(members);
        flush();
        machine.missingSessions(members).ifPresent(this::send);
        machine.shareRoomKey(roomId, members, settings).forEach(this::send);
    }

    @Override
    public void close() {
        machine.close();
    }
}
