package org.mxagent.transport.syncv2.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mxagent.transport.api.RoomEvent;

class RoomEncryptionStatesTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final RoomEncryptionStates states = new RoomEncryptionStates();

    @Test
    void aPlaintextAnswerIsRememberedUntilTheSyncShowsEncryption() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        RoomEncryptionStates.StateReader server = room -> {
            reads.incrementAndGet();
            return Optional.empty();
        };
        assertTrue(states.settings("!r:x", Optional.empty(), server).isEmpty());
        assertTrue(states.settings("!r:x", Optional.empty(), server).isEmpty());
        assertEquals(1, reads.get(), "asked the server once");

        ObjectNode content = mapper.createObjectNode().put("algorithm", "m.megolm.v1.aes-sha2");
        ObjectNode raw = mapper.createObjectNode().put("type", RoomEncryptionStates.TYPE);
        raw.set("content", content);
        states.observe(new RoomEvent("!r:x", "$e", "@a:x", RoomEncryptionStates.TYPE, "", 0, raw));

        assertEquals("m.megolm.v1.aes-sha2", states.settings("!r:x", Optional.empty(), server).orElseThrow()
                .path("algorithm").asText());
        assertEquals(1, reads.get());
    }

    @Test
    void onceEncryptedTheServerIsNotAskedAgain() throws Exception {
        ObjectNode content = mapper.createObjectNode().put("algorithm", "m.megolm.v1.aes-sha2");
        assertTrue(states.settings("!r:x", Optional.empty(), room -> Optional.of(content)).isPresent());
        assertTrue(states.settings("!r:x", Optional.empty(), room -> Optional.empty()).isPresent(),
                "a server that later claims the room is not encrypted is not believed");
    }
}
