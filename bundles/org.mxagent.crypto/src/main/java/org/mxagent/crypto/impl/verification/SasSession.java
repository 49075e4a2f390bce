package org.mxagent.crypto.impl.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.mxagent.crypto.api.SasEmoji;
import org.mxagent.crypto.api.VerificationInfo;
import org.mxagent.crypto.api.VerificationState;
import org.mxagent.crypto.impl.json.CanonicalJson;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.Sas;
import org.mxagent.crypto.spi.SasMac;
import org.mxagent.crypto.spi.Utility;

/**
 * One interactive SAS verification ({@code m.key.verification.*} over to-device, method {@code m.sas.v1}) as a
 * state machine without I/O: every input (a received event, a user action) returns the to-device messages to send
 * to the other device. Key agreement {@code curve25519-hkdf-sha256}, hash {@code sha256}, MAC
 * {@code hkdf-hmac-sha256.v2} preferred over {@code hkdf-hmac-sha256} and {@code hmac-sha256}, SAS as emoji and
 * decimal. Not thread-safe: its owner serialises calls. Owns the {@link Sas} handle until {@link #close}.
 */
public final class SasSession implements AutoCloseable {
    public static final String SAS_V1 = "m.sas.v1";
    public static final String KEY_AGREEMENT = "curve25519-hkdf-sha256";
    public static final String HASH = "sha256";
    /** Our MAC methods, most preferred first. */
    static final List<SasMac> MAC_PREFERENCE = List.of(SasMac.HKDF_HMAC_SHA256_V2, SasMac.HKDF_HMAC_SHA256,
            SasMac.HMAC_SHA256);
    static final List<String> SAS_METHODS = List.of("decimal", "emoji");

    /** A to-device message for the other device. */
    public record Message(String type, ObjectNode content) {}

    /** Who we are: the identity the other side verifies. */
    public record Self(String userId, String deviceId, String ed25519) {}

    private final ObjectMapper mapper;
    private final Self self;
    private final String otherUser;
    private final String transactionId;
    private final boolean weRequested;
    private final Sas sas;
    private final Utility utility;
    /** The other device's current Ed25519 key, from the device list; empty if unknown. */
    private final BiFunction<String, String, Optional<String>> deviceKey;
    private final long createdMs;
    private String otherDevice;
    private VerificationState state;
    private boolean weStartedSas;
    private ObjectNode startContent;
    private String commitment;
    private SasMac mac;
    private List<String> sasMethods = SAS_METHODS;
    private String theirKey;
    private byte[] sasBytes;
    private boolean theirMacOk;
    private boolean ourMacSent;
    private String verifiedKey;
    private String cancelCode;
    private String cancelReason;
    private boolean cancelledByUs;
    private long lastActivityMs;
    private boolean closed;

    private SasSession(ObjectMapper mapper, Self self, String otherUser, String otherDevice, String transactionId,
            boolean weRequested, Sas sas, Utility utility, BiFunction<String, String, Optional<String>> deviceKey,
            long nowMs) {
        this.mapper = mapper;
        this.self = self;
        this.otherUser = otherUser;
        this.otherDevice = otherDevice;
        this.transactionId = transactionId;
        this.weRequested = weRequested;
        this.sas = sas;
        this.utility = utility;
        this.deviceKey = deviceKey;
        this.createdMs = nowMs;
        this.lastActivityMs = nowMs;
    }

    /** We verify {@code otherUser}/{@code otherDevice}: a request, or (without one) a start at once. */
    public static SasSession outgoing(ObjectMapper mapper, Self self, String otherUser, String otherDevice,
            String transactionId, boolean request, Sas sas, Utility utility,
            BiFunction<String, String, Optional<String>> deviceKey, long nowMs, List<Message> out) {
        SasSession session = new SasSession(mapper, self, otherUser, otherDevice, transactionId, true, sas, utility,
                deviceKey, nowMs);
        if (request) {
            ObjectNode content = session.content();
            content.put("from_device", self.deviceId());
            content.putArray("methods").add(SAS_V1);
            content.put("timestamp", nowMs);
            session.state = VerificationState.REQUESTED;
            out.add(new Message("m.key.verification.request", content));
        } else {
            session.sendStart(out);
        }
        return session;
    }

    /** The other device sent a request or a start with a transaction id we do not know. */
    public static SasSession incoming(ObjectMapper mapper, Self self, String sender, String type, JsonNode content,
            Sas sas, Utility utility, BiFunction<String, String, Optional<String>> deviceKey, long nowMs,
            List<Message> out) {
        SasSession session = new SasSession(mapper, self, sender, content.path("from_device").asText(""),
                content.path("transaction_id").asText(), false, sas, utility, deviceKey, nowMs);
        if (type.equals("m.key.verification.request")) {
            if (!hasText(content, "m.sas.v1", "methods")) {
                session.cancel("m.unknown_method", "only m.sas.v1 is supported", out);
            } else {
                session.state = VerificationState.REQUEST_RECEIVED;
            }
        } else {
            session.state = VerificationState.START_RECEIVED;
            session.theirStart(content, out);
        }
        return session;
    }

