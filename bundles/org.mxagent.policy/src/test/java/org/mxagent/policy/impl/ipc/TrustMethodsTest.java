package org.mxagent.policy.impl.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.policy.impl.FileTrustStore;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.sign.EventSigner;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.protocol.api.sign.SigningKey;
import org.mxagent.runtime.api.RuntimeDirectories;

/** The trust.* IPC methods over a real trust.json in a temporary data directory. */
class TrustMethodsTest {
    static final String AGENT = "agt_01HZY3M6W8K9Q2R4T5V7X9Z1AB";
    static final String KEY = "mxagent-ed25519:" + "A".repeat(42) + "0";
    static final String OTHER_KEY = "mxagent-ed25519:" + "B".repeat(42) + "+";
    private static final IpcCall CALL = new IpcCall() {
        @Override
        public String method() {
            return "trust.test";
        }

        @Override
        public int peerUid() {
            return 1000;
        }

        @Override
        public void stream(JsonNode chunk) {
            throw new UnsupportedOperationException("trust methods do not stream");
        }

        @Override
        public void afterReply(Runnable action) {
            throw new UnsupportedOperationException("trust methods run nothing after the reply");
        }

        @Override
        public void whenConnectionCloses(Runnable cleanup) {
            throw new UnsupportedOperationException("trust methods keep no connection state");
        }
    };

    @TempDir
    Path dir;

    private FileTrustStore store;

    @BeforeEach
    void store() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        store = new FileTrustStore(new RuntimeDirectories() {
            @Override
            public Path dataDir() {
                return data;
            }

            @Override
            public Path configDir() {
                return dir.resolve("config");
            }

            @Override
            public Path runtimeDir() {
                return dir.resolve("run");
            }
        });
    }

    private static ObjectNode params(String... pairs) {
        ObjectNode params = ProtocolJson.newObject();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    @Test
    void emptyStoreListsNoEntries() {
        JsonNode result = new TrustListMethod(store).call(params(), CALL);
        assertTrue(result.path("entries").isArray());
        assertEquals(0, result.path("entries").size());
    }

    @Test
    void approveWritesALocalRecordThatListShows() throws IpcException {
        JsonNode approved = new TrustApproveMethod(store, "local:op").call(params("agent_id", AGENT, "key_id", KEY),
                CALL);
        assertEquals(AGENT, approved.path("agent_id").asText());
        assertEquals(KEY, approved.path("key_id").asText());
        assertEquals("SHA256:" + "A".repeat(42) + "0", approved.path("fingerprint").asText());
        assertEquals("trusted", approved.path("status").asText());
        assertTrue(approved.path("local").asBoolean());
        assertTrue(approved.path("room").isNull());
        assertEquals("local:op", approved.path("trusted_by").asText());
        assertTrue(approved.path("revoked_at").isNull());
        assertTrue(store.isTrusted(KEY));

        JsonNode listed = new TrustListMethod(store).call(params(), CALL);
        assertEquals(1, listed.path("entries").size());
        assertEquals(approved, listed.path("entries").get(0));
    }

    @Test
    void theGogoDefaultOperatorNameIsTheOsUser() throws IpcException {
        JsonNode approved = new TrustApproveMethod(store).call(params("agent_id", AGENT, "key_id", KEY), CALL);
        assertEquals("local:" + System.getProperty("user.name"), approved.path("trusted_by").asText());
    }

    @Test
    void approveRefusesMalformedIdsAsUsageErrors() {
        TrustApproveMethod approve = new TrustApproveMethod(store, "local:op");
        IpcException badKey = assertThrows(IpcException.class,
                () -> approve.call(params("agent_id", AGENT, "key_id", "SHA256:" + "A".repeat(43)), CALL));
        assertEquals(IpcException.INVALID_PARAMS, badKey.code());
        assertEquals(IpcException.EXIT_USAGE, badKey.exitCode());
        assertTrue(badKey.getMessage().startsWith("not a signing key id: 'SHA256:"), badKey.getMessage());

        IpcException badAgent = assertThrows(IpcException.class,
                () -> approve.call(params("agent_id", "alice", "key_id", KEY), CALL));
        assertEquals(IpcException.EXIT_USAGE, badAgent.exitCode());
        assertTrue(badAgent.getMessage().startsWith("not an agent id: 'alice'"), badAgent.getMessage());

        IpcException missing = assertThrows(IpcException.class, () -> approve.call(params("key_id", KEY), CALL));
        assertEquals("missing param: agent_id", missing.getMessage());

        ObjectNode notText = params("key_id", KEY);
        notText.put("agent_id", 7);
        IpcException number = assertThrows(IpcException.class, () -> approve.call(notText, CALL));
        assertEquals("param agent_id must be a string", number.getMessage());
        assertTrue(store.list().isEmpty(), "nothing was recorded");
    }

    @Test
    void revokeRevokesEveryEntryOfTheKey() throws IpcException {
        new TrustApproveMethod(store, "local:op").call(params("agent_id", AGENT, "key_id", KEY), CALL);
        JsonNode result = new TrustRevokeMethod(store).call(params("key_id", KEY), CALL);
        assertEquals(KEY, result.path("key_id").asText());
        assertEquals(1, result.path("revoked").size());
        JsonNode revoked = result.path("revoked").get(0);
        assertEquals("revoked", revoked.path("status").asText());
        assertTrue(revoked.path("revoked_at").canConvertToLong(), revoked::toString);
        assertFalse(store.isTrusted(KEY));
    }

    @Test
    void revokingAnUnknownKeyIsNotFound() {
        IpcException unknown = assertThrows(IpcException.class,
                () -> new TrustRevokeMethod(store).call(params("key_id", OTHER_KEY), CALL));
        assertEquals(IpcException.NOT_FOUND, unknown.code());
        assertEquals(IpcException.EXIT_NOT_FOUND, unknown.exitCode());
        assertTrue(unknown.getMessage().contains("no trust entry has key id " + OTHER_KEY), unknown.getMessage());

        IpcException malformed = assertThrows(IpcException.class,
                () -> new TrustRevokeMethod(store).call(params("key_id", "nope"), CALL));
        assertEquals(IpcException.EXIT_USAGE, malformed.exitCode());
    }

    @Test
    void fingerprintIsTheLocalSignersKey() {
        SigningKey key = SigningKey.generate();
        LocalSigner signer = new LocalSigner() {
            @Override
            public String keyId() {
                return key.keyId();
            }

            @Override
            public String publicKeyBase64() {
                return key.publicKeyBase64();
            }

            @Override
            public String fingerprint() {
                return key.fingerprint();
            }

            @Override
            public ObjectNode sign(ObjectNode content) throws CanonicalJsonException {
                return EventSigner.sign(content, key);
            }
        };
        JsonNode result = new TrustFingerprintMethod(signer).call(params(), CALL);
        assertEquals(key.keyId(), result.path("key_id").asText());
        assertEquals(key.fingerprint(), result.path("fingerprint").asText());
        assertEquals(key.publicKeyBase64(), result.path("public_key").asText());
        assertEquals(key.keyId().substring("mxagent-ed25519:".length()),
                result.path("fingerprint").asText().substring("SHA256:".length()), "same digest, two spellings");
    }
}
