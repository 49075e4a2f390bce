package org.mxagent.transport.syncv2.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SharedSecretRegistrationTest {
    @Test
    void macIsHmacSha1OverNonceUserPasswordAndAdminFlag() {
        // Reference computed independently:
        // python3 -c "import hmac,hashlib; print(hmac.new(b'secret', b'abc\x00alice\x00pw\x00notadmin', hashlib.sha1).hexdigest())"
        SharedSecretRegistration registration = new SharedSecretRegistration("alice", "pw".toCharArray(),
                "secret".toCharArray());
        assertEquals(EXPECTED_MAC, registration.mac("abc"));
    }

    @Test
    void bodyCarriesNonceUserPasswordMacAndNoSecret() {
        ObjectNode body = new SharedSecretRegistration("alice", "pw".toCharArray(), "secret".toCharArray())
                .body(new ObjectMapper(), "abc");
        assertEquals("abc", body.get("nonce").asText());
        assertEquals("alice", body.get("username").asText());
        assertEquals(EXPECTED_MAC, body.get("mac").asText());
        assertFalse(body.toString().contains("secret"));
    }

    private static final String EXPECTED_MAC = "42e32623fe124933c326f9d2d67ff7c617915a10";
}