    public String transactionId() {
        return transactionId;
    }

    public String otherUser() {
        return otherUser;
    }

    public String otherDevice() {
        return otherDevice;
    }

    public VerificationState state() {
        return state;
    }

    /** The Ed25519 key the MAC proved, once {@link VerificationState#DONE}. */
    public Optional<String> verifiedKey() {
        return Optional.ofNullable(verifiedKey);
    }

    public long lastActivityMs() {
        return lastActivityMs;
    }

    public long createdMs() {
        return createdMs;
    }

    /** A received {@code m.key.verification.*} event of this transaction. */
    public void receive(String sender, String type, JsonNode content, long nowMs, List<Message> out) {
        if (state.isFinal()) {
            return;
        }
        lastActivityMs = nowMs;
        if (!sender.equals(otherUser)) {
            cancel("m.user_mismatch", "event from " + sender + ", verifying " + otherUser, out);
            return;
        }
        switch (type) {
            case "m.key.verification.ready" -> theirReady(content, out);
            case "m.key.verification.start" -> theirStart(content, out);
            case "m.key.verification.accept" -> theirAccept(content, out);
            case "m.key.verification.key" -> theirKey(content, out);
            case "m.key.verification.mac" -> theirMac(content, out);
            case "m.key.verification.done" -> theirDone();
            case "m.key.verification.cancel" -> {
                state = VerificationState.CANCELLED;
                cancelCode = content.path("code").asText("m.unknown");
                cancelReason = content.path("reason").asText("cancelled by the other device");
                cancelledByUs = false;
            }
            case "m.key.verification.request" -> cancel("m.unexpected_message", "a second request", out);
            default -> cancel("m.unexpected_message", "unknown verification event " + type, out);
        }
    }

    /** The user accepts an incoming request (ready) or start (accept). */
    public void accept(List<Message> out) {
        switch (state) {
            case REQUEST_RECEIVED -> {
                ObjectNode content = content();
                content.put("from_device", self.deviceId());
                content.putArray("methods").add(SAS_V1);
                state = VerificationState.READY;
                out.add(new Message("m.key.verification.ready", content));
            }
            case START_RECEIVED -> sendAccept(out);
            default -> throw new IllegalStateException("nothing to accept in state " + state);
        }
    }

    /** The user compared the SAS and it matches: our MAC goes out; done if theirs was already checked. */
    public void confirm(List<Message> out) {
        if (state != VerificationState.KEYS_EXCHANGED) {
            throw new IllegalStateException("cannot confirm in state " + state + " (the SAS is shown once keys"
                    + " are exchanged)");
        }
        String info = "MATRIX_KEY_VERIFICATION_MAC" + self.userId() + self.deviceId() + otherUser + otherDevice
                + transactionId;
        String keyId = "ed25519:" + self.deviceId();
        ObjectNode content = content();
        content.putObject("mac").put(keyId, mac(self.ed25519(), info + keyId));
        content.put("keys", mac(keyId, info + "KEY_IDS"));
        ourMacSent = true;
        out.add(new Message("m.key.verification.mac", content));
        state = VerificationState.CONFIRMED;
        finishIfBothMacs(out);
    }

    /** Cancels with {@code code}; the other side is told. */
    public void cancel(String code, String reason, List<Message> out) {
        if (state != null && state.isFinal()) {
            return;
        }
        state = VerificationState.CANCELLED;
        cancelCode = code;
        cancelReason = reason;
        cancelledByUs = true;
        ObjectNode content = content();
        content.put("code", code).put("reason", reason);
        out.add(new Message("m.key.verification.cancel", content));
    }

    /** Cancels with {@code m.timeout} if nothing happened for {@code idleMs}. */
    public void expire(long nowMs, long idleMs, List<Message> out) {
        if (!state.isFinal() && nowMs - lastActivityMs > idleMs) {
            cancel("m.timeout", "no progress for " + idleMs / 1000 + " s", out);
        }
    }

    public VerificationInfo snapshot() {
        List<SasEmoji> emoji = List.of();
        List<Integer> decimals = List.of();
        if (sasBytes != null && state != VerificationState.CANCELLED) {
            decimals = SasEmojiTable.decimals(sasBytes);
            if (sasMethods.contains("emoji")) {
                emoji = SasEmojiTable.emoji(sasBytes);
            }
        }
        return new VerificationInfo(transactionId, otherUser, otherDevice, weRequested, state,
                Optional.ofNullable(mac).map(SasMac::wireName), emoji, decimals, Optional.ofNullable(cancelCode),
                Optional.ofNullable(cancelReason), cancelledByUs);
    }

