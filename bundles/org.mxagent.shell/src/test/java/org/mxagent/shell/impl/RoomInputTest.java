package org.mxagent.shell.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mxagent.transport.api.MatrixSession;
import org.mxagent.transport.api.SyncStatus;

class RoomInputTest {
    @Test
    void acceptsRoomIdsAndAliasesAndExplainsWhatElse() {
        assertEquals("!abc:localhost", RoomInput.roomIdOrAlias("!abc:localhost"));
        assertEquals("#ws:localhost", RoomInput.roomIdOrAlias("#ws:localhost"));
        assertEquals("!_a8SBwoqO_HxBpHc", RoomInput.roomIdOrAlias("!_a8SBwoqO_HxBpHc"));
        assertThrows(IllegalArgumentException.class, () -> RoomInput.roomIdOrAlias("#ws"));
        assertThrows(IllegalArgumentException.class, () -> RoomInput.roomIdOrAlias("!"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RoomInput.roomIdOrAlias("general"));
        assertTrue(error.getMessage().contains("!id:server"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RoomInput.roomIdOrAlias("!abc:"));
    }

    @Test
    void checksUserIdsAndHomeserverUrls() {
        assertEquals("@bob:localhost", RoomInput.userId("@bob:localhost"));
        assertThrows(IllegalArgumentException.class, () -> RoomInput.userId("bob"));
        assertEquals("127.0.0.1", RoomInput.homeserver("http://127.0.0.1:8008").getHost());
        assertThrows(IllegalArgumentException.class, () -> RoomInput.homeserver("ftp://x"));
        assertThrows(IllegalArgumentException.class, () -> RoomInput.homeserver("localhost:8008"));
    }

    @Test
    void eventContentMustBeAJsonObject() {
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(1, RoomInput.jsonObject(mapper, "{\"a\":1}").get("a").asInt());
        assertThrows(IllegalArgumentException.class, () -> RoomInput.jsonObject(mapper, "[1]"));
        assertThrows(IllegalArgumentException.class, () -> RoomInput.jsonObject(mapper, "{oops"));
    }

    @Test
    void syncReportShowsLagFailuresAndRateLimit() {
        Instant now = Instant.parse("2026-11-24T12:00:10Z");
        SyncStatus status = new SyncStatus(true, "s12_34", Instant.parse("2026-11-24T12:00:08Z"), 120, 7, 42, 2,
                null, Instant.parse("2026-11-24T12:00:13Z"), "GET /sync: M_LIMIT_EXCEEDED: Too Many Requests");
        String report = SyncReport.format(new MatrixSession(java.net.URI.create("http://127.0.0.1:8008"),
                "@a:localhost", "DEV"), status, now);
        assertTrue(report.contains("s12_34"), report);
        assertTrue(report.contains("2000 ms ago"), report);
        assertTrue(report.contains("2 in a row"), report);
        assertTrue(report.contains("until 2026-11-24T12:00:13Z (3000 ms)"), report);
        assertTrue(report.contains("M_LIMIT_EXCEEDED"), report);
    }
}
