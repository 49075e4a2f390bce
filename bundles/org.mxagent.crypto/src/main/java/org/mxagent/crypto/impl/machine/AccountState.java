package org.mxagent.crypto.impl.machine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.mxagent.crypto.impl.store.AccountRecord;
import org.mxagent.crypto.impl.store.StoreChanges;
import org.mxagent.crypto.spi.Account;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.OlmSession;

/**
 * The device's Olm account and what the homeserver holds of it: device keys uploaded or not, how many of our
 * one-time keys it still has, whether it has an unused fallback key. Decides what the next {@code /keys/upload}
 * carries: keeps {@link #targetOneTimeKeys()} (half of what libolm can hold) published, and a fresh fallback key
 * once the server says the last one was used.
 */
final class AccountState implements AutoCloseable {
    static final String OLM_ALGORITHM = "m.olm.v1.curve25519-aes-sha2";
    static final String MEGOLM_ALGORITHM = "m.megolm.v1.aes-sha2";
    static final String SIGNED_CURVE25519 = "signed_curve25519";

    private final MachineContext context;
    private final Account account;
    private final String curveKey;
    private final String edKey;
    private boolean deviceKeysUploaded;
    /** One-time keys the server holds, from the last sync or upload reply; -1 until we know. */
    private int serverOneTimeKeys = -1;

    private AccountState(MachineContext context, Account account, boolean deviceKeysUploaded) {
        this.context = context;
        this.account = account;
        this.deviceKeysUploaded = deviceKeysUploaded;
        JsonNode identity = parse(account.identityKeys());
        this.curveKey = identity.path("curve25519").asText();
        this.edKey = identity.path("ed25519").asText();
    }

    /** Restores the stored account, or creates one (with a fallback key) and stores it. */
    static AccountState open(MachineContext context) throws OlmException {
        Optional<AccountRecord> stored = context.store().account();
        if (stored.isPresent()) {
            Account account = context.provider().unpickleAccount(stored.get().pickle(), context.pickleKey());
            return new AccountState(context, account, stored.get().deviceKeysUploaded());
        }
        Account account = context.provider().createAccount();
        account.generateFallbackKey();
        AccountState state = new AccountState(context, account, false);
        context.store().save(new StoreChanges().account(state.record()));
        context.log().info("created Olm account for " + context.userId() + " device " + context.deviceId()
                + " (curve25519 " + state.curveKey + ")");
        return state;
    }

    Account account() {
        return account;
    }

    String curveKey() {
        return curveKey;
    }

    String edKey() {
        return edKey;
    }

    boolean deviceKeysUploaded() {
        return deviceKeysUploaded;
    }

    int serverOneTimeKeys() {
        return serverOneTimeKeys;
    }

    int targetOneTimeKeys() {
        return account.maxNumberOfOneTimeKeys() / 2;
    }

    AccountRecord record() {
        return new AccountRecord(account.pickle(context.pickleKey()), deviceKeysUploaded);
    }

    /** Our device keys, signed: what {@code /keys/upload} publishes and others verify. */
    ObjectNode signedDeviceKeys() {
        ObjectNode keys = context.mapper().createObjectNode();
        keys.put("user_id", context.userId());
        keys.put("device_id", context.deviceId());
        keys.putArray("algorithms").add(OLM_ALGORITHM).add(MEGOLM_ALGORITHM);
        keys.putObject("keys").put("curve25519:" + context.deviceId(), curveKey)
                .put("ed25519:" + context.deviceId(), edKey);
        return Signatures.sign(keys, account, context.userId(), context.deviceId());
    }

