package org.mxagent.transport.syncv2.impl;

import static org.mxagent.transport.syncv2.impl.HttpMatrixApi.query;
import static org.mxagent.transport.syncv2.impl.HttpMatrixApi.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.MatrixSession;
import org.mxagent.transport.api.MediaAttachment;
import org.mxagent.transport.api.MessagesPage;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.SyncStatus;

/** {@link MatrixClient} over the v3 client-server endpoints of one session. */
final class HttpMatrixClient implements MatrixClient {
    private static final String V3 = "/_matrix/client/v3";

    private final HttpMatrixApi api;
    private final MatrixSession session;
    private final ObjectMapper mapper;
    private final Supplier<SyncStatus> syncStatus;
    private final EncryptingSender encryption;
    private final SyncDecryptor history;
    private final AttachmentCipher attachments;
    private final String transactionPrefix;
    private final AtomicLong transactionCounter = new AtomicLong();

    HttpMatrixClient(HttpMatrixApi api, MatrixSession session, ObjectMapper mapper, Supplier<SyncStatus> syncStatus,
            EncryptingSender encryption, SyncDecryptor history) {
        this.encryption = encryption;
        this.history = history;
        this.api = api;
        this.session = session;
        this.mapper = mapper;
        this.syncStatus = syncStatus;
        SecureRandom secureRandom = new SecureRandom();
        this.attachments = new AttachmentCipher(secureRandom);
        byte[] random = new byte[6];
        secureRandom.nextBytes(random);
        // Unique across restarts and devices, so the server never mistakes a new event for a retry.
        this.transactionPrefix = "mxa" + HexFormat.of().formatHex(random) + System.currentTimeMillis() + ".";
    }

    @Override
    public MatrixSession session() {
        return session;
    }

    @Override
    public String sendEvent(String roomId, String type, ObjectNode content) throws MatrixException {
        return sendEvent(roomId, type, newTransactionId(), content);
    }

    @Override
    public String newTransactionId() {
        return transactionPrefix + transactionCounter.incrementAndGet();
    }

    @Override
    public String sendEvent(String roomId, String type, String txnId, ObjectNode content) throws MatrixException {
        if (txnId == null || txnId.isBlank()) {
            throw new IllegalArgumentException("a transaction id is required");
        }
        EncryptingSender.Outgoing outgoing = encryption.prepare(roomId, type, content);
        JsonNode reply = api.json("PUT", V3 + "/rooms/" + segment(roomId) + "/send/" + segment(outgoing.type()) + "/"
                + segment(txnId), Map.of(), outgoing.content());
        return Replies.requiredText(reply, "event_id");
    }

    @Override
    public String putState(String roomId, String type, String stateKey, ObjectNode content) throws MatrixException {
        JsonNode reply = api.json("PUT", V3 + "/rooms/" + segment(roomId) + "/state/" + segment(type) + "/"
                + segment(stateKey), Map.of(), content);
        return Replies.requiredText(reply, "event_id");
    }

