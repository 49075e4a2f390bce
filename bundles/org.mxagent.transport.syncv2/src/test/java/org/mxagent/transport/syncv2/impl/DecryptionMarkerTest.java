package org.mxagent.transport.syncv2.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.mxagent.transport.api.RoomEvent;

/**
 * The homeserver cannot make a plaintext event look decrypted, nor forge why one was not: the transport strips the
 * markers it sends.
 */
class DecryptionMarkerTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aDecryptionMarkerFromTheServerIsRemoved() throws Exception {
        ObjectNode raw = (ObjectNode) mapper.readTree("{\"event_id\":\"$x\",\"type\":\"m.room.message\","
                + "\"sender\":\"@evil:x\",\"content\":{\"body\":\"trust me\"},\"unsigned\":{\"age\":3,"
                + "\"" + RoomEvent.DECRYPTION + "\":{\"algorithm\":\"m.megolm.v1.aes-sha2\"}}}");

        RoomEvent event = SyncBatch.toRoomEvent("!r:x", raw);

        assertFalse(event.isDecrypted());
        assertTrue(event.decryption().isEmpty());
        assertEquals(3, event.raw().path("unsigned").path("age").asInt(), "the rest of unsigned stays");
    }

    @Test
    void anEventWithTheMarkerSetByTheTransportReportsItsDecryption() throws Exception {
        ObjectNode raw = (ObjectNode) mapper.readTree("{\"event_id\":\"$x\",\"type\":\"m.room.message\","
                + "\"content\":{},\"unsigned\":{\"" + RoomEvent.DECRYPTION + "\":{\"session_id\":\"S\"}}}");
        RoomEvent event = new RoomEvent("!r:x", "$x", "@a:x", "m.room.message", null, 0, raw);
        assertTrue(event.isDecrypted());
        assertEquals("S", event.decryption().orElseThrow().path("session_id").asText());
    }

    @Test
    void aDecryptionFailureFromTheServerIsRemovedAndOneFromTheTransportIsRead() throws Exception {
        ObjectNode forged = (ObjectNode) mapper.readTree("{\"event_id\":\"$x\",\"type\":\"m.room.encrypted\","
                + "\"content\":{},\"unsigned\":{\"" + RoomEvent.DECRYPTION_FAILURE + "\":{\"reason\":\"WITHHELD\"}}}");
        assertTrue(SyncBatch.toRoomEvent("!r:x", forged).decryptionFailure().isEmpty());

        ObjectNode raw = (ObjectNode) mapper.readTree("{\"event_id\":\"$x\",\"type\":\"m.room.encrypted\","
                + "\"content\":{},\"unsigned\":{\"" + RoomEvent.DECRYPTION_FAILURE + "\":{\"reason\":"
                + "\"MISSING_SESSION\",\"message\":\"no room key for session S\"}}}");
        RoomEvent event = new RoomEvent("!r:x", "$x", "@a:x", "m.room.encrypted", null, 0, raw);
        assertEquals("MISSING_SESSION: no room key for session S", event.decryptionFailure().orElseThrow());
        assertFalse(event.isDecrypted());
    }
}