    /**
     * The body of the next key upload, if anything needs uploading. New one-time keys are generated here and
     * the account is added to {@code changes}, so the private halves are stored before the public ones leave.
     */
    Optional<ObjectNode> uploadBody(StoreChanges changes) {
        ObjectNode body = context.mapper().createObjectNode();
        if (!deviceKeysUploaded) {
            body.set("device_keys", signedDeviceKeys());
        }
        ObjectNode unpublished = (ObjectNode) parse(account.oneTimeKeys()).path("curve25519");
        if (deviceKeysUploaded && serverOneTimeKeys < 0 && unpublished.isEmpty()) {
            // Count not known yet (first sync after a restart): decide when it is.
            return uploadIfAny(body, unpublished, changes);
        }
        int missing = targetOneTimeKeys() - Math.max(serverOneTimeKeys, 0) - unpublished.size();
        if (missing > 0) {
            account.generateOneTimeKeys(missing);
            changes.account(record());
            unpublished = (ObjectNode) parse(account.oneTimeKeys()).path("curve25519");
            context.log().debug("generated " + missing + " one-time keys (server holds " + serverOneTimeKeys + ")");
        }
        return uploadIfAny(body, unpublished, changes);
    }

    private Optional<ObjectNode> uploadIfAny(ObjectNode body, ObjectNode unpublished, StoreChanges changes) {
        if (!unpublished.isEmpty()) {
            ObjectNode oneTimeKeys = body.putObject("one_time_keys");
            for (Map.Entry<String, JsonNode> key : unpublished.properties()) {
                oneTimeKeys.set(SIGNED_CURVE25519 + ":" + key.getKey(), signedKey(key.getValue().asText(), false));
            }
        }
        JsonNode fallback = parse(account.unpublishedFallbackKey()).path("curve25519");
        if (fallback.isObject() && !fallback.isEmpty()) {
            ObjectNode fallbackKeys = body.putObject("fallback_keys");
            fallback.properties().forEach(key -> fallbackKeys.set(SIGNED_CURVE25519 + ":" + key.getKey(),
                    signedKey(key.getValue().asText(), true)));
        }
        return body.isEmpty() ? Optional.empty() : Optional.of(body);
    }

    private ObjectNode signedKey(String key, boolean fallback) {
        ObjectNode signed = context.mapper().createObjectNode().put("key", key);
        if (fallback) {
            signed.put("fallback", true);
        }
        return Signatures.sign(signed, account, context.userId(), context.deviceId());
    }

    /** The upload went through: what it carried is published now. */
    void uploaded(JsonNode response, StoreChanges changes) {
        int published = account.markKeysAsPublished();
        deviceKeysUploaded = true;
        serverOneTimeKeys = response.path("one_time_key_counts").path(SIGNED_CURVE25519).asInt(0);
        changes.account(record());
        context.log().debug("uploaded keys: " + published + " one-time keys marked published, server holds "
                + serverOneTimeKeys);
    }

    /**
     * The counts a sync reports. A missing {@code signed_curve25519} in a present count object means zero; an
     * unused-fallback list without it means the fallback key was used, and a new one is generated.
     */
    void syncCounts(JsonNode oneTimeKeyCounts, JsonNode unusedFallbackTypes, StoreChanges changes) {
        if (oneTimeKeyCounts.isObject()) {
            serverOneTimeKeys = oneTimeKeyCounts.path(SIGNED_CURVE25519).asInt(0);
        }
        if (deviceKeysUploaded && unusedFallbackTypes.isArray()) {
            boolean unused = false;
            for (JsonNode type : unusedFallbackTypes) {
                unused |= SIGNED_CURVE25519.equals(type.asText());
            }
            JsonNode pending = parse(account.unpublishedFallbackKey()).path("curve25519");
            if (!unused && pending.isEmpty()) {
                account.generateFallbackKey();
                changes.account(record());
                context.log().info("fallback key used by someone: generated a new one");
            }
        }
    }

    /**
     * Removes the one-time key a new inbound Olm session used (libolm keeps a fallback key: it stays usable until
     * replaced).
     */
    void removeOneTimeKeys(OlmSession session, StoreChanges changes) {
        try {
            account.removeOneTimeKeys(session);
        } catch (OlmException e) {
            context.log().warn("inbound Olm session " + session.sessionId() + ": its one-time key is not in the"
                    + " account (" + e.olmName() + ")");
        }
        changes.account(record());
    }

    private JsonNode parse(String json) {
        try {
            return context.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("crypto provider returned invalid JSON", e);
        }
    }

    @Override
    public void close() {
        account.close();
    }
}
