package org.mxagent.exec.impl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.MatrixSession;
import org.mxagent.transport.api.MediaAttachment;
import org.mxagent.transport.api.MessagesPage;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.SyncStatus;

/** A client that records what is sent and serves uploaded media back; everything else is unsupported. */
public final class FakeMatrixClient implements MatrixClient {
    public record Sent(String roomId, String type, String stateKey, ObjectNode content) {}

    private final MatrixSession session;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> media = new HashMap<>();
    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private final java.util.Deque<MatrixException> failures = new java.util.ArrayDeque<>();
    private int counter;
    private int transactions;

    public FakeMatrixClient(String userId) {
        this.session = new MatrixSession(URI.create("http://127.0.0.1:8008"), userId, "DEVICE");
    }

    /** The next sends with a transaction id fail with these, one each, before anything is recorded. */
    public synchronized void failNextSends(MatrixException... next) {
        failures.addAll(List.of(next));
    }

    /** The transaction id of every send attempt, failed ones included, in order. */
    public List<String> attempts() {
        return List.copyOf(attempts);
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public void clear() {
        sent.clear();
    }

    public List<Sent> sent(String type) {
        return sent.stream().filter(s -> s.type().equals(type)).toList();
    }

    @Override
    public MatrixSession session() {
        return session;
    }

    @Override
    public synchronized String sendEvent(String roomId, String type, ObjectNode content) {
        sent.add(new Sent(roomId, type, null, content.deepCopy()));
        return "$event" + (++counter);
    }

    @Override
    public synchronized String newTransactionId() {
        return "txn" + (++transactions);
    }

    @Override
    public synchronized String sendEvent(String roomId, String type, String transactionId, ObjectNode content)
            throws MatrixException {
        attempts.add(transactionId);
        MatrixException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        return sendEvent(roomId, type, content);
    }

    @Override
    public synchronized String putState(String roomId, String type, String stateKey, ObjectNode content) {
        sent.add(new Sent(roomId, type, stateKey, content.deepCopy()));
        return "$state" + (++counter);
    }

    @Override
    public Optional<ObjectNode> getState(String roomId, String type, String stateKey) {
        return Optional.empty();
    }

    @Override
    public List<RoomEvent> roomState(String roomId) {
        return new ArrayList<>();
    }

    @Override
    public MessagesPage messages(String roomId, String from, boolean backwards, int limit) {
        return new MessagesPage(List.of(), null, null);
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
    public List<String> joinedRooms() {
        return List.of();
    }

    @Override
    public synchronized String uploadMedia(byte[] content, String contentType, String fileName) {
        String mxc = "mxc://test/" + (++counter);
        media.put(mxc, content.clone());
        return mxc;
    }

    @Override
    public synchronized byte[] downloadMedia(String mxcUri) throws MatrixException {
        byte[] content = media.get(mxcUri);
        if (content == null) {
            throw new MatrixException(404, "M_NOT_FOUND", "no media " + mxcUri);
        }
        return content.clone();
    }

    /** A plaintext room's attachment: the fake has no encrypted rooms. */
    @Override
    public MediaAttachment uploadAttachment(String roomId, byte[] content, String contentType, String fileName) {
        return new MediaAttachment(uploadMedia(content, contentType, fileName), Optional.empty());
    }

    @Override
    public byte[] downloadAttachment(String mxcUri, Optional<? extends JsonNode> encryptedFile)
            throws MatrixException {
        if (encryptedFile.isPresent()) {
            throw unsupported();
        }
        return downloadMedia(mxcUri);
    }

    /** Stores media as if someone had uploaded it. */
    public synchronized void putMedia(String mxc, byte[] content) {
        media.put(mxc, content.clone());
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
        throw new UnsupportedOperationException("not in this fake");
    }

    private static MatrixException unsupported() {
        return new MatrixException(0, null, "not in this fake");
    }
}