    private void theirReady(JsonNode content, List<Message> out) {
        if (state != VerificationState.REQUESTED) {
            cancel("m.unexpected_message", "ready in state " + state, out);
            return;
        }
        if (!hasText(content, SAS_V1, "methods")) {
            cancel("m.unknown_method", "the other device offers no m.sas.v1", out);
            return;
        }
        otherDevice = content.path("from_device").asText(otherDevice);
        sendStart(out);
    }

    private void sendStart(List<Message> out) {
        ObjectNode content = content();
        content.put("from_device", self.deviceId()).put("method", SAS_V1);
        content.putArray("key_agreement_protocols").add(KEY_AGREEMENT);
        content.putArray("hashes").add(HASH);
        ArrayNode macs = content.putArray("message_authentication_codes");
        MAC_PREFERENCE.forEach(m -> macs.add(m.wireName()));
        ArrayNode strings = content.putArray("short_authentication_string");
        SAS_METHODS.forEach(strings::add);
        startContent = content;
        weStartedSas = true;
        state = VerificationState.STARTED;
        out.add(new Message("m.key.verification.start", content));
    }

    private void theirStart(JsonNode content, List<Message> out) {
        if (!SAS_V1.equals(content.path("method").asText())) {
            cancel("m.unknown_method", "method " + content.path("method").asText() + " is not supported", out);
            return;
        }
        String from = content.path("from_device").asText("");
        if (state == VerificationState.STARTED) {
            // Both sides started: the start of the lexicographically smaller user (then device) is used.
            int order = otherUser.compareTo(self.userId());
            boolean theirsWins = order < 0 || (order == 0 && from.compareTo(self.deviceId()) < 0);
            if (!theirsWins) {
                return;
            }
        } else if (state != VerificationState.READY && state != VerificationState.START_RECEIVED) {
            cancel("m.unexpected_message", "start in state " + state, out);
            return;
        }
        if (!from.equals(otherDevice)) {
            cancel("m.unexpected_message", "start from device " + from + ", verifying " + otherDevice, out);
            return;
        }
        if (!hasText(content, KEY_AGREEMENT, "key_agreement_protocols") || !hasText(content, HASH, "hashes")
                || chooseMac(content.path("message_authentication_codes")) == null
                || !hasText(content, "decimal", "short_authentication_string")) {
            cancel("m.unknown_method", "no common key agreement (" + KEY_AGREEMENT + "), hash, MAC or SAS method",
                    out);
            return;
        }
        startContent = content.deepCopy();
        weStartedSas = false;
        boolean userAlreadyAgreed = state != VerificationState.START_RECEIVED;
        state = VerificationState.START_RECEIVED;
        if (userAlreadyAgreed) {
            sendAccept(out); // we answered a request with ready, or started ourselves
        }
    }

    private void sendAccept(List<Message> out) {
        mac = chooseMac(startContent.path("message_authentication_codes"));
        List<String> methods = new ArrayList<>();
        for (String method : SAS_METHODS) {
            if (hasText(startContent, method, "short_authentication_string")) {
                methods.add(method);
            }
        }
        sasMethods = methods;
        ObjectNode content = content();
        content.put("method", SAS_V1).put("key_agreement_protocol", KEY_AGREEMENT).put("hash", HASH)
                .put("message_authentication_code", mac.wireName());
        ArrayNode strings = content.putArray("short_authentication_string");
        methods.forEach(strings::add);
        content.put("commitment", utility.sha256((sas.publicKey() + canonical(startContent))
                .getBytes(StandardCharsets.UTF_8)));
        state = VerificationState.ACCEPTED;
        out.add(new Message("m.key.verification.accept", content));
    }

    private void theirAccept(JsonNode content, List<Message> out) {
        if (state != VerificationState.STARTED || !weStartedSas) {
            cancel("m.unexpected_message", "accept in state " + state, out);
            return;
        }
        SasMac chosen;
        try {
            chosen = SasMac.fromWireName(content.path("message_authentication_code").asText());
        } catch (IllegalArgumentException e) {
            cancel("m.unknown_method", e.getMessage(), out);
            return;
        }
        List<String> methods = new ArrayList<>();
        content.path("short_authentication_string").forEach(m -> {
            if (SAS_METHODS.contains(m.asText())) {
                methods.add(m.asText());
            }
        });
        if (!KEY_AGREEMENT.equals(content.path("key_agreement_protocol").asText())
                || !HASH.equals(content.path("hash").asText()) || !MAC_PREFERENCE.contains(chosen)
                || methods.isEmpty() || !content.path("commitment").isTextual()) {
            cancel("m.unknown_method", "accept chose a method we did not offer", out);
            return;
        }
        mac = chosen;
        sasMethods = methods;
        commitment = content.path("commitment").asText();
        state = VerificationState.ACCEPTED;
        out.add(new Message("m.key.verification.key", content().put("key", sas.publicKey())));
    }