    @Override
    public Optional<ObjectNode> getState(String roomId, String type, String stateKey) throws MatrixException {
        try {
            JsonNode content = api.json("GET", V3 + "/rooms/" + segment(roomId) + "/state/" + segment(type) + "/"
                    + segment(stateKey), Map.of(), null);
            return content.isObject() ? Optional.of((ObjectNode) content) : Optional.empty();
        } catch (MatrixException e) {
            if ("M_NOT_FOUND".equals(e.errcode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<RoomEvent> roomState(String roomId) throws MatrixException {
        JsonNode events = api.json("GET", V3 + "/rooms/" + segment(roomId) + "/state", Map.of(), null);
        return roomEvents(roomId, events);
    }

    @Override
    public MessagesPage messages(String roomId, String from, boolean backwards, int limit) throws MatrixException {
        JsonNode page = api.json("GET", V3 + "/rooms/" + segment(roomId) + "/messages",
                query("dir", backwards ? "b" : "f", "from", from, "limit", Integer.toString(limit)), null);
        List<RoomEvent> events = roomEvents(roomId, page.path("chunk")).stream().map(history::historyView).toList();
        return new MessagesPage(events, page.path("start").asText(null),
                page.path("end").asText(null));
    }

    @Override
    public String createRoom(ObjectNode body) throws MatrixException {
        return Replies.requiredText(api.json("POST", V3 + "/createRoom", Map.of(), body), "room_id");
    }

    @Override
    public String joinRoom(String roomIdOrAlias) throws MatrixException {
        return Replies.requiredText(api.json("POST", V3 + "/join/" + segment(roomIdOrAlias), Map.of(), mapper.createObjectNode()),
                "room_id");
    }

    @Override
    public void leaveRoom(String roomId) throws MatrixException {
        api.json("POST", V3 + "/rooms/" + segment(roomId) + "/leave", Map.of(), mapper.createObjectNode());
    }

    @Override
    public void invite(String roomId, String userId) throws MatrixException {
        ObjectNode body = mapper.createObjectNode().put("user_id", userId);
        api.json("POST", V3 + "/rooms/" + segment(roomId) + "/invite", Map.of(), body);
    }

    @Override
    public String resolveAlias(String alias) throws MatrixException {
        return Replies.requiredText(api.json("GET", V3 + "/directory/room/" + segment(alias), Map.of(), null), "room_id");
    }

    @Override
    public List<String> joinedRooms() throws MatrixException {
        List<String> rooms = new ArrayList<>();
        api.json("GET", V3 + "/joined_rooms", Map.of(), null).path("joined_rooms")
                .forEach(room -> rooms.add(room.asText()));
        return rooms;
    }

    @Override
    public String uploadMedia(byte[] content, String contentType, String fileName) throws MatrixException {
        return Replies.requiredText(api.upload("/_matrix/media/v3/upload", query("filename", fileName), content, contentType),
                "content_uri");
    }

    @Override
    public byte[] downloadMedia(String mxcUri) throws MatrixException {
        URI uri = URI.create(mxcUri);
        if (!"mxc".equals(uri.getScheme()) || uri.getHost() == null || uri.getPath().length() < 2) {
            throw new MatrixException(0, null, "not an mxc:// URI: " + mxcUri);
        }
        return api.bytes("/_matrix/client/v1/media/download/" + segment(uri.getHost()) + "/"
                + segment(uri.getPath().substring(1)));
    }

    @Override
    public MediaAttachment uploadAttachment(String roomId, byte[] content, String contentType, String fileName)
            throws MatrixException {
        if (!encryption.isEncrypted(roomId)) {
            return new MediaAttachment(uploadMedia(content, contentType, fileName), Optional.empty());
        }
        AttachmentCipher.Sealed sealed = attachments.seal(content);
        String mxc = Replies.requiredText(api.upload("/_matrix/media/v3/upload", Map.of(), sealed.ciphertext(),
                "application/octet-stream"), "content_uri");
        return new MediaAttachment(mxc, Optional.of(sealed.encryptedFile(mxc)));
    }

    @Override
    public byte[] downloadAttachment(String mxcUri, Optional<? extends JsonNode> encryptedFile)
            throws MatrixException {
        byte[] downloaded = downloadMedia(mxcUri);
        if (encryptedFile.isEmpty()) {
            return downloaded;
        }
        try {
            return AttachmentCipher.open(mxcUri, encryptedFile.get(), downloaded);
        } catch (AttachmentCipher.AttachmentException e) {
            throw new MatrixException(0, null, "encrypted attachment " + mxcUri + ": " + e.getMessage());
        }
    }

    @Override
    public void sendToDevice(String eventType, ObjectNode messages) throws MatrixException {
        String txnId = newTransactionId();
        ObjectNode body = mapper.createObjectNode();
        body.set("messages", messages);
        api.json("PUT", V3 + "/sendToDevice/" + segment(eventType) + "/" + segment(txnId), Map.of(), body);
    }

    @Override
    public JsonNode request(String method, String path, JsonNode body) throws MatrixException {
        if (!path.startsWith("/_matrix/")) {
            throw new MatrixException(0, null, "path must start with /_matrix/: " + path);
        }
        return api.json(method, path, Map.of(), body);
    }

    @Override
    public SyncStatus syncStatus() {
        return syncStatus.get();
    }

    private static List<RoomEvent> roomEvents(String roomId, JsonNode array) {
        List<RoomEvent> events = new ArrayList<>();
        for (JsonNode event : array) {
            if (event.isObject()) {
                RoomEvent parsed = SyncBatch.toRoomEvent(roomId, (ObjectNode) event);
                if (parsed != null) {
                    events.add(parsed);
                }
            }
        }
        return events;
    }


    @Override
    public String toString() {
        return "HttpMatrixClient[" + session + "]";
    }
}
