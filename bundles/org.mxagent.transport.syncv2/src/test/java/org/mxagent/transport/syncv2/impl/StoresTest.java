package org.mxagent.transport.syncv2.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.transport.api.MatrixException;

class StoresTest {
    @TempDir
    Path dir;

    @Test
    void sessionRoundTripsWithOwnerOnlyPermissionsAndNeverPrintsTheToken() throws IOException {
        SessionStore store = new SessionStore(dir, new ObjectMapper());
        StoredSession session = new StoredSession(URI.create("http://127.0.0.1:8008"), "@a:localhost", "DEV",
                "syt_secret_token");

        store.save(session);

        assertEquals(Optional.of(session), store.load());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("session.json"))));
        assertFalse(session.toString().contains("syt_secret_token"));
        store.delete();
        assertEquals(Optional.empty(), store.load());
    }

    @Test
    void corruptSessionFileIsAClearError() throws IOException {
        Files.writeString(dir.resolve("session.json"), "{\"homeserver\": 3}");
        IOException error = assertThrows(IOException.class, () -> new SessionStore(dir, new ObjectMapper()).load());
        assertTrue(error.getMessage().contains("homeserver"), error.getMessage());
    }

    @Test
    void syncTokenRoundTrips() throws IOException {
        SyncTokenStore store = new SyncTokenStore(dir);
        assertEquals(Optional.empty(), store.load());
        store.save("s72594_4483_1934");
        assertEquals(Optional.of("s72594_4483_1934"), store.load());
    }

    @Test
    void retryDelayFollowsTheServerHintClampedToFiveMinutes() {
        assertEquals(Duration.ofMillis(1500), HttpMatrixApi.retryDelay(new MatrixException(429, "M_LIMIT_EXCEEDED", "x", 1500, null)));
        assertEquals(Duration.ofSeconds(1), HttpMatrixApi.retryDelay(new MatrixException(429, "M_LIMIT_EXCEEDED", "x")));
        assertEquals(Duration.ofMinutes(5), HttpMatrixApi.retryDelay(new MatrixException(429, null, "x", 3_600_000, null)));
    }

    @Test
    void stopSignalEndsAPauseEarly() throws InterruptedException {
        StopSignal stop = new StopSignal();
        stop.stop();
        assertFalse(stop.pause(Duration.ofHours(1)));
    }
}
