package org.mxagent.discovery.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.MatrixSession;
import org.mxagent.transport.api.MediaAttachment;
import org.mxagent.transport.api.MessagesPage;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.SyncStatus;

/** A client whose room state and newest timeline page are whatever the test put there; counts the reads. */
public final class FakeMatrixClient implements MatrixClient {
    public final List<RoomEvent> state = new ArrayList<>();
    public final List<RoomEvent> newestFirst = new ArrayList<>();
    public final AtomicInteger stateReads = new AtomicInteger();
    public final AtomicInteger pageReads = new AtomicInteger();
    private final MatrixSession session;

    public FakeMatrixClient(String userId) {
        this.session = new MatrixSession(URI.create("http://127.0.0.1:8008"), userId, "DEVICE");
    }

    @Override
    public MatrixSession session() {
        return session;
    }

    @Override
    public List<RoomEvent> roomState(String roomId) {
        stateReads.incrementAndGet();
        return List.copyOf(state);
    }

    @Override
    public MessagesPage messages(String roomId, String from, boolean backwards, int limit) {
        pageReads.incrementAndGet();
        return new MessagesPage(newestFirst.subList(0, Math.min(limit, newestFirst.size())), "s", null);
    }

    @Override
    public String sendEvent(String roomId, String type, ObjectNode content) throws MatrixException {
        throw unsupported();
    }

    @Override
    public String newTransactionId() {
        return "txn";
    }

    @Override
    public String sendEvent(String roomId, String type, String transactionId, ObjectNode content)
            throws MatrixException {
        throw unsupported();
    }

    @Override
    public String putState(String roomId, String type, String stateKey, ObjectNode content) throws MatrixException {
        throw unsupported();
    }

    @Override
    public Optional<ObjectNode> getState(String roomId, String type, String stateKey) throws MatrixException {
        throw unsupported();
    }

    @Override
    public String createRoom(ObjectNode body) throws MatrixException {
        throw unsupported();
    }

    @Override
    public String joinRoom(String roomIdOrAlias) throws MatrixException {
        throw unsupported();
    }

    @Override
    public void leaveRoom(String roomId) throws MatrixException {
        throw unsupported();
    }

    @Override
    public void invite(String roomId, String userId) throws MatrixException {
        throw unsupported();
    }

    @Override
    public String resolveAlias(String alias) throws MatrixException {
        throw unsupported();
    }

    @Override
    public List<String> joinedRooms() throws MatrixException {
        throw unsupported();
    }

    @Override
    public String uploadMedia(byte[] content, String contentType, String fileName) throws MatrixException {
        throw unsupported();
    }

    @Override
    public byte[] downloadMedia(String mxcUri) throws MatrixException {
        throw unsupported();
    }

    @Override
    public MediaAttachment uploadAttachment(String roomId, byte[] content, String contentType, String fileName)
            throws MatrixException {
        throw unsupported();
    }

    @Override
    public byte[] downloadAttachment(String mxcUri, Optional<? extends JsonNode> encryptedFile)
            throws MatrixException {
        throw unsupported();
    }

    @Override
    public void sendToDevice(String eventType, ObjectNode messages) throws MatrixException {
        throw unsupported();
    }

    @Override
    public JsonNode request(String method, String path, JsonNode body) throws MatrixException {
        throw unsupported();
    }

    @Override
    public SyncStatus syncStatus() {
        return new SyncStatus(true, null, null, 0, 0, 0, 0, null, null, null);
    }

    private static MatrixException unsupported() {
        return new MatrixException(0, null, "not supported by the fake client");
    }
}
