package org.mxagent.daemon.impl.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.impl.JsonRpc;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.MatrixSession;

class AuthMethodsTest {
    private static final URI HOMESERVER = URI.create("http://127.0.0.1:8008");
    private static final MatrixSession ALICE = new MatrixSession(HOMESERVER, "@alice:localhost", "DEVICE1");

    /** Records what login saw and answers as told. */
    private static final class FakeAccount implements MatrixAccount {
        MatrixSession session;
        MatrixException failure;
        char[] passwordSeen;
        char[] passwordCopyAtCall;
        boolean loggedOut;

        @Override
        public Optional<MatrixSession> session() {
            return Optional.ofNullable(session);
        }

        @Override
        public MatrixSession login(URI homeserver, String user, char[] password) throws MatrixException {
            passwordSeen = password;
            passwordCopyAtCall = password.clone();
            if (failure != null) {
                throw failure;
            }
            session = new MatrixSession(homeserver, "@" + user + ":localhost", "NEWDEVICE");
            return session;
        }

        @Override
        public MatrixSession adoptToken(URI homeserver, String accessToken) {
            throw new UnsupportedOperationException("not used by the auth methods");
        }

        @Override
        public MatrixSession registerWithSharedSecret(URI homeserver, String user, char[] password,
                char[] sharedSecret) {
            throw new UnsupportedOperationException("not used by the auth methods");
        }

        @Override
        public void logout() throws MatrixException {
            if (failure != null) {
                throw failure;
            }
            loggedOut = true;
            session = null;
        }
    }

    private final FakeAccount account = new FakeAccount();

    @Test
    void loginReturnsTheSessionAndWipesThePassword() throws IpcException {
        JsonNode result = new AuthLoginMethod(account).call(login("http://127.0.0.1:8008", "alice", "s3cret"), null);
        assertEquals("@alice:localhost", result.get("user_id").asText());
        assertEquals("NEWDEVICE", result.get("device_id").asText());
        assertEquals("http://127.0.0.1:8008", result.get("homeserver").asText());
        assertArrayEquals("s3cret".toCharArray(), account.passwordCopyAtCall);
        assertArrayEquals(new char[6], account.passwordSeen, "the char[] is zeroed after the call");
    }

    @Test
    void forbiddenMeansWrongCredentials() {
        account.failure = new MatrixException(403, "M_FORBIDDEN", "Invalid username or password");
        IpcException e = assertThrows(IpcException.class,
                () -> new AuthLoginMethod(account).call(login("http://127.0.0.1:8008", "alice", "bad"), null));
        assertEquals("invalid username or password", e.getMessage());
        assertEquals(1, e.exitCode());
        assertArrayEquals(new char[3], account.passwordSeen, "wiped on failure too");
    }

    @Test
    void networkErrorNamesTheHomeserverAndTheReason() {
        account.failure = new MatrixException(0, null, null, -1, new IOException("Connection refused"));
        IpcException e = assertThrows(IpcException.class,
                () -> new AuthLoginMethod(account).call(login("http://127.0.0.1:8008", "alice", "pw"), null));
        assertEquals("cannot reach homeserver http://127.0.0.1:8008: Connection refused", e.getMessage());
    }

    @Test
    void aTransportThatAlreadyNamesTheHomeserverIsNotRepeated() {
        account.failure = new MatrixException(0, null, "cannot reach homeserver http://127.0.0.1:8008: timed out",
                -1, new java.net.http.HttpTimeoutException("request timed out"));
        IpcException e = assertThrows(IpcException.class,
                () -> new AuthLoginMethod(account).call(login("http://127.0.0.1:8008", "alice", "pw"), null));
        assertEquals("cannot reach homeserver http://127.0.0.1:8008: timed out", e.getMessage());
    }

    @Test
    void rateLimitSaysWhenToRetry() {
        account.failure = new MatrixException(429, "M_LIMIT_EXCEEDED", "Too Many Requests", 2500, null);
        IpcException e = assertThrows(IpcException.class,
                () -> new AuthLoginMethod(account).call(login("http://127.0.0.1:8008", "alice", "pw"), null));
        assertEquals("homeserver http://127.0.0.1:8008 is rate limiting requests; try again in 3 s", e.getMessage());
    }

    @Test
    void otherMatrixErrorsKeepErrcodeAndStatus() {
        account.failure = new MatrixException(400, "M_UNKNOWN", "Bad thing");
        IpcException e = assertThrows(IpcException.class,
                () -> new AuthLoginMethod(account).call(login("http://127.0.0.1:8008", "alice", "pw"), null));
        assertEquals("login failed: M_UNKNOWN Bad thing (HTTP 400)", e.getMessage());
    }

    @Test
    void badOrMissingParamsAreUsageErrors() {
        IpcException noUrl = assertThrows(IpcException.class,
                () -> new AuthLoginMethod(account).call(login("matrix.example.org", "alice", "pw"), null));
        assertEquals(64, noUrl.exitCode());
        assertTrue(noUrl.getMessage().startsWith("homeserver must be an http(s) URL"), noUrl.getMessage());
        ObjectNode noPassword = JsonRpc.MAPPER.createObjectNode().put("homeserver", "http://h").put("user", "a");
        IpcException missing = assertThrows(IpcException.class,
                () -> new AuthLoginMethod(account).call(noPassword, null));
        assertEquals("missing param: password", missing.getMessage());
        assertEquals(64, missing.exitCode());
    }

    @Test
    void withoutATransportLoginSaysSo() {
        IpcException e = assertThrows(IpcException.class,
                () -> new AuthLoginMethod(null).call(login("http://h", "a", "p"), null));
        assertEquals("no Matrix transport in this runtime", e.getMessage());
    }

    @Test
    void statusWhenLoggedOutIsExitThree() {
        IpcException e = assertThrows(IpcException.class,
                () -> new AuthStatusMethod(account).call(JsonRpc.MAPPER.createObjectNode(), null));
        assertEquals("not logged in", e.getMessage());
        assertEquals(3, e.exitCode());
    }

    @Test
    void statusWhenLoggedInNamesTheSession() throws IpcException {
        account.session = ALICE;
        JsonNode status = new AuthStatusMethod(account).call(JsonRpc.MAPPER.createObjectNode(), null);
        assertTrue(status.get("logged_in").asBoolean());
        assertEquals("@alice:localhost", status.get("user_id").asText());
        assertEquals("DEVICE1", status.get("device_id").asText());
    }

    @Test
    void logoutEndsTheSessionAndNeedsOne() throws IpcException {
        IpcException e = assertThrows(IpcException.class,
                () -> new AuthLogoutMethod(account).call(JsonRpc.MAPPER.createObjectNode(), null));
        assertEquals(3, e.exitCode());
        account.session = ALICE;
        JsonNode result = new AuthLogoutMethod(account).call(JsonRpc.MAPPER.createObjectNode(), null);
        assertTrue(result.get("logged_out").asBoolean());
        assertTrue(account.loggedOut);
    }

    private static ObjectNode login(String homeserver, String user, String password) {
        return JsonRpc.MAPPER.createObjectNode().put("homeserver", homeserver).put("user", user)
                .put("password", password);
    }
}