    private void theirKey(JsonNode content, List<Message> out) {
        if (state != VerificationState.ACCEPTED || theirKey != null) {
            cancel("m.unexpected_message", "key in state " + state, out);
            return;
        }
        String key = content.path("key").asText("");
        if (weStartedSas) {
            String expected = utility.sha256((key + canonical(startContent)).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(commitment)) {
                cancel("m.mismatched_commitment", "their key does not match the commitment of their accept", out);
                return;
            }
        }
        try {
            sas.setTheirPublicKey(key);
            theirKey = key;
            String starter = weStartedSas ? self.userId() + "|" + self.deviceId() + "|" + sas.publicKey()
                    : otherUser + "|" + otherDevice + "|" + key;
            String acceptor = weStartedSas ? otherUser + "|" + otherDevice + "|" + key
                    : self.userId() + "|" + self.deviceId() + "|" + sas.publicKey();
            sasBytes = sas.generateBytes("MATRIX_KEY_VERIFICATION_SAS|" + starter + "|" + acceptor + "|"
                    + transactionId, 6);
        } catch (OlmException e) {
            cancel("m.invalid_message", "bad ephemeral key: " + e.getMessage(), out);
            return;
        }
        if (!weStartedSas) {
            out.add(new Message("m.key.verification.key", content().put("key", sas.publicKey())));
        }
        state = VerificationState.KEYS_EXCHANGED;
    }

    private void theirMac(JsonNode content, List<Message> out) {
        if (state != VerificationState.KEYS_EXCHANGED && state != VerificationState.CONFIRMED) {
            cancel("m.unexpected_message", "mac in state " + state, out);
            return;
        }
        Optional<String> known = deviceKey.apply(otherUser, otherDevice);
        if (known.isEmpty()) {
            cancel("m.key_mismatch", "the keys of " + otherUser + " " + otherDevice + " are not known (yet)", out);
            return;
        }
        String info = "MATRIX_KEY_VERIFICATION_MAC" + otherUser + otherDevice + self.userId() + self.deviceId()
                + transactionId;
        JsonNode macs = content.path("mac");
        TreeSet<String> keyIds = new TreeSet<>();
        macs.fieldNames().forEachRemaining(keyIds::add);
        if (keyIds.isEmpty() || !mac(String.join(",", keyIds), info + "KEY_IDS").equals(content.path("keys").asText())) {
            cancel("m.key_mismatch", "the MAC of the key list does not match", out);
            return;
        }
        String deviceKeyId = "ed25519:" + otherDevice;
        if (!keyIds.contains(deviceKeyId)) {
            cancel("m.key_mismatch", "the MAC does not cover the device key " + deviceKeyId, out);
            return;
        }
        for (String keyId : keyIds) {
            if (keyId.equals(deviceKeyId)
                    && !mac(known.get(), info + keyId).equals(macs.path(keyId).asText())) {
                cancel("m.key_mismatch", "the MAC of " + keyId + " does not match its known key", out);
                return;
            }
            // Other key ids (a cross-signing master key) are not known to this machine yet and are not trusted.
        }
        theirMacOk = true;
        verifiedKey = known.get();
        finishIfBothMacs(out);
    }

    private void theirDone() {
        // Their done only confirms what our own MAC check established; nio 0.20 never sends one.
    }

    private void finishIfBothMacs(List<Message> out) {
        if (theirMacOk && ourMacSent && state == VerificationState.CONFIRMED) {
            state = VerificationState.DONE;
            out.add(new Message("m.key.verification.done", content()));
        }
    }

    private SasMac chooseMac(JsonNode offered) {
        for (SasMac candidate : MAC_PREFERENCE) {
            for (JsonNode name : offered) {
                if (candidate.wireName().equals(name.asText())) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private String mac(String input, String info) {
        try {
            return sas.calculateMac(mac, input, info);
        } catch (OlmException e) {
            throw new IllegalStateException("SAS MAC before the shared secret exists", e);
        }
    }

    private ObjectNode content() {
        return mapper.createObjectNode().put("transaction_id", transactionId);
    }

    private static String canonical(JsonNode node) {
        return new String(CanonicalJson.bytes(node), StandardCharsets.UTF_8);
    }

    private static boolean hasText(JsonNode content, String value, String field) {
        for (JsonNode item : content.path(field)) {
            if (value.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            sas.close();
        }
    }
}
